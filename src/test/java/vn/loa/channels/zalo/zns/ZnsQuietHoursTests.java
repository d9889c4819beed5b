package vn.loa.channels.zalo.zns;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import vn.loa.audience.SegmentSpec;
import vn.loa.audience.Subscribers;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkPacing;
import vn.loa.channels.sms.QuietHoursBroadcastTests;
import vn.loa.channels.sms.sandbox.SimulatorInbox;
import vn.loa.channels.zalo.zns.sandbox.ZnsInbox;
import vn.loa.channels.zalo.zns.sandbox.ZnsSimulator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMS quiet hours set around the current time: a ZNS job with SMS fallback waits for
 * their end with nothing sent (a fallback SMS is an SMS); the same job marked urgent goes
 * at once, fallback included; a ZNS job without fallback sends only ZNS and does not
 * wait. On the embedded H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ZnsJourney.ZnsTestConfiguration.class)
class ZnsQuietHoursTests {

	private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

	@DynamicPropertySource
	static void quietNow(DynamicPropertyRegistry registry) {
		ZnsJourney.register(registry);
		// the scheduled workers stay out of the way: the test runs the jobs itself
		registry.add("loa.channels.zalo-zns.poll-interval", () -> "1h");
		QuietHoursBroadcastTests.quietNow(registry);
	}

	@Autowired
	Subscribers subscribers;

	@Autowired
	BulkJobs jobs;

	@Autowired
	ZnsBroadcastWorker worker;

	@Autowired
	ZnsSimulator simulator;

	@Autowired
	ZnsInbox znsInbox;

	@Autowired
	SimulatorInbox smsInbox;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void fallbackJobsKeepSmsQuietHoursUnlessUrgent() {
		String area = "Y" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		int base = ThreadLocalRandom.current().nextInt(0, 9_000_000);
		List<String> phones = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			phones.add("+8493" + String.format("%07d", base + i));
			this.subscribers.subscribe(phones.get(i), area, List.of(), "vi", "test");
		}
		String noZalo = phones.get(0);
		this.simulator.noZalo(noZalo);
		long publication = ThreadLocalRandom.current().nextLong(7_000_000_000L, 8_000_000_000L);

		long quiet = enqueue(publication, area, true, false);
		this.worker.run(quiet, BulkPacing.CHANNEL);

		BulkJob waiting = this.jobs.find(quiet).orElseThrow();
		assertThat(waiting.state()).isEqualTo(BulkJob.State.WAITING);
		assertThat(waiting.waitReason()).isEqualTo("QUIET_HOURS");
		assertThat(LocalDateTime.ofInstant(waiting.notBefore(), HCM).toLocalTime())
			.isEqualTo(QuietHoursBroadcastTests.END);
		assertThat(rows(publication)).isZero();
		assertThat(this.znsInbox.receivedBy(phones.get(1))).isEmpty();

		long znsOnly = enqueue(publication + 1, area, false, false);
		this.worker.run(znsOnly, BulkPacing.CHANNEL);
		assertThat(this.jobs.find(znsOnly).orElseThrow().state()).isEqualTo(BulkJob.State.DONE);
		assertThat(this.znsInbox.receivedBy(phones.get(1))).hasSize(1);
		assertThat(this.smsInbox.receivedBy(noZalo)).isEmpty();

		long urgent = enqueue(publication + 2, area, true, true);
		this.worker.run(urgent, BulkPacing.CHANNEL);
		assertThat(this.jobs.find(urgent).orElseThrow().state()).isEqualTo(BulkJob.State.DONE);
		assertThat(this.smsInbox.receivedBy(noZalo)).singleElement()
			.satisfies((sms) -> assertThat(sms.body()).isEqualTo("Thong bao khan"));
	}

	private long enqueue(long publication, String area, boolean fallback, boolean urgent) {
		return this.jobs.enqueue(ZnsChannel.ID, publication, "area=" + area, SegmentSpec.of(null, area),
				ZnsJourney.payload(fallback ? "Thong bao khan" : null).toJson(), "v1", urgent, Instant.now());
	}

	private long rows(long publication) {
		return this.jdbc.queryForObject("select count(*) from delivery where publication_id = ?", Long.class,
				publication);
	}

}
