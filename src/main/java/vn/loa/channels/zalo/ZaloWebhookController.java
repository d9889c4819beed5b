package vn.loa.channels.zalo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/zalo}: checks {@code X-ZEvent-Signature} over the raw body with
 * the app id or the OA id (integrators report both), stores the raw event and answers 200
 * at once (Zalo wants an answer within about 2 s); the event is processed off the request
 * thread. Anything unsigned or wrongly signed gets 401 and nothing is stored.
 */
@RestController
class ZaloWebhookController {

	private static final Logger log = LoggerFactory.getLogger(ZaloWebhookController.class);

	private final ZaloProperties properties;

	private final ZaloWebhookEvents events;

	private final JsonMapper json;

	ZaloWebhookController(ZaloProperties properties, ZaloWebhookEvents events, JsonMapper json) {
		this.properties = properties;
		this.events = events;
		this.json = json;
	}

	@PostMapping("/webhooks/zalo")
	ResponseEntity<Void> receive(@RequestHeader(name = ZaloSignature.HEADER, required = false) String signature,
			@RequestHeader(name = "X-ZEvent-Server", required = false) String server,
			@RequestBody(required = false) byte[] body) {
		if (signature == null || body == null || body.length == 0) {
			return ResponseEntity.status(401).build();
		}
		JsonNode event;
		try {
			event = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return ResponseEntity.status(401).build();
		}
		String timestamp = (event != null) ? event.path("timestamp").asString("") : "";
		String secret = this.properties.effectiveOaSecretKey();
		boolean valid = ZaloSignature.verifies(signature, this.properties.effectiveAppId(), body, timestamp, secret)
				| ZaloSignature.verifies(signature, this.properties.effectiveOaId(), body, timestamp, secret);
		if (!valid) {
			log.warn("Refused a Zalo webhook call with a signature that does not verify");
			return ResponseEntity.status(401).build();
		}
		this.events.receive(event, body, server);
		return ResponseEntity.ok().build();
	}

}
