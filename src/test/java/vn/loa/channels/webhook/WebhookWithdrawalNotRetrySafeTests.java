package vn.loa.channels.webhook;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.loa.deliverylog.DeliveryStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An endpoint that does not drop repeated delivery ids: a withdrawal notice that may have
 * reached it is never sent again, one that surely did not is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loa.channels.webhook.endpoints[0].name=cong-tinh",
				"loa.channels.webhook.endpoints[0].secret-env=LOA_TEST_WEBHOOK_SECRET",
				"LOA_TEST_WEBHOOK_SECRET=bi-mat-thu-nghiem",
				"loa.channels.webhook.endpoints[0].retry.receiver-drops-duplicates=false",
				"loa.channels.webhook.withdrawal.sweep-interval=1h" })
class WebhookWithdrawalNotRetrySafeTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebhookEvents events;

	@Autowired
	WebhookWithdrawal withdrawal;

	@Test
	void aNoticeThatMayHaveArrivedIsLeftAsItIsAndGivenUp() {
		long contentId = WebhookWithdrawalSweepTests.contentId();
		Instant now = Instant.now();
		String deliveryId = failedPass(contentId, new WebhookResult.Failed(0, "No answer from … : timed out"), true,
				now);

		this.withdrawal.sweep(now.plus(Duration.ofMinutes(2)));
		this.withdrawal.sweep(now.plus(Duration.ofDays(1)));

		assertThat(receipts(deliveryId)).isZero();
		WebhookEvents.Event notice = this.events.withdrawal(contentId, "cong-tinh").orElseThrow();
		assertThat(notice.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE.name());
		assertThat(notice.errorMessage()).isEqualTo("No answer from … : timed out");
		assertThat(notice.passes()).isEqualTo(1);
		assertThat(notice.attempts()).isEqualTo(1);
		assertThat(notice.mayHaveArrived()).isTrue();
		assertThat(notice.givenUpAt()).isNotNull();
		assertThat(notice.nextAttemptAt()).isNull();
		assertThat(notice.sentAt()).isNull();
	}

	@Test
	void aNoticeTheEndpointSurelyDidNotGetIsSentAgain() {
		long contentId = WebhookWithdrawalSweepTests.contentId();
		Instant now = Instant.now();
		String deliveryId = failedPass(contentId,
				new WebhookResult.Failed(0, "Webhook … unreachable: Connection refused"), false, now);

		this.withdrawal.sweep(now.plus(Duration.ofMinutes(2)));

		assertThat(receipts(deliveryId)).isEqualTo(1);
		WebhookEvents.Event notice = this.events.withdrawal(contentId, "cong-tinh").orElseThrow();
		assertThat(notice.status()).isEqualTo(DeliveryStatus.SENT.name());
		assertThat(notice.passes()).isEqualTo(2);
	}

	/** The first pass as the listener left it: failed, due again in a minute. */
	private String failedPass(long contentId, WebhookResult.Failed failed, boolean mayHaveArrived, Instant now) {
		WebhookSender.Sent accepted = new WebhookSender.Sent(new WebhookResult.Accepted(200, "rcpt-1", null), 1);
		this.events.delivered(contentId, 1, 81, "cong-tinh", "loa-81-cong-tinh", accepted, now);
		this.events.withdrawn(contentId, now, null, now);
		String deliveryId = WebhookWithdrawal.deliveryId(contentId, "cong-tinh");
		long id = this.events.withdrawing(contentId, "cong-tinh", deliveryId, now);
		this.events.sent(id, deliveryId, new WebhookSender.Sent(failed, 1, mayHaveArrived), now);
		this.events.passed(id, now.plus(Duration.ofMinutes(1)), null);
		return deliveryId;
	}

	private long receipts(String deliveryId) {
		return this.jdbc.sql("select count(*) from sandbox_webhook_receipt where delivery_id = ?")
			.param(deliveryId)
			.query(Long.class)
			.single();
	}

}
