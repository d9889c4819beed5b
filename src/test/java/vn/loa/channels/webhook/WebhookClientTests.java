package vn.loa.channels.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebhookClientTests {

	private static final String SECRET = "whsec-so-noi-vu";

	private static final Instant SENT_AT = Instant.parse("2026-11-24T03:00:00Z");

	private final byte[] body = """
			{"version":"loa.webhook.v1","event":"content.published","content":{"title":"Ra quân CCHC năm 2026"}}"""
		.getBytes(StandardCharsets.UTF_8);

	private MockWebServer server;

	private WebhookClient client;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getByName("127.0.0.1"), 0);
		this.client = new WebhookClient(JsonMapper.builder().build(), Duration.ofSeconds(2), Duration.ofMillis(500));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private String url() {
		return this.server.url("/hooks/loa").toString();
	}

	@Test
	void signsTheExactBytesItSends() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(201)
			.setHeader("Content-Type", "application/json")
			.body("{\"id\":\"evt_981\",\"url\":\"https://tinh.example.gov.vn/tin/981\"}")
			.build());

		WebhookResult result = this.client.deliver(url(), SECRET, WebhookPayload.PUBLISHED, "pub-7-so-noi-vu", SENT_AT,
				this.body, false);

		assertThat(result).isEqualTo(new WebhookResult.Accepted(201, "evt_981", "https://tinh.example.gov.vn/tin/981"));
		RecordedRequest request = this.server.takeRequest();
		byte[] received = request.getBody().toByteArray();
		assertThat(received).isEqualTo(this.body);
		String signature = request.getHeaders().get("X-Loa-Signature");
		assertThat(signature).isEqualTo(WebhookSignature.sign(received, SECRET)).startsWith("sha256=").hasSize(71);
		assertThat(WebhookSignature.verify(received, SECRET, signature)).isTrue();
		assertThat(WebhookSignature.verify(received, "another-secret", signature)).isFalse();
		assertThat(request.getHeaders().get("X-Loa-Delivery")).isEqualTo("pub-7-so-noi-vu");
		assertThat(request.getHeaders().get("X-Loa-Event")).isEqualTo("content.published");
		assertThat(request.getHeaders().get("X-Loa-Timestamp")).isEqualTo("1795489200");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
	}

	@Test
	void namesTheEventItIsGivenAndSignsAWithdrawalNoticeLikeADelivery() throws Exception {
		byte[] notice = """
				{"event":"content.withdrawn","id":3,"withdrawnAt":"2026-11-25T02:30:00Z","reason":null}"""
			.getBytes(StandardCharsets.UTF_8);
		this.server.enqueue(new MockResponse.Builder().code(200).build());

		WebhookResult result = this.client.deliver(url(), SECRET, WebhookPayload.WITHDRAWN, "loa-withdrawn-3-so-noi-vu",
				SENT_AT, notice, false);

		assertThat(result).isEqualTo(new WebhookResult.Accepted(200, null, null));
		RecordedRequest request = this.server.takeRequest();
		byte[] received = request.getBody().toByteArray();
		assertThat(received).isEqualTo(notice);
		assertThat(WebhookSignature.verify(received, SECRET, request.getHeaders().get("X-Loa-Signature"))).isTrue();
		assertThat(request.getHeaders().get("X-Loa-Event")).isEqualTo("content.withdrawn");
		assertThat(request.getHeaders().get("X-Loa-Delivery")).isEqualTo("loa-withdrawn-3-so-noi-vu");
		assertThat(request.getHeaders().get("X-Loa-Timestamp")).isEqualTo("1795489200");
	}

	@Test
	void acceptedWithoutBodyTakesTheLocationHeader() {
		this.server.enqueue(
				new MockResponse.Builder().code(202).setHeader("Location", "https://receiver.example/items/5").build());

		assertThat(this.client.deliver(url(), SECRET, WebhookPayload.PUBLISHED, "d1", SENT_AT, this.body, false))
			.isEqualTo(new WebhookResult.Accepted(202, null, "https://receiver.example/items/5"));
	}

	@Test
	void clientErrorIsRejectedWithStatusAndExcerpt() {
		this.server.enqueue(new MockResponse.Builder().code(422).body("{\"error\":\"title too long\"}").build());

		assertThat(this.client.deliver(url(), SECRET, WebhookPayload.PUBLISHED, "d1", SENT_AT, this.body, true))
			.isEqualTo(new WebhookResult.Rejected(422, "{\"error\":\"title too long\"}"));
	}

	@Test
	void serverErrorIsRetriedOnlyWhenTheReceiverDropsDuplicates() {
		this.server.enqueue(new MockResponse.Builder().code(502).body("Bad gateway").build());
		this.server.enqueue(new MockResponse.Builder().code(502).body("Bad gateway").build());

		assertThat(this.client.deliver(url(), SECRET, WebhookPayload.PUBLISHED, "d1", SENT_AT, this.body, false))
			.isEqualTo(new WebhookResult.Failed(502, "HTTP 502 Bad gateway"));
		assertThatExceptionOfType(WebhookUnavailableException.class)
			.isThrownBy(
					() -> this.client.deliver(url(), SECRET, WebhookPayload.PUBLISHED, "d1", SENT_AT, this.body, true))
			.satisfies(ex -> assertThat(ex.httpStatus()).isEqualTo(502));
	}

	@Test
	void tooManyRequestsIsAlwaysRetriable() {
		this.server.enqueue(new MockResponse.Builder().code(429).build());

		assertThatExceptionOfType(WebhookUnavailableException.class).isThrownBy(
				() -> this.client.deliver(url(), SECRET, WebhookPayload.PUBLISHED, "d1", SENT_AT, this.body, false));
	}

	@Test
	void timeoutIsAFailureUnlessRetryIsSafe() {
		this.server.enqueue(
				new MockResponse.Builder().code(200).headersDelay(2, java.util.concurrent.TimeUnit.SECONDS).build());
		this.server.enqueue(
				new MockResponse.Builder().code(200).headersDelay(2, java.util.concurrent.TimeUnit.SECONDS).build());

		assertThat(this.client.deliver(url(), SECRET, WebhookPayload.PUBLISHED, "d1", SENT_AT, this.body, false))
			.isInstanceOf(WebhookResult.Failed.class);
		assertThatExceptionOfType(WebhookUnavailableException.class).isThrownBy(
				() -> this.client.deliver(url(), SECRET, WebhookPayload.PUBLISHED, "d1", SENT_AT, this.body, true));
	}

	@Test
	void refusedConnectionIsRetriable() {
		String gone = url();
		this.server.close();

		assertThatExceptionOfType(WebhookUnavailableException.class).isThrownBy(
				() -> this.client.deliver(gone, SECRET, WebhookPayload.PUBLISHED, "d1", SENT_AT, this.body, false));
	}

	@Test
	void signatureCheckRejectsTamperingAndMalformedHeaders() {
		String signature = WebhookSignature.sign(this.body, SECRET);
		byte[] tampered = new String(this.body, StandardCharsets.UTF_8).replace("2026", "2027")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(WebhookSignature.verify(tampered, SECRET, signature)).isFalse();
		assertThat(WebhookSignature.verify(this.body, SECRET, signature.substring(7))).isFalse();
		assertThat(WebhookSignature.verify(this.body, SECRET, null)).isFalse();
		assertThat(WebhookSignature.verify(this.body, SECRET, signature.toUpperCase().replace("SHA256", "sha256")))
			.isTrue();
		// Known answer, computed independently: printf '%s' '{}' | openssl dgst -sha256
		// -hmac key
		assertThat(WebhookSignature.sign("{}".getBytes(StandardCharsets.UTF_8), "key"))
			.isEqualTo("sha256=" + KNOWN_HMAC_OF_EMPTY_OBJECT);
	}

	private static final String KNOWN_HMAC_OF_EMPTY_OBJECT = "a777724d943eb48dc69bca8a4a6d57a04db3f9ec7e1de4e581e860265bdf3032";

}
