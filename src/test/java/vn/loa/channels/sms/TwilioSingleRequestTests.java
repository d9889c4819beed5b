package vn.loa.channels.sms;

import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real SDK, pointed by the sandbox route planner at a local server, makes exactly one
 * HTTP request per message whatever the answer: no SDK re-send on 5xx, no Apache re-send
 * on 429/503.
 */
class TwilioSingleRequestTests {

	private MockWebServer server;

	private TwilioSmsClient client;

	@BeforeEach
	void start() throws Exception {
		this.server = new MockWebServer();
		this.server.start();
		SmsProperties properties = properties(null);
		this.client = new TwilioSmsClient(TwilioClientFactory.create(properties, this.server::getPort), properties);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void answer500IsOneRequestAndATechnicalFailure() throws Exception {
		this.server.enqueue(error(500, 20500, "Internal Server Error"));
		this.server.enqueue(created());

		TwilioSmsClient.Result result = this.client.send("+84905123456", "Thông báo");

		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(result.accepted()).isFalse();
		assertThat(result.failure().status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(result.failure().retryLater()).isFalse();
	}

	@Test
	void answer503IsOneRequest() {
		this.server.enqueue(error(503, 20503, "Service Unavailable"));
		this.server.enqueue(created());

		TwilioSmsClient.Result result = this.client.send("+84905123456", "Thông báo");

		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(result.failure().status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
	}

	@Test
	void answer429IsOneRequestAndMayBeRetriedLater() {
		this.server.enqueue(error(429, 20429, "Too Many Requests"));
		this.server.enqueue(created());

		TwilioSmsClient.Result result = this.client.send("+84905123456", "Thông báo");

		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(result.failure().status()).isEqualTo(DeliveryStatus.TEMPORARY_FAILURE);
		assertThat(result.failure().retryLater()).isTrue();
		assertThat(result.failure().code()).isEqualTo("20429");
	}

	@Test
	void invalidNumberIsPermanent() {
		this.server.enqueue(error(400, 21211, "The 'To' number +8412 is not a valid phone number."));

		TwilioSmsClient.Result result = this.client.send("+84905123456", "Thông báo");

		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(result.failure().status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
		assertThat(result.failure().retryLater()).isFalse();
		assertThat(result.failure().code()).isEqualTo("21211");
	}

	@Test
	void sandboxRouteKeepsTwilioHostAndSendsTheForm() throws Exception {
		this.server.enqueue(created());

		TwilioSmsClient.Result result = this.client.send("+84905123456", "Thông báo lịch tiếp công dân");

		assertThat(result.accepted()).isTrue();
		assertThat(result.sid()).isEqualTo("SM0123456789abcdef0123456789abcdef");
		assertThat(result.segments()).isEqualTo(2);
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget())
			.isEqualTo("/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json");
		assertThat(request.getHeaders().get("Host")).isEqualTo("api.twilio.com");
		assertThat(request.getHeaders().get("Authorization")).startsWith("Basic ");
		String form = request.getBody().utf8();
		assertThat(form).contains("To=%2B84905123456")
			.contains("From=LOA")
			.contains("StatusCallback=http%3A%2F%2Flocalhost%3A8080%2Fwebhooks%2Ftwilio%2Fstatus")
			.contains("Body=Th%C3%B4ng+b%C3%A1o");
	}

	@Test
	void readTimeoutIsOneRequestAndATechnicalFailure() {
		SmsProperties properties = properties(Duration.ofMillis(300));
		TwilioSmsClient slow = new TwilioSmsClient(TwilioClientFactory.create(properties, this.server::getPort),
				properties);
		this.server.enqueue(new MockResponse.Builder().code(201)
			.body(createdBody())
			.headersDelay(3, java.util.concurrent.TimeUnit.SECONDS)
			.build());

		TwilioSmsClient.Result result = slow.send("+84905123456", "Thông báo");

		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(result.failure().status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(result.failure().retryLater()).isFalse();
	}

	@Test
	void connectionClosedAfterTheRequestIsOneRequestAndAnUnknownOutcomeNeverRetried() {
		this.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
		this.server.enqueue(created());

		TwilioSmsClient.Result result = this.client.send("+84905123456", "Thông báo");

		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(result.failure().status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(result.failure().code()).isEqualTo(DeliveryLog.OUTCOME_UNKNOWN);
		assertThat(result.failure().retryLater()).isFalse();
	}

	@Test
	void refusedConnectionNeverReachedTwilioAndMayBeSentAgain() throws Exception {
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		SmsProperties properties = properties(null);
		TwilioSmsClient refused = new TwilioSmsClient(TwilioClientFactory.create(properties, () -> closed), properties);

		TwilioSmsClient.Result result = refused.send("+84905123456", "Thông báo");

		assertThat(result.failure().status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(result.failure().code()).isEqualTo("ConnectException").isIn(DeliveryLog.NOT_REACHED);
	}

	static SmsProperties properties(Duration readTimeout) {
		return new SmsProperties(true, SmsProperties.Mode.SANDBOX, "announcement.txt",
				"AC00000000000000000000000000000000", "test-token", "", "LOA", URI.create("http://localhost:8080"), 10,
				new SmsProperties.QuietHoursSettings(true, LocalTime.of(21, 0), LocalTime.of(7, 0),
						ZoneId.of("Asia/Ho_Chi_Minh")),
				5, new BigDecimal("0.0505"), "USD",
				new SmsProperties.RetrySettings(5, Duration.ofMillis(10), 2, Duration.ofSeconds(1)),
				new SmsProperties.HttpSettings(Duration.ofSeconds(2),
						(readTimeout != null) ? readTimeout : Duration.ofSeconds(5), 8),
				new SmsProperties.BroadcastSettings(100, 4, Duration.ofMillis(200), true, Duration.ofMinutes(1)),
				new SmsProperties.SimulatorSettings(0, Duration.ZERO, 0, 0, 0, List.of(), List.of(), true,
						Duration.ofMillis(50), 20, 1000));
	}

	private static MockResponse error(int status, int code, String message) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.body("{\"code\":" + code + ",\"message\":\"" + message
					+ "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}")
			.build();
	}

	private static MockResponse created() {
		return new MockResponse.Builder().code(201)
			.addHeader("Content-Type", "application/json")
			.body(createdBody())
			.build();
	}

	private static String createdBody() {
		return "{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\",\"num_segments\":\"2\","
				+ "\"to\":\"+84905123456\",\"from\":\"LOA\",\"body\":\"x\",\"error_code\":null,\"error_message\":null,"
				+ "\"date_created\":\"Tue, 24 Nov 2026 10:00:00 +0000\",\"price\":null,\"price_unit\":\"USD\","
				+ "\"account_sid\":\"AC00000000000000000000000000000000\",\"direction\":\"outbound-api\","
				+ "\"uri\":\"/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages/SM0123456789abcdef0123456789abcdef.json\"}";
	}

}
