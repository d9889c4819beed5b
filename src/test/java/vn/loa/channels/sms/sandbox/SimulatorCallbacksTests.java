package vn.loa.channels.sms.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.twilio.security.RequestValidator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Simulated callbacks are signed so that the SDK's own RequestValidator accepts them. */
class SimulatorCallbacksTests {

	@Test
	void callbacksArePostedInOrderAndSignedOverThePublicUrl() throws Exception {
		try (MockWebServer server = new MockWebServer();
				SimulatorCallbacks callbacks = new SimulatorCallbacks("secret-token", () -> server.getPort())) {
			server.start();
			server.enqueue(new MockResponse.Builder().code(204).build());
			server.enqueue(new MockResponse.Builder().code(204).build());
			String publicUrl = "https://loa.example.gov.vn/webhooks/twilio/status";
			Map<String, String> common = new LinkedHashMap<>();
			common.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
			common.put("To", "+84905123456");
			common.put("AccountSid", "AC00000000000000000000000000000000");

			callbacks.schedule(publicUrl, Duration.ZERO, common, "sent", null, "undelivered", "30003");

			RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
			RecordedRequest undelivered = server.takeRequest(5, TimeUnit.SECONDS);
			assertThat(sent.getTarget()).isEqualTo("/webhooks/twilio/status");
			Map<String, String> sentForm = form(sent);
			Map<String, String> undeliveredForm = form(undelivered);
			assertThat(sentForm).containsEntry("MessageStatus", "sent").doesNotContainKey("ErrorCode");
			assertThat(undeliveredForm).containsEntry("MessageStatus", "undelivered")
				.containsEntry("ErrorCode", "30003");
			RequestValidator validator = new RequestValidator("secret-token");
			assertThat(validator.validate(publicUrl, sentForm, sent.getHeaders().get("X-Twilio-Signature"))).isTrue();
			assertThat(
					validator.validate(publicUrl, undeliveredForm, undelivered.getHeaders().get("X-Twilio-Signature")))
				.isTrue();
			assertThat(new RequestValidator("other-token").validate(publicUrl, sentForm,
					sent.getHeaders().get("X-Twilio-Signature")))
				.isFalse();
		}
	}

	private static Map<String, String> form(RecordedRequest request) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : request.getBody().utf8().split("&")) {
			String[] parts = pair.split("=", 2);
			form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		return form;
	}

}
