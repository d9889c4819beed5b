package vn.loa.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import vn.loa.audience.SegmentSpec;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkPacer;
import vn.loa.channels.bulk.BulkPacing;
import vn.loa.channels.sms.SmsBroadcastWorker;
import vn.loa.channels.sms.SmsBroadcasts;
import vn.loa.channels.sms.SmsProperties;
import vn.loa.channels.sms.sandbox.SimulatorFaults;
import vn.loa.channels.sms.sandbox.SimulatorInbox;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench broadcast}: fans N synthetic subscribers through the real broadcast worker
 * (real SDK, real HTTP, the simulator, bulk writes to PostgreSQL) and measures, in the
 * same run, the two floors it cannot beat: COPY of the same delivery rows into the same
 * table, and a bare loop of the same HTTP client against the simulator. Losses and
 * duplicates are counted in the table and at the simulator, not assumed.
 */
final class BroadcastBenchmark {

	static final String AREA = "BENCH";

	static final long PUBLICATION = 900_000_001L;

	static final long COPY_PUBLICATION = 900_000_002L;

	private static final String BODY = "UBND tinh thong bao: tu 01/12/2026 nop ho so thu tuc hanh chinh truc tuyen "
			+ "tai dichvucong.gov.vn. Hotline 0258 3822 222.";

	private static final int MAX_HTTP_BASELINE = 200_000;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final SmsBroadcasts broadcasts;

	private final SmsBroadcastWorker worker;

	private final SimulatorInbox inbox;

	private final SimulatorFaults faults;

	private final SmsProperties properties;

	BroadcastBenchmark(DataSource dataSource, JdbcTemplate jdbc, SmsBroadcasts broadcasts, SmsBroadcastWorker worker,
			SimulatorInbox inbox, SimulatorFaults faults, SmsProperties properties) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.broadcasts = broadcasts;
		this.worker = worker;
		this.inbox = inbox;
		this.faults = faults;
		this.properties = properties;
	}

	/**
	 * Runs the benchmark; {@code rate} null means unpaced fan-out. Returns the exit code.
	 */
	int run(int recipients, Double rate, PrintStream out) throws Exception {
		if (rate != null) {
			return runPaced(rate, out);
		}
		out.printf(Locale.ROOT, "bench broadcast: %d recipients, %d senders, batch %d%n", recipients,
				this.properties.broadcast().senders(), this.properties.broadcast().batchSize());
		clean();
		long t = System.nanoTime();
		copySubscribers(recipients, "+8490", AREA);
		out.printf(Locale.ROOT, "subscribers copied in %.1f s%n", BenchFloors.seconds(t));

		double copyRate = copyBaseline(recipients);
		out.printf(Locale.ROOT, "baseline copy: %.0f rows/s%n", copyRate);
		int httpCount = Math.min(recipients, MAX_HTTP_BASELINE);
		// Warm the client, the simulator and the JIT first, so the baseline is not
		// measured on
		// a cold JVM while the broadcast after it runs warm.
		httpBaseline(Math.min(httpCount, 20_000));
		double httpRate = httpBaseline(httpCount);
		out.printf(Locale.ROOT, "baseline http: %.0f requests/s (%d requests)%n", httpRate, httpCount);

		Receipts receipts = new Receipts("+8490", recipients);
		double secondsTaken;
		try (AutoCloseable listening = this.inbox.listen((received) -> receipts.add(received.to()))) {
			long jobId = this.broadcasts.enqueue(PUBLICATION, "area=" + AREA, SegmentSpec.of(null, AREA), BODY, "bench",
					true, dueTomorrow());
			long start = System.nanoTime();
			this.worker.run(jobId, BulkPacing.NONE);
			while (this.broadcasts.find(jobId).orElseThrow().state() != BulkJob.State.DONE) {
				// wait until the job is recorded done
				TimeUnit.MILLISECONDS.sleep(100);
			}
			secondsTaken = BenchFloors.seconds(start);
		}
		long rows = count("select count(*) from delivery where publication_id = ? and channel = 'sms'");
		long distinctTargets = count(
				"select count(distinct target) from delivery where publication_id = ? and channel = 'sms'");
		long sentRows = count(
				"select count(*) from delivery where publication_id = ? and channel = 'sms' and status = 'SENT'");
		long lost = recipients - Math.min(sentRows, receipts.distinct());
		long duplicates = (rows - distinctTargets) + receipts.duplicates();
		double perSecond = recipients / secondsTaken;
		double floor = 1 / (1 / copyRate + 1 / httpRate);
		out.printf(Locale.ROOT,
				"rows=%d distinct_targets=%d sent_rows=%d simulator_received=%d simulator_distinct=%d%n", rows,
				distinctTargets, sentRows, receipts.total(), receipts.distinct());
		out.printf(Locale.ROOT,
				"RESULT name=broadcast recipients=%d seconds=%.1f per_second=%.0f floor_per_second=%.0f ratio=%.2f "
						+ "peak_rss_mb=%d lost=%d duplicates=%d%n",
				recipients, secondsTaken, perSecond, floor, perSecond / floor, BenchFloors.peakRssMb(), lost,
				duplicates);
		return (lost == 0 && duplicates == 0) ? 0 : 1;
	}

	/**
	 * {@code --rate}: the paced worker for two minutes against a simulator that answers
	 * 429 above the same rate, as Twilio does; counts what was taken and refused.
	 */
	private int runPaced(double rate, PrintStream out) throws Exception {
		Duration window = Duration.ofMinutes(2);
		int recipients = (int) Math.ceil(rate * (window.toSeconds() + 30));
		out.printf(Locale.ROOT, "bench broadcast --rate=%.1f: %d recipients, measuring %d s%n", rate, recipients,
				window.toSeconds());
		clean();
		copySubscribers(recipients, "+8490", AREA);
		this.faults.enforceRate(rate);
		AtomicLong taken = new AtomicLong();
		AtomicLong firstAt = new AtomicLong();
		AtomicLong inWindow = new AtomicLong();
		long windowNanos = window.toNanos();
		BulkPacer pacer = BulkPacer.system(rate);
		try (AutoCloseable listening = this.inbox.listen((received) -> {
			long now = System.nanoTime();
			firstAt.compareAndSet(0, now);
			taken.incrementAndGet();
			if (now - firstAt.get() < windowNanos) {
				inWindow.incrementAndGet();
			}
		})) {
			long jobId = this.broadcasts.enqueue(PUBLICATION, "area=" + AREA, SegmentSpec.of(null, AREA), BODY, "bench",
					true, dueTomorrow());
			ExecutorService runner = Executors.newSingleThreadExecutor();
			Future<Boolean> running = runner.submit(() -> this.worker.run(jobId, BulkPacing.with(pacer)));
			while (firstAt.get() == 0 || System.nanoTime() - firstAt.get() < windowNanos) {
				TimeUnit.MILLISECONDS.sleep(200);
			}
			this.broadcasts.cancel(PUBLICATION);
			running.get(5, TimeUnit.MINUTES);
			runner.shutdown();
		}
		finally {
			this.faults.enforceRate(0);
		}
		long refused = count("select count(*) from delivery where publication_id = ? and channel = 'sms' "
				+ "and error_code = '" + SmsBroadcastWorker.TOO_MANY_REQUESTS + "'");
		double achieved = inWindow.get() / (double) window.toSeconds();
		out.printf(Locale.ROOT,
				"RESULT name=broadcast-rate rate=%.1f seconds=%d sent=%d achieved_per_second=%.2f deviation_pct=%.2f "
						+ "too_many_requests=%d peak_rss_mb=%d%n",
				rate, window.toSeconds(), inWindow.get(), achieved, 100 * (achieved - rate) / rate,
				Math.max(refused, this.faults.rejectedForRate()), BenchFloors.peakRssMb());
		return 0;
	}

	private void clean() {
		this.jdbc.update("delete from delivery where publication_id in (?, ?)", PUBLICATION, COPY_PUBLICATION);
		this.jdbc.update("delete from bulk_batch where job_id in (select id from bulk_job where publication_id = ?)",
				PUBLICATION);
		this.jdbc.update("delete from bulk_job where publication_id = ?", PUBLICATION);
		this.jdbc.update("delete from subscriber where area_l1 = ?", AREA);
		this.inbox.clear();
	}

	/** Synthetic subscribers, streamed through COPY (setup, not measured). */
	private void copySubscribers(int count, String prefix, String area) throws SQLException, IOException {
		BenchFloors.copySubscribers(this.dataSource, count, prefix, area);
	}

	/** Baseline 1: the same delivery rows COPYed into the same table. */
	private double copyBaseline(int count) throws SQLException {
		return BenchFloors.copyDeliveries(this.dataSource, this.jdbc, COPY_PUBLICATION, "sms", "twilio", "SM", "+8490",
				count);
	}

	/** Baseline 2: the same SDK client, same concurrency, in a bare loop. */
	private double httpBaseline(int count) throws Exception {
		double rate = BenchFloors.bareLoop(this.properties.broadcast().senders(), count,
				(i) -> this.worker.sendBare(BenchFloors.phone("+8491", (int) i), BODY));
		this.inbox.clear();
		return rate;
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class, PUBLICATION);
	}

	/**
	 * A job due tomorrow, which this run works at once: the scheduled worker, which would
	 * take ranges of a due job too and pace them at the channel's configured rate, leaves
	 * it alone.
	 */
	private static Instant dueTomorrow() {
		return Instant.now().plus(1, java.time.temporal.ChronoUnit.DAYS);
	}

}
