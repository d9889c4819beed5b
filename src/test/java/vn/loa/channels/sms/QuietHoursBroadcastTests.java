package vn.loa.channels.sms;

import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.sms.sandbox.SimulatorInbox;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import vn.loa.audience.SegmentSpec;
import vn.loa.audience.Subscribers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours set around the current time: an ordinary broadcast waits for their end with
 * nothing sent, an urgent one (an approver's override) goes out at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/loa_smssend${LOA_TEST_DB_SUFFIX:}",
				"spring.datasource.username=postgres", "spring.datasource.password=", "loa.channels.sms.mode=sandbox",
				"loa.channels.sms.broadcast.poll-interval=1h", "loa.channels.sms.rate-per-second=1000",
				"loa.channels.sms.simulator.callbacks=false" })
public class QuietHoursBroadcastTests {

	private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** When the quiet hours set around now end. */
	public static final LocalTime END = LocalTime.now(HCM).plusHours(2).truncatedTo(ChronoUnit.MINUTES);

	/**
	 * Quiet hours from an hour ago to {@link #END} (other channels' tests use them too).
	 */
	@DynamicPropertySource
	public static void quietNow(DynamicPropertyRegistry registry) {
		registry.add("loa.channels.sms.quiet-hours.enabled", () -> "true");
		registry.add("loa.channels.sms.quiet-hours.start",
				() -> LocalTime.now(HCM).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString());
		registry.add("loa.channels.sms.quiet-hours.end", END::toString);
	}

	@Autowired
	Subscribers subscribers;

	@Autowired
	SmsBroadcasts broadcasts;

	@Autowired
	SmsBroadcastWorker worker;

	@Autowired
	SimulatorInbox inbox;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void ordinaryBroadcastWaitsForTheEndOfQuietHoursUrgentOneGoesNow() {
		String area = "Q" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		String phone = "+8490" + String.format("%07d", ThreadLocalRandom.current().nextInt(0, 9_999_999));
		this.subscribers.subscribe(phone, area, List.of(), "vi", "test");
		long publication = ThreadLocalRandom.current().nextLong(2_000_000_000L, 3_000_000_000L);
		long ordinary = this.broadcasts.enqueue(publication, "area=" + area, SegmentSpec.of(null, area), "Thong bao",
				"v1", false, Instant.now());

		this.worker.run(ordinary);

		BulkJob waiting = this.broadcasts.find(ordinary).orElseThrow();
		assertThat(waiting.state()).isEqualTo(BulkJob.State.WAITING);
		LocalDateTime resumes = LocalDateTime.ofInstant(waiting.notBefore(), HCM);
		assertThat(resumes.toLocalTime()).isEqualTo(END);
		assertThat(resumes).isAfter(LocalDateTime.now(HCM));
		assertThat(this.broadcasts.runnable(100)).doesNotContain(ordinary);
		assertThat(this.jdbc.queryForObject("select count(*) from delivery where publication_id = ?", Long.class,
				publication))
			.isZero();

		long urgent = this.broadcasts.enqueue(publication + 1, "area=" + area, SegmentSpec.of(null, area), "Khan cap",
				"v1", true, Instant.now());
		this.worker.run(urgent);

		assertThat(this.broadcasts.find(urgent).orElseThrow().state()).isEqualTo(BulkJob.State.DONE);
		assertThat(this.inbox.receivedBy(phone)).extracting(SimulatorInbox.Received::body).containsExactly("Khan cap");
	}

}
