package vn.loa.channels.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.audience.ZaloFollower;
import vn.loa.audience.ZaloFollowers;
import vn.loa.common.CitizenMessageReceived;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * Zalo's webhook events: stored raw first ({@code zalo_webhook_event}), processed after.
 * Zalo retries a call for up to an hour, so each event has a key (its message id, else
 * its user and timestamp) and a repeated one is stored once and processed once. An event
 * is processed in one transaction that first marks it processed, so two nodes (the
 * hand-off and the sweep) never both act on it, and a failure rolls the mark back for the
 * sweep to try again.
 * <ul>
 * <li>{@code follow}/{@code unfollow}: the follower audience;</li>
 * <li>{@code user_send_*}: the follower's last interaction, and
 * {@link CitizenMessageReceived} for the inbox;</li>
 * <li>{@code user_submit_info}: the name and phone the citizen shared;</li>
 * <li>{@code user_received_message}: with {@code X-ZEvent-Server: ZNS}, a
 * {@link ZnsReceipt} for the ZNS channel; otherwise an OA message's row becomes
 * DELIVERED.</li>
 * </ul>
 */
@Component
class ZaloWebhookEvents implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ZaloWebhookEvents.class);

	private static final int MAX_ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final ZaloFollowers followers;

	private final DeliveryLog deliveries;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final ExecutorService processor;

	ZaloWebhookEvents(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, ZaloFollowers followers,
			DeliveryLog deliveries, ApplicationEventPublisher publisher, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.followers = followers;
		this.deliveries = deliveries;
		this.publisher = publisher;
		this.clock = clock;
		this.processor = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "zalo-webhook");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Stores a verified event (once) and hands it to the processor. */
	void receive(JsonNode event, byte[] body, String server) {
		String name = event.path("event_name").asString("unknown");
		int stored = this.jdbc
			.sql("insert into zalo_webhook_event (event_key, event_name, server, body, received_at) values (:key, "
					+ ":name, :server, :body, :now) on conflict do nothing")
			.param("key", key(event, name, body))
			.param("name", truncate(name, 60))
			.param("server", truncate(server, 20))
			.param("body", new String(body, StandardCharsets.UTF_8))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (stored == 0) {
			log.debug("Zalo redelivered event {}; already stored", name);
			return;
		}
		Long id = this.jdbc.sql("select id from zalo_webhook_event where event_key = :key")
			.param("key", key(event, name, body))
			.query(Long.class)
			.single();
		this.processor.execute(() -> process(id));
	}

	/**
	 * Picks up what a hand-off did not finish (a crash, a failure) a little later.
	 */
	@Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
	void sweep() {
		List<Long> pending = this.jdbc
			.sql("select id from zalo_webhook_event where processed_at is null and attempts < :max and received_at < "
					+ ":before order by id fetch first 100 rows only")
			.param("max", MAX_ATTEMPTS)
			.param("before", Timestamp.from(this.clock.instant().minusSeconds(10)))
			.query(Long.class)
			.list();
		pending.forEach(this::process);
	}

	/** Processes one stored event, unless it was already. */
	void process(long id) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				int mine = this.jdbc
					.sql("update zalo_webhook_event set processed_at = :now, attempts = attempts + 1, error = null "
							+ "where id = :id and processed_at is null")
					.param("now", Timestamp.from(this.clock.instant()))
					.param("id", id)
					.update();
				if (mine == 0) {
					return;
				}
				var row = this.jdbc.sql("select server, body from zalo_webhook_event where id = :id")
					.param("id", id)
					.query()
					.singleRow();
				apply(this.json.readTree((String) row.get("body")), (String) row.get("server"));
			});
		}
		catch (RuntimeException ex) {
			log.warn("Zalo event {} could not be processed; it is tried again", id, ex);
			this.jdbc.sql("update zalo_webhook_event set attempts = attempts + 1, error = :error where id = :id")
				.param("error", truncate(String.valueOf(ex.getMessage()), 2000))
				.param("id", id)
				.update();
		}
	}

	private void apply(JsonNode event, String server) {
		String name = event.path("event_name").asString("");
		Instant at = timestamp(event);
		String sender = event.path("sender").path("id").asString("");
		JsonNode message = event.path("message");
		if (name.equals("follow") || name.equals("unfollow")) {
			String user = event.path("follower").path("id").asString(sender);
			if (!user.isBlank()) {
				this.followers.followed(user, name.equals("follow"), at);
			}
		}
		else if (name.startsWith("user_send_")) {
			if (sender.isBlank()) {
				return;
			}
			this.followers.interacted(sender, at);
			String displayName = this.followers.find(sender).map(ZaloFollower::displayName).orElse(null);
			this.publisher.publishEvent(new CitizenMessageReceived(ZaloChannel.ID, message.path("msg_id").asString(""),
					sender, displayName, text(name, message), null, sender, at));
		}
		else if (name.equals("user_submit_info")) {
			JsonNode info = event.path("info");
			if (!sender.isBlank()) {
				this.followers.submittedInfo(sender, info.path("name").asString(null),
						info.path("phone").asString(null), at);
			}
		}
		else if (name.equals("user_received_message")) {
			String msgId = message.path("msg_id").asString("");
			if ("ZNS".equalsIgnoreCase(server)) {
				Instant delivered = millis(message.path("delivery_time").asString(""), at);
				this.publisher
					.publishEvent(new ZnsReceipt(msgId, message.path("tracking_id").asString(null), delivered));
			}
			else if (!msgId.isBlank()) {
				this.deliveries.transitionByReference(ZaloStatusTable.PROVIDER, msgId, DeliveryStatus.DELIVERED, null,
						null);
			}
		}
	}

	/** What the inbox shows of a message: its text, or what was attached. */
	private static String text(String name, JsonNode message) {
		String text = message.path("text").asString("");
		if (!text.isBlank()) {
			return text;
		}
		StringBuilder described = new StringBuilder();
		message.path("attachments").forEach((attachment) -> {
			JsonNode payload = attachment.path("payload");
			String type = attachment.path("type").asString(name.substring("user_send_".length()));
			String detail = payload.path("url").asString("");
			if (detail.isBlank() && payload.has("coordinates")) {
				detail = payload.path("coordinates").path("latitude").asString("") + ","
						+ payload.path("coordinates").path("longitude").asString("");
			}
			described.append(described.isEmpty() ? "" : "\n").append('[').append(type).append(']');
			if (!detail.isBlank()) {
				described.append(' ').append(detail);
			}
		});
		return described.isEmpty() ? "[" + name.substring("user_send_".length()) + "]" : described.toString();
	}

	private Instant timestamp(JsonNode event) {
		return millis(event.path("timestamp").asString(""), this.clock.instant());
	}

	/** Zalo's times are milliseconds since the epoch, as strings. */
	private static Instant millis(String value, Instant fallback) {
		try {
			return Instant.ofEpochMilli(Long.parseLong(value.trim()));
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	/**
	 * The same event redelivered has the same key: a message by its id, anything else by
	 * who and when, and as a last resort by its bytes.
	 */
	private static String key(JsonNode event, String name, byte[] body) {
		String msgId = event.path("message").path("msg_id").asString("");
		if (!msgId.isBlank()) {
			return truncate(name + ":" + msgId, 300);
		}
		String user = event.path("follower").path("id").asString(event.path("sender").path("id").asString(""));
		String timestamp = event.path("timestamp").asString("");
		if (!user.isBlank() && !timestamp.isBlank()) {
			return truncate(name + ":" + user + ":" + timestamp, 300);
		}
		try {
			return name + ":sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String truncate(String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max);
	}

	@Override
	public void destroy() {
		this.processor.shutdown();
	}

}
