package vn.loa.channels.webhook.sandbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.loa.channels.webhook.WebhookEndpoints;
import vn.loa.channels.webhook.WebhookSignature;

/**
 * The receiving end of Loa's webhooks for sandbox mode: it checks the signature the way a
 * partner site should (HMAC of the raw bytes, constant-time comparison), drops repeated
 * delivery ids, and records every POST, deliveries and withdrawal notices alike, with its
 * {@code X-Loa-Event}, so officers can see what a partner would have got.
 */
@RestController
@RequestMapping("/sandbox/webhook")
@ConditionalOnProperty(prefix = "loa.channels.webhook", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class WebhookReceiver {

	private final JdbcClient jdbc;

	private final WebhookEndpoints secrets;

	WebhookReceiver(JdbcClient jdbc, WebhookEndpoints secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	@PostMapping("/{endpoint}")
	@Transactional
	ResponseEntity<?> receive(@PathVariable String endpoint,
			@RequestHeader(name = WebhookSignature.SIGNATURE_HEADER, required = false) String signature,
			@RequestHeader(name = WebhookSignature.DELIVERY_HEADER, required = false) String deliveryId,
			@RequestHeader(name = WebhookSignature.EVENT_HEADER, required = false) String event,
			@RequestBody(required = false) byte[] body) {
		Optional<String> secret = this.secrets.secretOf(endpoint);
		if (secret.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No webhook endpoint named " + endpoint));
		}
		byte[] bytes = (body != null) ? body : new byte[0];
		boolean valid = WebhookSignature.verify(bytes, secret.get(), signature);
		if (valid && deliveryId != null) {
			Optional<Long> earlier = this.jdbc
				.sql("select min(id) from sandbox_webhook_receipt where endpoint = ? and delivery_id = ?"
						+ " and signature_valid = true")
				.params(endpoint, deliveryId)
				.query(Long.class)
				.optional();
			if (earlier.isPresent()) {
				return ResponseEntity.ok(answer(endpoint, earlier.get()));
			}
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into sandbox_webhook_receipt (endpoint, delivery_id, event, signature_valid, body,"
					+ " received_at) values (?, ?, ?, ?, ?, ?)")
			.params(endpoint, deliveryId, event, valid, new String(bytes, StandardCharsets.UTF_8),
					Timestamp.from(Instant.now()))
			.update(keys, "id");
		if (!valid) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
						"X-Loa-Signature does not match the body"));
		}
		return ResponseEntity.ok(answer(endpoint, keys.getKeyAs(Long.class)));
	}

	@GetMapping("/{endpoint}")
	List<Map<String, Object>> receipts(@PathVariable String endpoint) {
		return this.jdbc
			.sql("select id, delivery_id, event, signature_valid, body, received_at from sandbox_webhook_receipt"
					+ " where endpoint = ? order by id desc")
			.param(endpoint)
			.query((rs, n) -> {
				Map<String, Object> receipt = new LinkedHashMap<>();
				receipt.put("id", "rcpt-" + rs.getLong("id"));
				receipt.put("deliveryId", rs.getString("delivery_id"));
				receipt.put("event", rs.getString("event"));
				receipt.put("signatureValid", rs.getBoolean("signature_valid"));
				receipt.put("receivedAt", rs.getTimestamp("received_at").toInstant());
				receipt.put("body", rs.getString("body"));
				return receipt;
			})
			.list();
	}

	private static Map<String, String> answer(String endpoint, long id) {
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/sandbox/webhook/{endpoint}")
			.buildAndExpand(endpoint)
			.toUriString();
		return Map.of("id", "rcpt-" + id, "url", url);
	}

}
