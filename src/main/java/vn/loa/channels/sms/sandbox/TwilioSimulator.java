package vn.loa.channels.sms.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.coyote.CloseNowException;
import vn.loa.audience.PhoneNumbers;
import vn.loa.channels.sms.SmsProperties;
import vn.loa.rendering.SmsText;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Twilio-compatible Messages API inside Loa (sandbox mode): the real SDK is pointed at
 * it, so sandbox runs exercise the same code as live runs. It answers as Twilio does,
 * remembers what each number "received", posts signed status callbacks and injects the
 * faults {@link SimulatorFaults} holds.
 */
@RestController
@ConditionalOnProperty(prefix = "loa.channels.sms", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class TwilioSimulator {

	static final String MESSAGES_PATH = "/2010-04-01/Accounts/{accountSid}/Messages.json";

	private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	private final String accountSid;

	private final String expectedAuthorization;

	private final SimulatorInbox inbox;

	private final SimulatorFaults faults;

	private final SimulatorCallbacks callbacks;

	private final SmsProperties.SimulatorSettings settings;

	TwilioSimulator(SmsProperties properties, SimulatorInbox inbox, SimulatorFaults faults,
			SimulatorCallbacks callbacks) {
		this.accountSid = properties.accountSid();
		this.expectedAuthorization = "Basic " + Base64.getEncoder()
			.encodeToString(
					(properties.accountSid() + ":" + properties.effectiveAuthToken()).getBytes(StandardCharsets.UTF_8));
		this.inbox = inbox;
		this.faults = faults;
		this.callbacks = callbacks;
		this.settings = properties.simulator();
	}

	@PostMapping(path = MESSAGES_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> create(@PathVariable String accountSid,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam Map<String, String> form, HttpServletResponse response) throws IOException {
		if (!this.accountSid.equals(accountSid) || !this.expectedAuthorization.equals(authorization)) {
			return error(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
		}
		delay(this.faults.answerDelay());
		String to = form.get("To");
		String from = form.get("From");
		String service = form.get("MessagingServiceSid");
		String body = form.get("Body");
		if (to == null || to.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, 21604, "A 'To' phone number is required.");
		}
		if ((from == null || from.isBlank()) && (service == null || service.isBlank())) {
			return error(HttpStatus.BAD_REQUEST, 21603, "A 'From' or 'MessagingServiceSid' parameter is required.");
		}
		if (body == null || body.isEmpty()) {
			return error(HttpStatus.BAD_REQUEST, 21602, "Message body is required.");
		}
		if (this.faults.overRate((service != null && !service.isBlank()) ? service : from)) {
			return error(HttpStatus.TOO_MANY_REQUESTS, 20429, "Too Many Requests");
		}
		SimulatorFaults.Fault fault = E164.matcher(to).matches() ? this.faults.next(to)
				: SimulatorFaults.Fault.INVALID_NUMBER;
		switch (fault) {
			case TOO_MANY_REQUESTS:
				return error(HttpStatus.TOO_MANY_REQUESTS, 20429, "Too Many Requests");
			case SERVER_ERROR:
				return error(HttpStatus.INTERNAL_SERVER_ERROR, 20500, "Internal Server Error");
			case INVALID_NUMBER:
				return error(HttpStatus.BAD_REQUEST, 21211, "The 'To' number " + to + " is not a valid phone number.");
			default:
				break;
		}
		String sid = "SM" + DelayedCallbacks.hex32();
		int segments = Math.max(1, SmsText.analyze(body, true).parts());
		Instant now = Instant.now();
		String status = (service != null && !service.isBlank()) ? "accepted" : "queued";
		this.inbox
			.add(new SimulatorInbox.Received(sid, to, (from != null) ? from : service, body, segments, now, status));
		if (fault == SimulatorFaults.Fault.CONNECTION_RESET) {
			// Taken, then the connection breaks mid-answer: the sender never learns the
			// SID.
			this.inbox.update(to, sid, "delivered");
			closeMidAnswer(response);
		}
		String callback = form.get("StatusCallback");
		if (callback != null && !callback.isBlank() && this.settings.callbacks()) {
			Map<String, String> common = new LinkedHashMap<>();
			common.put("AccountSid", this.accountSid);
			common.put("ApiVersion", "2010-04-01");
			common.put("From", (from != null) ? from : "");
			common.put("MessageSid", sid);
			common.put("SmsSid", sid);
			common.put("To", to);
			Consumer<String> reached = (reachedStatus) -> this.inbox.update(to, sid, reachedStatus);
			if (this.faults.undeliverable(to)) {
				this.callbacks.schedule(callback, this.settings.callbackDelay(), common, reached, "sent", null,
						"undelivered", "30003");
			}
			else {
				this.callbacks.schedule(callback, this.settings.callbackDelay(), common, reached, "sent", null,
						"delivered", null);
			}
		}
		else {
			// no callbacks to wait for: the message's fate is settled now
			this.inbox.update(to, sid, this.faults.undeliverable(to) ? "undelivered" : "delivered");
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(message(sid, status, to, from, service, body, segments, now));
	}

	/** What the test number received, newest last (sandbox only; officers see it too). */
	@GetMapping(path = "/sandbox/sms/{phone}", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> received(@PathVariable String phone) {
		// any spelling Loa accepts elsewhere (0905 123 456, 84905123456, +84 90 512
		// 3456);
		// anything else as an international number
		PhoneNumbers.PhoneNumberCheck check = PhoneNumbers.check(phone);
		String digits = phone.strip().replaceAll("[\\s().\\-]", "");
		String number = check.valid() ? check.e164() : (digits.startsWith("+") ? digits : "+" + digits);
		List<SimulatorInbox.Received> messages = this.inbox.receivedBy(number);
		return Map.of("phone", number, "count", messages.size(), "messages", messages);
	}

	private Map<String, Object> message(String sid, String status, String to, String from, String service, String body,
			int segments, Instant now) {
		String date = RFC_2822.format(now);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("account_sid", this.accountSid);
		json.put("api_version", "2010-04-01");
		json.put("body", body);
		json.put("date_created", date);
		json.put("date_sent", null);
		json.put("date_updated", date);
		json.put("direction", "outbound-api");
		json.put("error_code", null);
		json.put("error_message", null);
		json.put("from", from);
		json.put("messaging_service_sid", service);
		json.put("num_media", "0");
		json.put("num_segments", Integer.toString(segments));
		json.put("price", null);
		json.put("price_unit", "USD");
		json.put("sid", sid);
		json.put("status", status);
		json.put("subresource_uris",
				Map.of("media", "/2010-04-01/Accounts/" + this.accountSid + "/Messages/" + sid + "/Media.json"));
		json.put("to", to);
		json.put("uri", "/2010-04-01/Accounts/" + this.accountSid + "/Messages/" + sid + ".json");
		return json;
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String message) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("code", code);
		json.put("message", message);
		json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
		json.put("status", status.value());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json);
	}

	/**
	 * Sends the status line and headers of an answer that promises a body, then closes
	 * the connection: the client has sent its request and reads a broken answer.
	 */
	private static void closeMidAnswer(HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.CREATED.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(4096);
		response.getOutputStream().write('{');
		response.flushBuffer();
		// Tomcat closes a connection at once after this exception on a committed answer.
		throw new CloseNowException("Simulated connection reset");
	}

	private static void delay(Duration latency) {
		if (!latency.isZero()) {
			// Injected latency, as a slow provider would add it to this request thread.
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(latency.toMillis()));
		}
	}

}
