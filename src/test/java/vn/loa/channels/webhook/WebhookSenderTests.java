package vn.loa.channels.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.env.MockEnvironment;

import vn.loa.channels.RetractionRetry;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSenderTests {

	private static final RetractionRetry RETRACTION = new RetractionRetry(Duration.ofMinutes(1), 8,
			Duration.ofMinutes(1), Duration.ofHours(6), 100);

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private MockWebServer server;

	private final WebhookPayload payload = new WebhookPayload(WebhookPayload.VERSION, WebhookPayload.PUBLISHED,
			"loa-7-cong-tinh", null,
			new WebhookPayload.Publication(7, "webhook", "cong-tinh", java.time.Instant.parse("2026-11-24T01:00:00Z")),
			this.jsonMapper.readTree("{\"id\":3,\"title\":\"Tuyên truyền Luật Đất đai\",\"topic\":\"phap-luat\"}"));

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getByName("127.0.0.1"), 0);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private WebhookSender sender(boolean receiverDropsDuplicates) {
		WebhookProperties properties = new WebhookProperties(true, WebhookProperties.Mode.LIVE, "webhook/payload.txt",
				Duration.ofSeconds(2), Duration.ofSeconds(2), RETRACTION,
				List.of(new WebhookProperties.Endpoint("cong-tinh", this.server.url("/loa").toString(),
						"CONG_TINH_SECRET",
						new WebhookProperties.Retry(3, Duration.ofMillis(10), receiverDropsDuplicates))),
				new WebhookProperties.Sandbox("unused"));
		MockEnvironment environment = new MockEnvironment().withProperty("CONG_TINH_SECRET", "s3cret");
		return new WebhookSender(properties, new WebhookEndpoints(properties, environment), this.jsonMapper);
	}

	@Test
	void retriesAServerErrorWithTheSameDeliveryIdWhenTheReceiverDropsDuplicates() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(503).build());
		this.server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":42}").build());

		WebhookSender.Sent sent = sender(true).send("cong-tinh", this.payload);

		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.result()).isEqualTo(new WebhookResult.Accepted(200, "42", null));
		for (int i = 0; i < 2; i++) {
			RecordedRequest request = this.server.takeRequest();
			byte[] body = request.getBody().toByteArray();
			assertThat(WebhookSignature.verify(body, "s3cret", request.getHeaders().get("X-Loa-Signature"))).isTrue();
			assertThat(request.getHeaders().get("X-Loa-Delivery")).isEqualTo("loa-7-cong-tinh");
			assertThat(request.getHeaders().get("X-Loa-Event")).isEqualTo("content.published");
			JsonNode json = this.jsonMapper.readTree(body);
			assertThat(json.path("version").asString()).isEqualTo("loa.webhook.v1");
			assertThat(json.path("deliveryId").asString()).isEqualTo("loa-7-cong-tinh");
			assertThat(json.path("content").path("title").asString()).isEqualTo("Tuyên truyền Luật Đất đai");
			assertThat(json.path("sentAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
			assertThat(Long.parseLong(request.getHeaders().get("X-Loa-Timestamp")))
				.isEqualTo(java.time.Instant.parse(json.path("sentAt").asString()).getEpochSecond());
		}
	}

	@Test
	void doesNotRetryAServerErrorOtherwise() {
		this.server.enqueue(new MockResponse.Builder().code(500).body("boom").build());

		WebhookSender.Sent sent = sender(false).send("cong-tinh", this.payload);

		assertThat(sent.attempts()).isEqualTo(1);
		assertThat(sent.result()).isEqualTo(new WebhookResult.Failed(500, "HTTP 500 boom"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void givesUpAfterTheEndpointsAttemptsWithATechnicalFailure() {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(new MockResponse.Builder().code(502).body("gateway").build());
		}

		WebhookSender.Sent sent = sender(true).send("cong-tinh", this.payload);

		assertThat(sent.attempts()).isEqualTo(3);
		assertThat(sent.result()).isEqualTo(new WebhookResult.Failed(502, "HTTP 502 gateway"));
	}

	private final WebhookWithdrawalNotice notice = WebhookWithdrawalNotice.of(3,
			java.time.Instant.parse("2026-11-25T02:30:00.123Z"), "Số liệu chưa được kiểm tra");

	@Test
	void sendsASignedWithdrawalNoticeRetriedWithTheSameIdAndBodyWhenTheReceiverDropsDuplicates() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(503).build());
		this.server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"evt-43\"}").build());

		WebhookSender.Sent sent = sender(true).sendWithdrawn("cong-tinh", "loa-withdrawn-3-cong-tinh", this.notice);

		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.result()).isEqualTo(new WebhookResult.Accepted(200, "evt-43", null));
		for (int i = 0; i < 2; i++) {
			RecordedRequest request = this.server.takeRequest();
			byte[] body = request.getBody().toByteArray();
			JsonNode json = this.jsonMapper.readTree(body);
			assertThat(json.propertyNames()).containsExactly("version", "event", "deliveryId", "sentAt", "id",
					"withdrawnAt", "reason");
			assertThat(json.get("version").asString()).isEqualTo("loa.webhook.v1");
			assertThat(json.get("event").asString()).isEqualTo("content.withdrawn");
			assertThat(json.get("deliveryId").asString()).isEqualTo("loa-withdrawn-3-cong-tinh");
			assertThat(json.get("id").asLong()).isEqualTo(3);
			assertThat(json.get("withdrawnAt").asString()).isEqualTo("2026-11-25T02:30:00.123Z");
			assertThat(json.get("reason").asString()).isEqualTo("Số liệu chưa được kiểm tra");
			// The signed time is the attempt's, the same as its timestamp header.
			assertThat(java.time.Instant.parse(json.get("sentAt").asString()).getEpochSecond())
				.isEqualTo(Long.parseLong(request.getHeaders().get("X-Loa-Timestamp")));
			assertThat(WebhookSignature.verify(body, "s3cret", request.getHeaders().get("X-Loa-Signature"))).isTrue();
			assertThat(request.getHeaders().get("X-Loa-Event")).isEqualTo("content.withdrawn");
			assertThat(request.getHeaders().get("X-Loa-Delivery")).isEqualTo("loa-withdrawn-3-cong-tinh");
			assertThat(request.getHeaders().get("X-Loa-Timestamp")).matches("\\d+");
		}
	}

	@Test
	void aWithdrawalNoticeWithoutReasonSendsNull() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(204).build());

		sender(false).sendWithdrawn("cong-tinh", "loa-withdrawn-3-cong-tinh",
				WebhookWithdrawalNotice.of(3, java.time.Instant.parse("2026-11-25T02:30:00Z"), ""));

		JsonNode json = this.jsonMapper.readTree(this.server.takeRequest().getBody().toByteArray());
		assertThat(json.has("reason")).isTrue();
		assertThat(json.get("reason").isNull()).isTrue();
		assertThat(json.propertyNames()).containsExactly("version", "event", "deliveryId", "sentAt", "id",
				"withdrawnAt", "reason");
	}

	@Test
	void doesNotRetryAWithdrawalNoticeAfterAServerErrorOtherwise() {
		this.server.enqueue(new MockResponse.Builder().code(500).body("boom").build());
		this.server.enqueue(new MockResponse.Builder().code(200).build());

		WebhookSender.Sent sent = sender(false).sendWithdrawn("cong-tinh", "loa-withdrawn-3-cong-tinh", this.notice);

		assertThat(sent.attempts()).isEqualTo(1);
		assertThat(sent.result()).isEqualTo(new WebhookResult.Failed(500, "HTTP 500 boom"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void retriesAWithdrawalNoticeAfterTooManyRequestsButNeverBeyondTheEndpointsAttempts() {
		for (int i = 0; i < 4; i++) {
			this.server.enqueue(new MockResponse.Builder().code(429).body("slow down").build());
		}

		WebhookSender.Sent sent = sender(false).sendWithdrawn("cong-tinh", "loa-withdrawn-3-cong-tinh", this.notice);

		assertThat(sent.attempts()).isEqualTo(3);
		assertThat(sent.result()).isEqualTo(new WebhookResult.Failed(429, "HTTP 429 slow down"));
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void liveModeWithoutTheSecretVariableIsRejectedWithoutSending() {
		WebhookProperties properties = new WebhookProperties(true, WebhookProperties.Mode.LIVE, "t",
				Duration.ofSeconds(1), Duration.ofSeconds(1), RETRACTION,
				List.of(new WebhookProperties.Endpoint("x", this.server.url("/").toString(), "MISSING_SECRET",
						new WebhookProperties.Retry(1, Duration.ofMillis(1), false))),
				new WebhookProperties.Sandbox("unused"));
		WebhookSender sender = new WebhookSender(properties, new WebhookEndpoints(properties, new MockEnvironment()),
				this.jsonMapper);

		assertThat(sender.send("x", this.payload).result())
			.isEqualTo(new WebhookResult.Rejected(0, "Environment variable MISSING_SECRET is not set"));
		assertThat(this.server.getRequestCount()).isZero();
	}

}
