package vn.loa.channels.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.loa.channels.WebChannelsTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real client against Loa's own receiver, which checks signatures like a partner
 * should and drops repeated delivery ids.
 */
@WebChannelsTest
class WebhookReceiverTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	JdbcClient jdbc;

	private final byte[] body = "{\"version\":\"loa.webhook.v1\",\"content\":{\"title\":\"Ngày hội CCHC\"}}"
		.getBytes(StandardCharsets.UTF_8);

	private WebhookClient client() {
		return new WebhookClient(this.jsonMapper, Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

	private String url(String endpoint) {
		return "http://127.0.0.1:" + this.port + "/sandbox/webhook/" + endpoint;
	}

	@Test
	void acceptsACorrectlySignedDeliveryOnceAndRecordsIt() {
		WebhookResult first = client().deliver(url("cong-tinh"), "bi-mat-thu-nghiem", WebhookPayload.PUBLISHED,
				"delivery-a", Instant.now(), this.body, true);
		WebhookResult again = client().deliver(url("cong-tinh"), "bi-mat-thu-nghiem", WebhookPayload.PUBLISHED,
				"delivery-a", Instant.now(), this.body, true);

		assertThat(first).isInstanceOf(WebhookResult.Accepted.class);
		WebhookResult.Accepted accepted = (WebhookResult.Accepted) first;
		assertThat(accepted.remoteId()).startsWith("rcpt-");
		assertThat(accepted.remoteUrl()).isEqualTo(url("cong-tinh"));
		assertThat(again).isEqualTo(first);
		assertThat(this.jdbc
			.sql("select count(*) from sandbox_webhook_receipt where delivery_id = 'delivery-a'"
					+ " and signature_valid = true and body like '%Ngày hội CCHC%'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void acceptsASignedWithdrawalNoticeAndRecordsItsEvent() {
		byte[] notice = "{\"event\":\"content.withdrawn\",\"id\":77,\"withdrawnAt\":\"2026-11-25T02:30:00Z\",\"reason\":null}"
			.getBytes(StandardCharsets.UTF_8);

		WebhookResult result = client().deliver(url("cong-tinh"), "bi-mat-thu-nghiem", WebhookPayload.WITHDRAWN,
				"withdrawn-a", Instant.now(), notice, true);
		WebhookResult forged = client().deliver(url("cong-tinh"), "not-the-secret", WebhookPayload.WITHDRAWN,
				"withdrawn-b", Instant.now(), notice, true);

		assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
		assertThat(((WebhookResult.Accepted) result).remoteId()).startsWith("rcpt-");
		assertThat(this.jdbc
			.sql("select count(*) from sandbox_webhook_receipt where delivery_id = 'withdrawn-a'"
					+ " and event = 'content.withdrawn' and signature_valid = true and body like '%\"id\":77%'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(forged).isInstanceOf(WebhookResult.Rejected.class);
		assertThat(((WebhookResult.Rejected) forged).httpStatus()).isEqualTo(401);
		assertThat(this.jdbc
			.sql("select signature_valid from sandbox_webhook_receipt where delivery_id = 'withdrawn-b'"
					+ " and event = 'content.withdrawn'")
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void refusesAWrongSignatureAndRecordsTheAttempt() {
		WebhookResult result = client().deliver(url("cong-tinh"), "not-the-secret", WebhookPayload.PUBLISHED,
				"delivery-b", Instant.now(), this.body, true);

		assertThat(result).isInstanceOf(WebhookResult.Rejected.class);
		assertThat(((WebhookResult.Rejected) result).httpStatus()).isEqualTo(401);
		assertThat(((WebhookResult.Rejected) result).bodyExcerpt()).contains("X-Loa-Signature");
		assertThat(this.jdbc.sql("select signature_valid from sandbox_webhook_receipt where delivery_id = 'delivery-b'")
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void unknownEndpointIsNotFound() {
		WebhookResult result = client().deliver(url("khong-co"), "x", WebhookPayload.PUBLISHED, "delivery-c",
				Instant.now(), this.body, true);

		assertThat(result).isInstanceOf(WebhookResult.Rejected.class);
		assertThat(((WebhookResult.Rejected) result).httpStatus()).isEqualTo(404);
	}

}
