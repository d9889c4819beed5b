package vn.loa.channels.sms;

import vn.loa.channels.sms.sandbox.SimulatorFaults;
import vn.loa.channels.sms.sandbox.SimulatorInbox;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.rendering.SmsText;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator answers the real SDK, and raw HTTP, the way Twilio's Messages API does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loa.channels.sms.mode=sandbox", "loa.channels.sms.simulator.callbacks=false" })
class SimulatorContractTests {

	private static final String SID = "AC00000000000000000000000000000000";

	@LocalServerPort
	int port;

	@Autowired
	TwilioSmsClient client;

	@Autowired
	SimulatorInbox inbox;

	@Autowired
	SimulatorFaults faults;

	@Autowired
	SmsProperties properties;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void resetFaults() {
		this.faults.reset(this.properties.simulator());
	}

	@Test
	void realSdkSendIsTakenAndRemembered() {
		String body = "UBND tỉnh thông báo: từ 01/12 nộp hồ sơ thủ tục hành chính trực tuyến tại dichvucong.gov.vn";

		TwilioSmsClient.Result result = this.client.send("+84905000101", body);

		assertThat(result.accepted()).isTrue();
		assertThat(result.sid()).matches("SM[0-9a-f]{32}");
		assertThat(result.segments()).isEqualTo(SmsText.analyze(body, true).parts()).isEqualTo(2);
		assertThat(this.inbox.receivedBy("+84905000101")).singleElement().satisfies((received) -> {
			assertThat(received.sid()).isEqualTo(result.sid());
			assertThat(received.body()).isEqualTo(body);
			assertThat(received.from()).isEqualTo("LOA");
		});
	}

	@Test
	void rawAnswerHasTwilioFieldsAndTypes() throws Exception {
		HttpResponse<String> response = post(SID, this.properties.effectiveAuthToken(),
				"To=%2B84905000102&From=LOA&Body=Hello");

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode message = this.json.readTree(response.body());
		assertThat(message.get("sid").asString()).matches("SM[0-9a-f]{32}");
		assertThat(message.get("status").asString()).isEqualTo("queued");
		assertThat(message.get("num_segments").isString()).isTrue();
		assertThat(message.get("num_segments").asString()).isEqualTo("1");
		assertThat(message.get("error_code").isNull()).isTrue();
		assertThat(message.get("error_message").isNull()).isTrue();
		assertThat(message.get("to").asString()).isEqualTo("+84905000102");
		assertThat(message.get("from").asString()).isEqualTo("LOA");
		assertThat(message.get("date_created").asString())
			.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
		assertThat(message.has("price")).isTrue();
		assertThat(message.get("uri").asString())
			.isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages/" + message.get("sid").asString() + ".json");
	}

	@Test
	void messagingServiceAnswersAccepted() throws Exception {
		HttpResponse<String> response = post(SID, this.properties.effectiveAuthToken(),
				"To=%2B84905000103&MessagingServiceSid=MG00000000000000000000000000000000&Body=Hello");

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(this.json.readTree(response.body()).get("status").asString()).isEqualTo("accepted");
	}

	@Test
	void wrongCredentialsAre401WithTwilioCode() throws Exception {
		HttpResponse<String> response = post(SID, "not-the-token", "To=%2B84905000104&From=LOA&Body=Hello");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.json.readTree(response.body()).get("code").asInt()).isEqualTo(20003);
		assertThat(this.inbox.receivedBy("+84905000104")).isEmpty();
	}

	@Test
	void injectedFaultsReachTheSdkAsTwilioErrors() {
		this.faults.failNext("+84905000105", 1, SimulatorFaults.Fault.TOO_MANY_REQUESTS);
		this.faults.failNext("+84905000106", 1, SimulatorFaults.Fault.SERVER_ERROR);

		TwilioSmsClient.Result tooMany = this.client.send("+84905000105", "Hello");
		TwilioSmsClient.Result serverError = this.client.send("+84905000106", "Hello");
		TwilioSmsClient.Result invalid = this.client.send("+8412", "Hello");
		TwilioSmsClient.Result later = this.client.send("+84905000105", "Hello");

		assertThat(tooMany.failure().code()).isEqualTo("20429");
		assertThat(tooMany.failure().retryLater()).isTrue();
		assertThat(serverError.failure().status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(invalid.failure().code()).isEqualTo("21211");
		assertThat(invalid.failure().status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
		assertThat(later.accepted()).isTrue();
		assertThat(this.inbox.receivedBy("+84905000105")).hasSize(1);
		assertThat(this.inbox.receivedBy("+84905000106")).isEmpty();
	}

	@Test
	void shareOfFaultsIsInjected() {
		this.faults.shares(0, 1.0, 0, java.time.Duration.ZERO);

		TwilioSmsClient.Result result = this.client.send("+84905000107", "Hello");

		assertThat(result.failure().code()).isEqualTo("20500");
	}

	@Test
	void connectionResetAfterTheMessageWasTakenIsAnUnknownOutcome() {
		this.faults.resets(1.0);

		TwilioSmsClient.Result result = this.client.send("+84905000108", "Hello");
		this.faults.resets(0);
		TwilioSmsClient.Result next = this.client.send("+84905000109", "Hello");

		assertThat(result.failure().status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(result.failure().code()).isEqualTo(DeliveryLog.OUTCOME_UNKNOWN);
		assertThat(result.failure().retryLater()).isFalse();
		assertThat(this.inbox.receivedBy("+84905000108")).as("taken before the connection broke").hasSize(1);
		assertThat(next.accepted()).as("the next request on a new connection").isTrue();
	}

	private HttpResponse<String> post(String sid, String token, String form) throws Exception {
		String basic = Base64.getEncoder().encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/2010-04-01/Accounts/" + sid + "/Messages.json"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
