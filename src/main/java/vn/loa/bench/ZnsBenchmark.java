package vn.loa.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import vn.loa.audience.SegmentSpec;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkPacing;
import vn.loa.channels.sms.sandbox.SimulatorInbox;
import vn.loa.channels.zalo.zns.ZnsBroadcastWorker;
import vn.loa.channels.zalo.zns.ZnsProperties;
import vn.loa.channels.zalo.zns.sandbox.ZnsInbox;
import vn.loa.channels.zalo.zns.sandbox.ZnsSimulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar target/loa.jar bench zns [--recipients=1000000] [--no-zalo-share=0.3]}:
 * N synthetic subscribers through the real ZNS job with SMS fallback (real client, real
 * HTTP, the ZNS and Twilio simulators, bulk writes to PostgreSQL), measured against the
 * same run's floor: COPY of the same number of delivery rows ∥ a bare loop of the same
 * ZNS client at the same concurrency. Which numbers got a ZNS message, an SMS, both or
 * neither is counted at the simulators, not assumed.
 */
@Component
@ConditionalOnProperty(prefix = "loa.channels.zalo-zns", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class ZnsBenchmark implements Benchmark {

	static final String AREA = "BENCHZNS";

	static final long PUBLICATION = 900_000_011L;

	static final long COPY_PUBLICATION = 900_000_012L;

	/** Not bench broadcast's {@code +8490}: both keep their subscribers in loa_bench. */
	private static final String PREFIX = "+8492";

	private static final int MAX_HTTP_BASELINE = 200_000;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final BulkJobs jobs;

	private final ZnsBroadcastWorker worker;

	private final ZnsSimulator simulator;

	private final ZnsInbox znsInbox;

	private final SimulatorInbox smsInbox;

	private final ZnsProperties properties;

	ZnsBenchmark(DataSource dataSource, JdbcTemplate jdbc, BulkJobs jobs, ZnsBroadcastWorker worker,
			ZnsSimulator simulator, ZnsInbox znsInbox, SimulatorInbox smsInbox, ZnsProperties properties) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.worker = worker;
		this.simulator = simulator;
		this.znsInbox = znsInbox;
		this.smsInbox = smsInbox;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "zns";
	}

	@Override
	public void run(Map<String, String> options, PrintStream out) throws Exception {
		int recipients = Integer.parseInt(options.getOrDefault("recipients", "1000000"));
		double share = Double.parseDouble(options.getOrDefault("no-zalo-share", "0.3"));
		out.printf(Locale.ROOT, "bench zns: %d recipients, no-Zalo share %.2f, %d senders, batch %d%n", recipients,
				share, this.properties.senders(), this.properties.batchSize());
		this.worker.useSandboxToken();
		this.simulator.reset();
		this.simulator.callbacks(false);
		this.simulator.dailyQuota(Long.MAX_VALUE / 2);
		clean();
		long t = System.nanoTime();
		copySubscribers(recipients);
		out.printf(Locale.ROOT, "subscribers copied in %.1f s%n", BenchFloors.seconds(t));

		double copyRate = copyBaseline(recipients);
		out.printf(Locale.ROOT, "baseline copy: %.0f rows/s%n", copyRate);
		int httpCount = Math.min(recipients, MAX_HTTP_BASELINE);
		// Warm the client, the simulator and the JIT first, as the broadcast runs warm.
		httpBaseline(Math.min(httpCount, 20_000));
		double httpRate = httpBaseline(httpCount);
		out.printf(Locale.ROOT, "baseline http: %.0f requests/s (%d requests)%n", httpRate, httpCount);

		this.simulator.noZaloShare(share);
		Seen zns = new Seen(recipients);
		Seen sms = new Seen(recipients);
		double secondsTaken;
		try (AutoCloseable z = this.znsInbox.listen((received) -> zns.add(received.phone()));
				AutoCloseable s = this.smsInbox.listen((received) -> sms.add(received.to()))) {
			// Due tomorrow: the scheduled worker, which would take ranges of the job too
			// and
			// pace them at the channel's rate on the same senders, leaves it to this run.
			long job = this.jobs.enqueue("zalo-zns", PUBLICATION, "area=" + AREA, SegmentSpec.of(null, AREA), payload(),
					"bench", true, Instant.now().plus(1, ChronoUnit.DAYS));
			long start = System.nanoTime();
			this.worker.run(job, BulkPacing.NONE);
			while (this.jobs.find(job).orElseThrow().state() != BulkJob.State.DONE) {
				TimeUnit.MILLISECONDS.sleep(100);
			}
			secondsTaken = BenchFloors.seconds(start);
		}
		finally {
			this.simulator.reset();
		}
		long znsRows = count("select count(*) from delivery where publication_id = ? and channel = 'zalo-zns'");
		long znsDistinct = count(
				"select count(distinct target) from delivery where publication_id = ? and channel = 'zalo-zns'");
		long znsSent = count("select count(*) from delivery where publication_id = ? and channel = 'zalo-zns' "
				+ "and status in ('SENT', 'DELIVERED')");
		long smsRows = count("select count(*) from delivery where publication_id = ? and channel = 'sms'");
		long smsDistinct = count(
				"select count(distinct target) from delivery where publication_id = ? and channel = 'sms'");
		long smsSent = count("select count(*) from delivery where publication_id = ? and channel = 'sms' "
				+ "and status in ('SENT', 'DELIVERED') and replaces_id is not null");
		BitSet both = (BitSet) zns.seen().clone();
		both.and(sms.seen());
		BitSet either = (BitSet) zns.seen().clone();
		either.or(sms.seen());
		long neither = recipients - either.cardinality();
		long lost = recipients - Math.min(znsSent + smsSent, either.cardinality());
		long duplicates = (znsRows - znsDistinct) + (smsRows - smsDistinct) + zns.duplicates() + sms.duplicates();
		double perSecond = recipients / secondsTaken;
		double floor = 1 / (1 / copyRate + 1 / httpRate);
		out.printf(Locale.ROOT,
				"zns_rows=%d zns_sent=%d sms_rows=%d sms_sent=%d simulator_zns=%d simulator_sms=%d seconds=%.1f%n",
				znsRows, znsSent, smsRows, smsSent, zns.seen().cardinality(), sms.seen().cardinality(), secondsTaken);
		out.printf(Locale.ROOT,
				"RESULT name=zns recipients=%d per_second=%.0f floor_per_second=%.0f ratio=%.2f zns_delivered=%d "
						+ "sms_fallback=%d both=%d neither=%d lost=%d duplicates=%d peak_rss_mb=%d%n",
				recipients, perSecond, floor, perSecond / floor, znsSent, smsSent, both.cardinality(), neither, lost,
				duplicates, BenchFloors.peakRssMb());
		if (both.cardinality() > 0 || neither > 0 || lost > 0 || duplicates > 0) {
			throw new IllegalStateException("zns benchmark counted recipients with both, neither, lost or duplicated");
		}
	}

	private String payload() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("templateId", "355330");
		data.put("data", templateData());
		data.put("fallback", true);
		data.put("smsText", "UBND tinh thong bao: tu 01/12/2026 nop ho so thu tuc hanh chinh truc tuyen tai "
				+ "dichvucong.gov.vn. Hotline 0258 3822 222.");
		data.put("smsTemplateVersion", "bench");
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(data);
	}

	private static Map<String, String> templateData() {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("ten_thong_bao", "Nộp hồ sơ thủ tục hành chính trực tuyến");
		data.put("noi_dung", "Từ 01/12/2026 người dân nộp hồ sơ trực tuyến tại dichvucong.gov.vn");
		data.put("duong_dan", "https://loa.example.gov.vn/s/bench");
		data.put("hotline", "0258 3822 222");
		data.put("co_quan", "Sở Nội vụ tỉnh Khánh Hòa");
		return data;
	}

	private void clean() {
		this.jdbc.update("delete from delivery where publication_id in (?, ?)", PUBLICATION, COPY_PUBLICATION);
		this.jdbc.update("delete from bulk_batch where job_id in (select id from bulk_job where publication_id = ?)",
				PUBLICATION);
		this.jdbc.update("delete from bulk_job where publication_id = ?", PUBLICATION);
		this.jdbc.update("delete from subscriber where area_l1 = ?", AREA);
		this.znsInbox.clear();
		this.smsInbox.clear();
	}

	/** Synthetic subscribers, streamed through COPY (setup, not measured). */
	private void copySubscribers(int count) throws SQLException, IOException {
		BenchFloors.copySubscribers(this.dataSource, count, PREFIX, AREA);
	}

	/** Floor 1: the same number of delivery rows COPYed into the same table. */
	private double copyBaseline(int count) throws SQLException {
		return BenchFloors.copyDeliveries(this.dataSource, this.jdbc, COPY_PUBLICATION, "zalo-zns", "zalo-zns", "",
				PREFIX, count);
	}

	/** Floor 2: the same ZNS client, same concurrency, in a bare loop. */
	private double httpBaseline(int count) throws Exception {
		Map<String, String> data = templateData();
		double rate = BenchFloors.bareLoop(this.properties.senders(), count,
				(i) -> this.worker.sendBare(BenchFloors.phone("+8493", (int) i), "355330", data, Long.toString(i)));
		this.znsInbox.clear();
		return rate;
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class, PUBLICATION);
	}

	/** Which synthetic numbers a simulator took, and how often one came twice. */
	static final class Seen {

		private final BitSet seen;

		private long duplicates;

		Seen(int size) {
			this.seen = new BitSet(size);
		}

		synchronized void add(String phone) {
			String digits = phone.startsWith("+") ? phone.substring(1) : phone;
			if (!digits.startsWith(PREFIX.substring(1))) {
				return;
			}
			int index = Integer.parseInt(digits.substring(4));
			if (this.seen.get(index)) {
				this.duplicates++;
			}
			this.seen.set(index);
		}

		synchronized BitSet seen() {
			return this.seen;
		}

		synchronized long duplicates() {
			return this.duplicates;
		}

	}

}
