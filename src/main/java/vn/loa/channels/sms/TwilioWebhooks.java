package vn.loa.channels.sms;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import vn.loa.audience.InvalidPhoneNumberException;
import vn.loa.audience.PhoneNumbers;
import vn.loa.audience.SmsCommand;
import vn.loa.audience.SmsKeywords;
import vn.loa.audience.Subscribers;
import vn.loa.common.CitizenMessageReceived;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's calls into Loa. Both verify {@code X-Twilio-Signature} with the SDK's
 * {@link RequestValidator} against the public URL Twilio called (Loa may sit behind a
 * proxy, so the URL is rebuilt from {@code public-base-url}, not from the request), and
 * answer 403 when it does not match.
 */
@RestController
class TwilioWebhooks {

	private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);

	private final RequestValidator validator;

	private final SmsProperties properties;

	private final DeliveryLog deliveryLog;

	private final SmsEarlyReceipts earlyReceipts;

	private final Subscribers subscribers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TwilioWebhooks(SmsProperties properties, DeliveryLog deliveryLog, SmsEarlyReceipts earlyReceipts,
			Subscribers subscribers, ApplicationEventPublisher events, Clock clock) {
		this.validator = new RequestValidator(properties.effectiveAuthToken());
		this.properties = properties;
		this.deliveryLog = deliveryLog;
		this.earlyReceipts = earlyReceipts;
		this.subscribers = subscribers;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A message's status changed. Late, repeated and out-of-order callbacks are harmless:
	 * the delivery log only moves a row forward. A callback that overtakes the batch
	 * storing its SID is kept and applied when the SID is known.
	 */
	@PostMapping(path = "/webhooks/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Void> status(HttpServletRequest request) {
		Map<String, String> form = form(request);
		if (!verified(request, form)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		String sid = form.get("MessageSid");
		String errorCode = blankToNull(form.get("ErrorCode"));
		DeliveryStatus status = TwilioStatusTable.callbackStatus(form.get("MessageStatus"), errorCode);
		if (sid == null || status == null) {
			// New statuses may appear at any time; they are not errors.
			return ResponseEntity.noContent().build();
		}
		boolean moved = this.deliveryLog.transitionByReference(SmsChannel.PROVIDER, sid, status, errorCode,
				TwilioStatusTable.describe(errorCode));
		if (!moved) {
			if (!this.deliveryLog.knowsReference(SmsChannel.PROVIDER, sid)) {
				this.earlyReceipts.keep(sid, status, errorCode);
			}
			else {
				// The batch may have stored the SID between the two statements above.
				this.deliveryLog.transitionByReference(SmsChannel.PROVIDER, sid, status, errorCode,
						TwilioStatusTable.describe(errorCode));
			}
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * A citizen replied. Keywords with or without diacritics opt out ({@code HUY},
	 * {@code TU CHOI}, {@code STOP}) or join a topic ({@code DK <topic>}); the answer is
	 * TwiML with the confirmation Twilio sends back. Anything else is a citizen writing
	 * in: it goes to the inbox, once per {@code MessageSid}.
	 */
	@PostMapping(path = "/webhooks/twilio/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> inbound(HttpServletRequest request) {
		Map<String, String> form = form(request);
		if (!verified(request, form)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		String from = form.get("From");
		SmsCommand command = SmsKeywords.parse(form.get("Body"));
		try {
			switch (command.kind()) {
				case OPT_OUT -> this.subscribers.optOut(from, "sms");
				case OPT_IN -> this.subscribers.optIn(from, command.topic(), "sms");
				default -> toInbox(form);
			}
		}
		catch (InvalidPhoneNumberException ex) {
			log.info("Inbound SMS from a number Loa does not keep ({}): {}", from, ex.getMessage());
		}
		String reply = SmsKeywords.reply(command);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + HtmlUtils.htmlEscape(reply, "UTF-8")
					+ "</Message></Response>");
	}

	private void toInbox(Map<String, String> form) {
		String sid = form.get("MessageSid");
		String body = form.get("Body");
		String from = form.get("From");
		if (sid == null || from == null || body == null || body.isBlank()) {
			return;
		}
		// The number as Twilio gave it when it is not a Vietnamese mobile: the reply goes
		// there all the same.
		String citizen = PhoneNumbers.check(from).valid() ? PhoneNumbers.normalize(from) : from;
		this.events.publishEvent(new CitizenMessageReceived("sms", sid, citizen, null, body.strip(), null, citizen,
				this.clock.instant()));
	}

	private boolean verified(HttpServletRequest request, Map<String, String> form) {
		String signature = request.getHeader("X-Twilio-Signature");
		if (signature == null) {
			return false;
		}
		String query = request.getQueryString();
		String url = UriComponentsBuilder.fromUri(this.properties.publicBaseUrl())
			.replacePath(request.getRequestURI())
			.replaceQuery(query)
			.build(true)
			.toUriString();
		return this.validator.validate(url, form, signature);
	}

	/**
	 * The POST body's parameters only: Twilio signs those, and the query is in the URL.
	 */
	private static Map<String, String> form(HttpServletRequest request) {
		Set<String> inQuery = (request.getQueryString() != null)
				? UriComponentsBuilder.fromUriString("?" + request.getQueryString()).build().getQueryParams().keySet()
				: Set.of();
		Map<String, String> form = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!inQuery.contains(name) && values.length > 0) {
				form.put(name, values[0]);
			}
		});
		return form;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
