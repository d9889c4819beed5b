package vn.loa.plans;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryLog.BulkResult;
import vn.loa.deliverylog.DeliveryLog.Claimed;
import vn.loa.deliverylog.DeliveryLog.NewDelivery;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.publishing.PublicationRequest;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.Target;
import vn.loa.units.MemberKind;
import vn.loa.units.Units;
import vn.loa.units.Units.UnitInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily counts follow every way a delivery row reaches or leaves a sent status: bulk
 * batches (SMS, ZNS), single outcomes (Facebook, portal), receipts by provider reference,
 * station reports by row id — including a bulk batch whose transaction commits long after
 * other rows moved on.
 */
abstract class PlanCounterContract {

	@Autowired
	DeliveryLog log;

	@Autowired
	PlanCounter counter;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ContentService contents;

	@Autowired
	PublicationService publications;

	@Autowired
	Units units;

	@Autowired
	MovableClock clock;

	@Test
	void aBulkBatchCommittedLateStillCounts() throws Exception {
		String unit = unit();
		Pub late = publication(unit);
		Pub other = publication(unit);
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> bulk = CompletableFuture.runAsync(() -> this.transactions.executeWithoutResult((s) -> {
			sendBulk(late.id(), "sms", List.of("+84900000001", "+84900000002"));
			written.countDown();
			await(release);
		}));
		assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
		// meanwhile, an hour later by the clock, other rows move and are counted
		this.clock.move(Duration.ofHours(1));
		this.log
			.record(DeliveryOutcome.sent(other.id(), "sms", "+84900000003", "twilio", "SM-" + other.id(), null, null));
		this.counter.catchUp();
		assertThat(items(other.contentId(), "sms")).isEqualTo(1);
		release.countDown();
		bulk.get(30, TimeUnit.SECONDS);
		this.counter.catchUp();
		assertThat(items(late.contentId(), "sms")).isEqualTo(1);
	}

	@Test
	void receiptsAndFailuresAfterSentMoveTheCountBothWays() {
		String unit = unit();
		Pub pub = publication(unit);
		List<Claimed> rows = sendBulk(pub.id(), "sms", List.of("+84900000011", "+84900000012"));
		this.counter.catchUp();
		assertThat(items(pub.contentId(), "sms")).isEqualTo(1);
		// both recipients' messages bounce: the item no longer counts
		for (Claimed row : rows) {
			assertThat(this.log.transitionByReference("twilio", "SM" + row.id(), DeliveryStatus.PERMANENT_FAILURE,
					"30005", "Unknown destination"))
				.isTrue();
		}
		this.counter.catchUp();
		assertThat(items(pub.contentId(), "sms")).isEqualTo(0);
		assertThat(daily(unit, "sms")).isEqualTo(0);

		// ZNS: a bulk batch that failed at first, then a delivery receipt for a retried
		// row
		Pub zns = publication(unit);
		List<Claimed> claimed = claim(zns.id(), "zalo-zns", List.of("84900000021"));
		this.log.recordBatch(
				List.of(BulkResult.failed(claimed.get(0), DeliveryStatus.TEMPORARY_FAILURE, "-124", "quota")),
				DeliveryStatus.PENDING);
		this.counter.catchUp();
		assertThat(items(zns.contentId(), "zalo-zns")).isEqualTo(0);
		this.jdbc.sql("update delivery set provider_reference = 'zns-1', provider = 'zalo-zns' where id = :id")
			.param("id", claimed.get(0).id())
			.update();
		assertThat(this.log.transitionByReference("zalo-zns", "zns-1", DeliveryStatus.DELIVERED, null, null)).isTrue();
		this.counter.catchUp();
		assertThat(items(zns.contentId(), "zalo-zns")).isEqualTo(1);
	}

	@Test
	void singleOutcomesAndStationReportsCountForTheTargetsUnit() {
		String unit = unit();
		Pub pub = publication(unit);
		// a Facebook Page of the unit: one post, failed then sent again
		String page = "page-" + unit;
		this.units.assign(MemberKind.FACEBOOK_PAGE, page, unit, "test");
		this.log.record(DeliveryOutcome.failed(pub.id(), "facebook", page, DeliveryStatus.TEMPORARY_FAILURE, "facebook",
				"2", "busy", null));
		this.counter.catchUp();
		assertThat(items(pub.contentId(), "facebook")).isEqualTo(0);
		assertThat(this.log.claim(pub.id(), "facebook", page, "facebook", null)).isPresent();
		this.log.record(DeliveryOutcome.sent(pub.id(), "facebook", page, "facebook", "123_456", null, null));
		this.counter.catchUp();
		assertThat(items(pub.contentId(), "facebook")).isEqualTo(1);

		// radio counts when the station reports the item aired, not when it was offered
		String station = "st-" + unit;
		this.units.assign(MemberKind.STATION, station, unit, "test");
		this.log.record(DeliveryOutcome.sent(pub.id(), "radio", station, "radio", null, null, null));
		long row = this.log.find(pub.id(), "radio", station).orElseThrow().id();
		this.counter.catchUp();
		assertThat(items(pub.contentId(), "radio")).isEqualTo(0);
		assertThat(this.log.transition(row, DeliveryStatus.PULLED, null)).isTrue();
		assertThat(this.log.transition(row, DeliveryStatus.AIRED, null)).isTrue();
		this.counter.catchUp();
		assertThat(items(pub.contentId(), "radio")).isEqualTo(1);
		assertThat(daily(unit, "radio")).isEqualTo(1);
		// counting again changes nothing
		this.counter.catchUp();
		assertThat(daily(unit, "facebook")).isEqualTo(1);
	}

	/**
	 * Rows written, taken and answered as the bulk writer does: PENDING, SENDING, SENT.
	 */
	List<Claimed> sendBulk(long publication, String channel, List<String> targets) {
		List<Claimed> claimed = claim(publication, channel, targets);
		this.log.recordBatch(claimed.stream().map((c) -> BulkResult.sent(c, "SM" + c.id())).toList(),
				DeliveryStatus.PENDING);
		this.jdbc.sql("update delivery set provider = 'twilio' where publication_id = :p and channel = :c")
			.param("p", publication)
			.param("c", channel)
			.update();
		return claimed;
	}

	List<Claimed> claim(long publication, String channel, List<String> targets) {
		this.log.insertBatch(publication, channel, "twilio", null, targets.stream().map(NewDelivery::pending).toList());
		return this.log.claimPending(publication, channel, targets);
	}

	long items(long contentId, String channel) {
		return this.jdbc.sql("select count(*) from plan_item where content_id = :c and channel = :ch")
			.param("c", contentId)
			.param("ch", channel)
			.query(Long.class)
			.single();
	}

	long daily(String unit, String channel) {
		return this.jdbc
			.sql("select coalesce(sum(d.items), 0) from plan_daily_count d join org_unit u on u.id = d.unit_id "
					+ "where u.code = :u and d.channel = :ch")
			.param("u", unit)
			.param("ch", channel)
			.query(Long.class)
			.single();
	}

	String unit() {
		String code = "pc" + UUID.randomUUID().toString().substring(0, 8);
		this.units.create(new UnitInput(code, "Sở thử nghiệm " + code, null, "DEPARTMENT", null));
		return code;
	}

	/** An approved item published (to the portal) for the unit. */
	Pub publication(String unit) {
		ContentItem item = this.contents
			.create(new ContentDraft("Tin cải cách hành chính " + unit, "Tóm tắt", "Nội dung", "cai-cach-hanh-chinh",
					List.of(Audience.CIVIL_SERVANTS), List.of("56"), List.of(), List.of()), "editor");
		this.contents.submit(item.id(), "editor");
		this.contents.approve(item.id(), "approver");
		long id = this.publications
			.create(new PublicationRequest(item.id(), List.of(new Target("portal", null)), null, false, null, unit),
					new PublicationService.Actor("admin", true, true))
			.id();
		return new Pub(id, item.id());
	}

	record Pub(long id, long contentId) {
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A clock the test moves forward; it starts at the real time. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

		void move(Duration duration) {
			this.now.updateAndGet((t) -> t.plus(duration));
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Ho_Chi_Minh");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
