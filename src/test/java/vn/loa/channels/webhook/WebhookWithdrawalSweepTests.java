package vn.loa.channels.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.loa.channels.WebChannelsTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The withdrawal sweep against the sandbox receiver, called directly with the time it
 * runs at (the scheduled one is an hour away in tests). The test context's endpoint
 * {@code cong-tinh} drops duplicates; {@code da-bo} is no longer configured. A pass the
 * receiver failed is written as the listener would have written it.
 */
@WebChannelsTest
class WebhookWithdrawalSweepTests {

	static final WebhookSender.Sent ACCEPTED = new WebhookSender.Sent(new WebhookResult.Accepted(200, "rcpt-1", null),
			1);

	@Autowired
	JsonMapper json;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebhookEvents events;

	@Autowired
	WebhookWithdrawal withdrawal;

	@Test
	void aNoticeTheEndpointFailedIsSentAgainAfterItsDelayWithTheSameDeliveryId() throws Exception {
		long contentId = contentId();
		Instant now = Instant.now();
		this.events.delivered(contentId, 1, 71, "cong-tinh", "loa-71-cong-tinh", ACCEPTED, now);
		this.events.withdrawn(contentId, Instant.parse("2026-11-25T02:30:00Z"), "Sai số liệu", now);
		String deliveryId = WebhookWithdrawal.deliveryId(contentId, "cong-tinh");
		long id = this.events.withdrawing(contentId, "cong-tinh", deliveryId, now);
		// The first pass: the endpoint answered 503 three times.
		this.events.sent(id, deliveryId, new WebhookSender.Sent(new WebhookResult.Failed(503, "HTTP 503 bận"), 3, true),
				now);
		this.events.passed(id, now.plus(Duration.ofMinutes(1)), null);

		this.withdrawal.sweep(now.plusSeconds(30));
		assertThat(receipts(deliveryId)).isZero();

		this.withdrawal.sweep(now.plusSeconds(90));

		assertThat(receipts(deliveryId)).isEqualTo(1);
		JsonNode told = listed(contentId).get(1);
		assertThat(told.path("event").asString()).isEqualTo("content.withdrawn");
		assertThat(told.path("deliveryId").asString()).isEqualTo(deliveryId);
		assertThat(told.path("status").asString()).isEqualTo("SENT");
		assertThat(told.path("passes").asInt()).isEqualTo(2);
		assertThat(told.path("attempts").asInt()).isEqualTo(4);
		assertThat(told.path("errorMessage").isNull()).isTrue();
		assertThat(told.path("nextAttemptAt").isNull()).isTrue();
		assertThat(told.path("givenUpAt").isNull()).isTrue();
		String body = this.jdbc.sql("select body from sandbox_webhook_receipt where delivery_id = ?")
			.param(deliveryId)
			.query(String.class)
			.single();
		assertThat(body)
			.endsWith("\"id\":" + contentId + ",\"withdrawnAt\":\"2026-11-25T02:30:00Z\",\"reason\":\"Sai số liệu\"}");

		// Accepted: nothing is owed any more.
		this.withdrawal.sweep(now.plus(Duration.ofDays(1)));
		assertThat(receipts(deliveryId)).isEqualTo(1);
	}

	@Test
	void givesUpAfterTheMaximumPassesAndKeepsTheError() throws Exception {
		long contentId = contentId();
		Instant now = Instant.now();
		this.events.delivered(contentId, 1, 72, "da-bo", "loa-72-da-bo", ACCEPTED, now);
		this.events.withdrawn(contentId, now, null, now);
		assertThat(this.withdrawal.tell(contentId, now, null)).isEqualTo(1);

		Instant at = now;
		for (int pass = 2; pass <= 8; pass++) {
			at = at.plus(Duration.ofDays(1));
			this.withdrawal.sweep(at);
			assertThat(this.events.withdrawal(contentId, "da-bo").get().passes()).isEqualTo(pass);
		}
		this.withdrawal.sweep(at.plus(Duration.ofDays(30)));
		assertThat(this.withdrawal.tell(contentId, now, null)).isZero();

		JsonNode untold = listed(contentId).get(1);
		assertThat(untold.path("endpoint").asString()).isEqualTo("da-bo");
		assertThat(untold.path("status").asString()).isEqualTo("PERMANENT_FAILURE");
		assertThat(untold.path("passes").asInt()).isEqualTo(8);
		assertThat(untold.path("givenUpAt").isNull()).isFalse();
		assertThat(untold.path("nextAttemptAt").isNull()).isTrue();
		assertThat(untold.path("sentAt").isNull()).isTrue();
		assertThat(untold.path("errorMessage").asString()).isEqualTo("No webhook endpoint named da-bo");
	}

	@Test
	void anEndpointThatAcceptedTheItemAfterTheWithdrawalWasHandledIsToldByTheSweep() throws Exception {
		long contentId = contentId();
		Instant now = Instant.now();
		this.events.withdrawn(contentId, now.minus(Duration.ofMinutes(10)), "Hết hiệu lực",
				now.minus(Duration.ofMinutes(10)));
		// Nobody had the item when the withdrawal was handled.
		assertThat(this.withdrawal.tell(contentId, now, null)).isZero();
		this.events.delivered(contentId, 1, 73, "cong-tinh", "loa-73-cong-tinh", ACCEPTED,
				now.minus(Duration.ofMinutes(5)));
		String deliveryId = WebhookWithdrawal.deliveryId(contentId, "cong-tinh");

		// Right after the delivery, the sweep leaves the withdrawal time to finish.
		this.withdrawal.sweep(now.minus(Duration.ofMinutes(5)).plusSeconds(10));
		assertThat(receipts(deliveryId)).isZero();

		this.withdrawal.sweep(now);

		assertThat(receipts(deliveryId)).isEqualTo(1);
		List<JsonNode> listed = listed(contentId);
		assertThat(listed).hasSize(2);
		assertThat(listed.get(1).path("event").asString()).isEqualTo("content.withdrawn");
		assertThat(listed.get(1).path("status").asString()).isEqualTo("SENT");
		assertThat(listed.get(1).path("passes").asInt()).isEqualTo(1);
		this.withdrawal.sweep(now.plus(Duration.ofDays(1)));
		assertThat(receipts(deliveryId)).isEqualTo(1);
	}

	@Test
	void aNoticeANodeLeftSendingIsTakenAsMaybeArrivedAndSentAgainOnlyToAnEndpointThatDropsDuplicates()
			throws Exception {
		long contentId = contentId();
		Instant now = Instant.now();
		this.events.delivered(contentId, 1, 74, "cong-tinh", "loa-74-cong-tinh", ACCEPTED, now);
		this.events.withdrawn(contentId, now, "Thay thế", now);
		String deliveryId = WebhookWithdrawal.deliveryId(contentId, "cong-tinh");
		// The node died while telling the endpoint: the row stays SENDING.
		this.events.withdrawing(contentId, "cong-tinh", deliveryId, now);

		this.withdrawal.sweep(now.plusSeconds(30));
		assertThat(this.events.withdrawal(contentId, "cong-tinh").get().status()).isEqualTo("SENDING");
		assertThat(receipts(deliveryId)).isZero();

		this.withdrawal.sweep(now.plus(WebhookWithdrawal.ABANDONED_AFTER).plusSeconds(1));

		WebhookEvents.Event told = this.events.withdrawal(contentId, "cong-tinh").get();
		assertThat(told.status()).as(told.toString()).isEqualTo("SENT");
		assertThat(receipts(deliveryId)).isEqualTo(1);
	}

	static long contentId() {
		return ThreadLocalRandom.current().nextLong(7_000_000, 8_000_000);
	}

	private long receipts(String deliveryId) {
		return this.jdbc.sql("select count(*) from sandbox_webhook_receipt where delivery_id = ?")
			.param(deliveryId)
			.query(Long.class)
			.single();
	}

	private List<JsonNode> listed(long contentId) throws Exception {
		return this.json.readTree(this.mvc
			.perform(get("/api/v1/webhooks/events").param("contentId", Long.toString(contentId))
				.with(user("viewer").roles("EDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).valueStream().toList();
	}

}
