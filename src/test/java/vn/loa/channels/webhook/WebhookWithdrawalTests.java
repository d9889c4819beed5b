package vn.loa.channels.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Telling a withdrawn item's endpoints against the sandbox receiver, with the test
 * context's one endpoint {@code cong-tinh}; a delivery remembered for an endpoint that is
 * no longer configured cannot be told, and that is kept.
 */
@WebChannelsTest
class WebhookWithdrawalTests {

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
	void tellsEveryEndpointThatAcceptedTheItemOnceAndKeepsWhatFailed() throws Exception {
		long contentId = ThreadLocalRandom.current().nextLong(3_000_000, 4_000_000);
		Instant now = Instant.now();
		WebhookSender.Sent accepted = new WebhookSender.Sent(new WebhookResult.Accepted(200, "rcpt-9", null), 1);
		this.events.delivered(contentId, 1, 51, "cong-tinh", "loa-51-cong-tinh", accepted, now);
		// A later version published again to the same endpoint: still one notice.
		this.events.delivered(contentId, 2, 52, "cong-tinh", "loa-52-cong-tinh", accepted, now);
		this.events.delivered(contentId, 1, 51, "da-bo", "loa-51-da-bo", accepted, now);
		Instant withdrawnAt = Instant.parse("2026-11-25T02:30:00Z");

		assertThat(this.withdrawal.tell(contentId, withdrawnAt, "Số liệu chưa được kiểm tra")).isEqualTo(1);

		String deliveryId = "loa-withdrawn-" + contentId + "-cong-tinh";
		Map<String, Object> receipt = this.jdbc
			.sql("select event, signature_valid, body from sandbox_webhook_receipt where delivery_id = ?")
			.param(deliveryId)
			.query()
			.singleRow();
		assertThat(receipt.get("event")).isEqualTo("content.withdrawn");
		assertThat(receipt.get("signature_valid")).isEqualTo(true);
		assertThat(String.valueOf(receipt.get("body")))
			.startsWith("{\"version\":\"loa.webhook.v1\",\"event\":\"content.withdrawn\",\"deliveryId\":\"" + deliveryId
					+ "\",\"sentAt\":\"")
			.endsWith("\"id\":" + contentId
					+ ",\"withdrawnAt\":\"2026-11-25T02:30:00Z\",\"reason\":\"Số liệu chưa được kiểm tra\"}");

		List<JsonNode> listed = listed(contentId);
		assertThat(listed).hasSize(5);
		assertThat(listed.subList(0, 3)).allSatisfy((e) -> {
			assertThat(e.path("event").asString()).isEqualTo("content.published");
			assertThat(e.path("status").asString()).isEqualTo("SENT");
		});
		JsonNode told = listed.get(3);
		assertThat(told.path("endpoint").asString()).isEqualTo("cong-tinh");
		assertThat(told.path("event").asString()).isEqualTo("content.withdrawn");
		assertThat(told.path("deliveryId").asString()).isEqualTo(deliveryId);
		assertThat(told.path("status").asString()).isEqualTo("SENT");
		assertThat(told.path("attempts").asInt()).isEqualTo(1);
		assertThat(told.path("httpStatus").asInt()).isEqualTo(200);
		assertThat(told.path("reference").asString()).startsWith("rcpt-");
		assertThat(told.path("sentAt").isNull()).isFalse();
		assertThat(told.path("errorMessage").isNull()).isTrue();
		assertThat(told.path("publicationId").isNull()).isTrue();
		JsonNode untold = listed.get(4);
		assertThat(untold.path("endpoint").asString()).isEqualTo("da-bo");
		assertThat(untold.path("status").asString()).isEqualTo("PERMANENT_FAILURE");
		assertThat(untold.path("sentAt").isNull()).isTrue();
		assertThat(untold.path("errorMessage").asString()).isEqualTo("No webhook endpoint named da-bo");

		// A second pass asks only the endpoint that was not told, and updates its row.
		assertThat(this.withdrawal.tell(contentId, withdrawnAt, "Số liệu chưa được kiểm tra")).isEqualTo(1);
		assertThat(this.events.toTellWithdrawn(contentId)).containsExactly("da-bo");
		assertThat(this.jdbc.sql("select count(*) from sandbox_webhook_receipt where delivery_id = ?")
			.param(deliveryId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(listed(contentId)).hasSize(5);
	}

	@Test
	void anItemNoEndpointAcceptedTellsNobody() {
		long contentId = ThreadLocalRandom.current().nextLong(4_000_000, 5_000_000);

		assertThat(this.withdrawal.tell(contentId, Instant.now(), null)).isZero();
		assertThat(this.events.ofContent(contentId)).isEmpty();
	}

	@Test
	void theListNeedsALogin() throws Exception {
		this.mvc.perform(get("/api/v1/webhooks/events").param("contentId", "1")).andExpect(status().isUnauthorized());
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
