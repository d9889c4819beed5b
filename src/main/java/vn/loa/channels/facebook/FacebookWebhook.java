package vn.loa.channels.facebook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.restfb.DefaultJsonMapper;
import com.restfb.exception.FacebookJsonMappingException;
import com.restfb.types.webhook.Change;
import com.restfb.types.webhook.FeedCommentValue;
import com.restfb.types.webhook.WebhookEntry;
import com.restfb.types.webhook.WebhookObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.common.CitizenMessageReceived;

/**
 * {@code /webhooks/facebook}: Facebook's subscription check (GET, echoes
 * {@code hub.challenge} when {@code hub.verify_token} matches) and its events (POST,
 * {@code X-Hub-Signature-256} = HMAC-SHA256 of the raw body under the app secret,
 * compared in constant time; 401 and nothing stored otherwise). A new comment
 * ({@code field=feed, item=comment, verb=add}) is kept and goes to the inbox, linked to
 * the content item when the post is Loa's. Facebook only sends events of Pages the app is
 * subscribed to, so every comment is taken, also on posts Loa did not make and Pages not
 * registered; the Page's own comments (Loa's replies among them) are not citizens'.
 */
@RestController
class FacebookWebhook {

	private static final Logger log = LoggerFactory.getLogger(FacebookWebhook.class);

	private final FacebookApp app;

	private final FacebookComments comments;

	private final FacebookPosts posts;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	FacebookWebhook(FacebookApp app, FacebookComments comments, FacebookPosts posts, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.app = app;
		this.comments = comments;
		this.posts = posts;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@GetMapping(path = "/webhooks/facebook", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.verify_token", required = false) String token,
			@RequestParam(name = "hub.challenge", required = false) String challenge) {
		String expected = this.app.verifyToken();
		if (!"subscribe".equals(mode) || token == null || expected == null || challenge == null || !MessageDigest
			.isEqual(token.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		return ResponseEntity.ok(challenge);
	}

	@PostMapping("/webhooks/facebook")
	ResponseEntity<Void> receive(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
		if (body == null || !signed(body, signature)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		WebhookObject event;
		try {
			event = new DefaultJsonMapper().toJavaObject(new String(body, StandardCharsets.UTF_8), WebhookObject.class);
		}
		catch (FacebookJsonMappingException ex) {
			log.warn("A signed Facebook webhook could not be read: {}", ex.getMessage());
			return ResponseEntity.badRequest().build();
		}
		if (event.getEntryList() != null) {
			for (WebhookEntry entry : event.getEntryList()) {
				for (Change change : (entry.getChanges() != null) ? entry.getChanges() : java.util.List.<Change>of()) {
					if ("feed".equals(change.getField()) && change.getValue() instanceof FeedCommentValue comment
							&& "comment".equals(comment.getItem()) && "add".equals(comment.getVerbAsString())) {
						take(entry.getId(), comment);
					}
				}
			}
		}
		return ResponseEntity.ok().build();
	}

	private void take(String pageId, FeedCommentValue comment) {
		String fromId = (comment.getFrom() != null) ? comment.getFrom().getId() : null;
		if (pageId.equals(fromId)) {
			return;
		}
		String fromName = (comment.getFrom() != null) ? comment.getFrom().getName() : null;
		Instant now = this.clock.instant();
		Instant written = (comment.getCreatedTime() != null) ? comment.getCreatedTime().toInstant() : now;
		Long contentId = (comment.getPostId() != null)
				? this.posts.byPostId(comment.getPostId()).map(FacebookPosts.Post::contentId).orElse(null) : null;
		// Kept and handed to the inbox in one transaction: Facebook redelivers, and a
		// comment kept must not miss the inbox.
		this.transactions.executeWithoutResult((tx) -> {
			this.comments.keep(comment.getCommentId(), pageId, comment.getPostId(), fromId, fromName,
					comment.getMessage(), written, now);
			this.events.publishEvent(new CitizenMessageReceived(FacebookPublisher.CHANNEL, comment.getCommentId(),
					pageId + ":" + comment.getPostId() + ":" + fromId, fromName,
					(comment.getMessage() != null) ? comment.getMessage() : "", contentId, comment.getCommentId(),
					written));
		});
	}

	private boolean signed(byte[] body, String signature) {
		String secret = this.app.appSecret();
		if (signature == null || !signature.startsWith("sha256=") || secret == null) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signature.substring("sha256=".length()).strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(hmac(secret, body), given);
	}

	static byte[] hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
