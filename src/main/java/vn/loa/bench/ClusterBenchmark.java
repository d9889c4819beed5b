package vn.loa.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import vn.loa.audience.SegmentSpec;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkRunner;
import vn.loa.channels.sms.SmsBroadcasts;
import vn.loa.channels.sms.sandbox.SimulatorFaults;
import vn.loa.channels.sms.sandbox.SimulatorInbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar target/loa.jar bench cluster [--recipients=N] [--jfr=file]
 * [--vhost=name]}: the same unpaced SMS broadcast, first on one node, then on two nodes,
 * each node a JVM of its own started from the same jar ({@code postgres,cluster}, the
 * benchmark's database), both sending to this JVM's simulator, which counts every
 * request. This JVM works no job itself. Node start-up is not timed: from the job's
 * creation to its end. {@code --jfr} records the single node with Flight Recorder;
 * {@code --vhost} keeps the nodes' RabbitMQ traffic in a virtual host of their own.
 */
@Component
@ConditionalOnProperty(prefix = "loa.channels.sms", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class ClusterBenchmark implements Benchmark {

	static final String AREA = "CLUSTER";

	static final String PREFIX = "+8495";

	private static final long ONE_NODE = 900_000_011L;

	private static final long TWO_NODES = 900_000_012L;

	private static final String BODY = "UBND tinh thong bao: tu 01/12/2026 nop ho so thu tuc hanh chinh truc tuyen "
			+ "tai dichvucong.gov.vn. Hotline 0258 3822 222.";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final SmsBroadcasts broadcasts;

	private final BulkJobs jobs;

	private final BulkRunner runner;

	private final SimulatorInbox inbox;

	private final SimulatorFaults faults;

	private final Environment environment;

	ClusterBenchmark(DataSource dataSource, JdbcTemplate jdbc, SmsBroadcasts broadcasts, BulkJobs jobs,
			BulkRunner runner, SimulatorInbox inbox, SimulatorFaults faults, Environment environment) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.broadcasts = broadcasts;
		this.jobs = jobs;
		this.runner = runner;
		this.inbox = inbox;
		this.faults = faults;
		this.environment = environment;
	}

	@Override
	public String name() {
		return "cluster";
	}

	@Override
	public void run(Map<String, String> options, PrintStream out) throws Exception {
		// This JVM is the simulator and the observer: the nodes do all the sending.
		this.runner.stop();
		clean();
		if (options.containsKey("rate")) {
			runPaced(Double.parseDouble(options.get("rate")), options, out);
			return;
		}
		int recipients = Integer.parseInt(options.getOrDefault("recipients", "1000000"));
		long t = System.nanoTime();
		BenchFloors.copySubscribers(this.dataSource, recipients, PREFIX, AREA);
		out.printf(Locale.ROOT, "bench cluster: %d recipients copied in %.1f s%n", recipients, BenchFloors.seconds(t));
		List<String> common = common(options, "--loa.channels.sms.rate-per-second=1000000",
				"--loa.channels.bulk.shared-pacing=false");
		List<String> profile = options.containsKey("jfr")
				? List.of("-XX:StartFlightRecording=settings=profile,filename=" + options.get("jfr")) : List.of();
		Run one;
		Run two;
		try (LoaNodes nodes = new LoaNodes(common)) {
			LoaNodes.Node single = nodes.start("one", profile);
			nodes.awaitUp(single, Duration.ofMinutes(5));
			one = broadcast(ONE_NODE, recipients, nodes, out);
			single.stop();
			LoaNodes.Node a = nodes.start("A", List.of());
			LoaNodes.Node b = nodes.start("B", List.of());
			nodes.awaitUp(a, Duration.ofMinutes(5));
			nodes.awaitUp(b, Duration.ofMinutes(5));
			two = broadcast(TWO_NODES, recipients, nodes, out);
		}
		long lost = one.lost() + two.lost();
		long duplicates = one.duplicates() + two.duplicates();
		boolean bothWorked = two.batchesByNode().size() == 2;
		out.printf(Locale.ROOT,
				"RESULT name=cluster recipients=%d one_node_per_second=%.0f two_nodes_per_second=%.0f scaling=%.2f "
						+ "lost=%d duplicates=%d both_nodes_worked=%s%n",
				recipients, one.perSecond(), two.perSecond(), two.perSecond() / one.perSecond(), lost, duplicates,
				bothWorked);
		if (lost != 0 || duplicates != 0 || !bothWorked) {
			throw new IllegalStateException("cluster benchmark counted lost or duplicated messages, or an idle node");
		}
	}

	/** What every node gets: the benchmark's database, this JVM's simulator. */
	private List<String> common(Map<String, String> options, String... more) {
		List<String> common = new ArrayList<>(List.of("--spring.profiles.active=postgres,cluster",
				"--spring.datasource.url=" + this.environment.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + this.environment.getProperty("spring.datasource.username", ""),
				"--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password", ""),
				"--loa.demo.enabled=true", "--loa.channels.sms.mode=sandbox",
				"--loa.channels.sms.simulator.port=" + this.environment.getProperty("local.server.port"),
				"--loa.channels.sms.simulator.callbacks=false", "--loa.channels.sms.quiet-hours.enabled=false",
				"--loa.channels.sms.broadcast.poll-interval=200ms", "--loa.publishing.scheduler-interval=1h",
				"--logging.structured.format.console="));
		common.addAll(List.of(more));
		if (options.containsKey("vhost")) {
			LoaNodes.virtualHost(options.get("vhost"));
			common.add("--spring.rabbitmq.virtual-host=" + options.get("vhost"));
		}
		return common;
	}

	/**
	 * Two nodes, one paced broadcast, one sender: the rate the simulator sees over a
	 * minute and the 429s it answers above the provider's limit.
	 */
	private void runPaced(double rate, Map<String, String> options, PrintStream out) throws Exception {
		Duration window = Duration.ofMinutes(1);
		int recipients = (int) Math.ceil(rate * (window.toSeconds() + 60));
		BenchFloors.copySubscribers(this.dataSource, recipients, PREFIX, AREA);
		this.jdbc.update("delete from bulk_pace");
		List<String> common = common(options, "--loa.channels.sms.rate-per-second=" + rate,
				"--loa.channels.bulk.shared-pacing=true", "--loa.channels.sms.broadcast.batch-size=20");
		AtomicLongs counted = new AtomicLongs();
		Receipts receipts = new Receipts(PREFIX, recipients);
		try (LoaNodes nodes = new LoaNodes(common)) {
			LoaNodes.Node a = nodes.start("A", List.of());
			LoaNodes.Node b = nodes.start("B", List.of());
			nodes.awaitUp(a, Duration.ofMinutes(5));
			nodes.awaitUp(b, Duration.ofMinutes(5));
			this.faults.enforceRate(rate);
			long windowNanos = window.toNanos();
			try (AutoCloseable listening = this.inbox.listen((received) -> {
				long now = System.nanoTime();
				counted.first.compareAndSet(0, now);
				if (now - counted.first.get() < windowNanos) {
					counted.inWindow.incrementAndGet();
				}
				receipts.add(received.to());
			})) {
				this.broadcasts.enqueue(ONE_NODE, "area=" + AREA, SegmentSpec.of(null, AREA), BODY, "bench", true,
						Instant.now());
				long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
				while (counted.first.get() == 0 || System.nanoTime() - counted.first.get() < windowNanos) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("the paced broadcast did not start within 10 minutes");
					}
					TimeUnit.MILLISECONDS.sleep(200);
				}
				this.broadcasts.cancel(ONE_NODE);
			}
		}
		finally {
			this.faults.enforceRate(0);
		}
		Map<String, Long> byNode = new TreeMap<>();
		long job = this.jobs.findByPublication(ONE_NODE, "sms", "area=" + AREA).orElseThrow().id();
		for (BulkJobs.BulkBatch batch : this.jobs.batches(job)) {
			byNode.merge(batch.node().split(":")[1], 1L, Long::sum);
		}
		double achieved = counted.inWindow.get() / (double) window.toSeconds();
		out.printf(Locale.ROOT,
				"RESULT name=cluster-rate nodes=2 rate=%.1f seconds=%d sent=%d achieved_per_second=%.2f "
						+ "deviation_pct=%.2f too_many_requests=%d duplicates=%d both_nodes_worked=%s%n",
				rate, window.toSeconds(), counted.inWindow.get(), achieved, 100 * (achieved - rate) / rate,
				this.faults.rejectedForRate(), receipts.duplicates(), byNode.size() == 2);
	}

	/** The first receipt's time and the receipts inside the window. */
	private static final class AtomicLongs {

		final java.util.concurrent.atomic.AtomicLong first = new java.util.concurrent.atomic.AtomicLong();

		final java.util.concurrent.atomic.AtomicLong inWindow = new java.util.concurrent.atomic.AtomicLong();

	}

	/** One broadcast to every subscriber, timed from the job's creation to its end. */
	private Run broadcast(long publication, int recipients, LoaNodes nodes, PrintStream out) throws Exception {
		Receipts receipts = new Receipts(PREFIX, recipients);
		long jobId;
		double seconds;
		try (AutoCloseable listening = this.inbox.listen((received) -> receipts.add(received.to()))) {
			long start = System.nanoTime();
			jobId = this.broadcasts.enqueue(publication, "area=" + AREA, SegmentSpec.of(null, AREA), BODY, "bench",
					true, Instant.now());
			long deadline = start + TimeUnit.HOURS.toNanos(2);
			while (this.jobs.find(jobId).orElseThrow().state() != BulkJob.State.DONE) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the broadcast did not end within 2 hours");
				}
				TimeUnit.MILLISECONDS.sleep(100);
			}
			seconds = BenchFloors.seconds(start);
		}
		long rows = count("select count(*) from delivery where publication_id = ? and channel = 'sms'", publication);
		long distinct = count(
				"select count(distinct target) from delivery where publication_id = ? and " + "channel = 'sms'",
				publication);
		long sent = count(
				"select count(*) from delivery where publication_id = ? and channel = 'sms' and " + "status = 'SENT'",
				publication);
		Map<String, Long> byNode = new TreeMap<>();
		for (BulkJobs.BulkBatch batch : this.jobs.batches(jobId)) {
			if ("RECORDED".equals(batch.state())) {
				String[] parts = batch.node().split(":");
				byNode.merge(nodes.nameOf(Long.parseLong(parts[parts.length - 2])), 1L, Long::sum);
			}
		}
		Run run = new Run(recipients / seconds, recipients - Math.min(sent, receipts.distinct()),
				(rows - distinct) + receipts.duplicates(), byNode);
		out.printf(Locale.ROOT,
				"%d node(s): %.1f s, %.0f/s, rows=%d distinct=%d sent=%d simulator_received=%d "
						+ "simulator_distinct=%d batches_by_node=%s%n",
				byNode.size(), seconds, run.perSecond(), rows, distinct, sent, receipts.total(), receipts.distinct(),
				byNode);
		return run;
	}

	private record Run(double perSecond, long lost, long duplicates, Map<String, Long> batchesByNode) {
	}

	private void clean() {
		for (long publication : List.of(ONE_NODE, TWO_NODES)) {
			this.jdbc.update("delete from delivery where publication_id = ?", publication);
			this.jdbc.update(
					"delete from bulk_batch where job_id in (select id from bulk_job where publication_id = ?)",
					publication);
			this.jdbc.update("delete from bulk_job where publication_id = ?", publication);
		}
		this.jdbc.update("delete from subscriber where area_l1 = ?", AREA);
		this.inbox.clear();
	}

	private long count(String sql, long publication) {
		return this.jdbc.queryForObject(sql, Long.class, publication);
	}

}
