package vn.loa.publishing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The dispatch queue and its dead letters, for admins (cluster shape): how many messages
 * wait in each, what the dead letters are and why RabbitMQ dead-lettered them, and the
 * two things an admin may do with one — put it back on the dispatch queue or discard it.
 * A dead letter is named by a digest of its body, so the page's buttons act on the
 * message the admin saw. Reading the dead letters takes them and gives them straight
 * back.
 */
@Component
public class DeadLetters {

	private static final int MAX_LISTED = 100;

	private static final String REQUEUED = "x-loa-requeued";

	private final ObjectProvider<RabbitTemplate> template;

	private final ObjectProvider<AmqpAdmin> admin;

	private final JsonMapper json;

	private final boolean inUse;

	DeadLetters(ObjectProvider<RabbitTemplate> dispatchTemplate, ObjectProvider<AmqpAdmin> admin, JsonMapper json,
			PublishingProperties properties) {
		this.template = dispatchTemplate;
		this.admin = admin;
		this.json = json;
		this.inUse = "amqp".equals(properties.dispatch());
	}

	/** Whether dispatches cross RabbitMQ on this node (the cluster shape). */
	public boolean inUse() {
		return this.inUse;
	}

	/** Messages waiting per queue; -1 when the broker does not answer. */
	public Map<String, Long> depths() {
		Map<String, Long> depths = new LinkedHashMap<>();
		if (!this.inUse) {
			return depths;
		}
		AmqpAdmin amqp = this.admin.getIfAvailable();
		for (String queue : List.of(DispatchConfiguration.QUEUE, DispatchConfiguration.DEAD_LETTERS)) {
			long depth = -1;
			try {
				QueueInformation info = (amqp != null) ? amqp.getQueueInfo(queue) : null;
				depth = (info != null) ? info.getMessageCount() : -1;
			}
			catch (RuntimeException ex) {
				depth = -1;
			}
			depths.put(queue, depth);
		}
		return depths;
	}

	/**
	 * One dead letter.
	 *
	 * @param id the digest of its body
	 * @param reason why RabbitMQ dead-lettered it ({@code rejected}: no node could handle
	 * it; {@code expired}, {@code maxlen}, {@code delivery_limit})
	 * @param deadAt when it was dead-lettered first, if the broker said
	 * @param requeued how often an admin put it back on the queue before
	 */
	public record DeadLetter(String id, Long publicationId, String channel, String target, String reason,
			Instant deadAt, long deaths, int requeued) {

	}

	/** The dead letters, oldest first (at most 100). */
	public List<DeadLetter> list() {
		List<DeadLetter> letters = new ArrayList<>();
		browse((channel, response) -> {
			letters.add(describe(response));
			return false;
		});
		return letters;
	}

	/** Puts the dead letter back on the dispatch queue; false when it is not there. */
	public Optional<DeadLetter> requeue(String id) {
		return take(id, true);
	}

	/** Drops the dead letter for good; false when it is not there. */
	public Optional<DeadLetter> discard(String id) {
		return take(id, false);
	}

	private Optional<DeadLetter> take(String id, boolean requeue) {
		DeadLetter[] taken = new DeadLetter[1];
		browse((channel, response) -> {
			if (!digest(response.getBody()).equals(id)) {
				return false;
			}
			taken[0] = describe(response);
			if (requeue) {
				// RabbitMQ's own death headers stay behind; Loa counts the requeues.
				Map<String, Object> headers = new LinkedHashMap<>();
				headers.put(REQUEUED, taken[0].requeued() + 1);
				AMQP.BasicProperties properties = response.getProps().builder().headers(headers).build();
				channel.basicPublish("", DispatchConfiguration.QUEUE, properties, response.getBody());
			}
			return true;
		});
		return Optional.ofNullable(taken[0]);
	}

	@FunctionalInterface
	private interface Visitor {

		/**
		 * Returns true to consume the message (acknowledge it), false to give it back.
		 */
		boolean visit(Channel channel, GetResponse response) throws IOException;

	}

	/**
	 * Takes the dead letters one by one without acknowledging them, shows each to the
	 * visitor, and gives back every one it did not consume, in their order.
	 */
	private void browse(Visitor visitor) {
		RabbitTemplate rabbit = this.inUse ? this.template.getIfAvailable() : null;
		if (rabbit == null) {
			return;
		}
		rabbit.execute((channel) -> {
			List<Long> back = new ArrayList<>();
			try {
				for (int i = 0; i < MAX_LISTED; i++) {
					GetResponse response = channel.basicGet(DispatchConfiguration.DEAD_LETTERS, false);
					if (response == null) {
						break;
					}
					long tag = response.getEnvelope().getDeliveryTag();
					if (visitor.visit(channel, response)) {
						channel.basicAck(tag, false);
						break;
					}
					back.add(tag);
				}
			}
			finally {
				for (long tag : back) {
					channel.basicNack(tag, false, true);
				}
			}
			return null;
		});
	}

	private DeadLetter describe(GetResponse response) {
		Map<String, Object> headers = response.getProps().getHeaders();
		String reason = header(headers, "x-first-death-reason");
		Instant deadAt = null;
		long deaths = 1;
		Object death = (headers != null) ? headers.get("x-death") : null;
		if (death instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
			if (reason == null && first.get("reason") != null) {
				reason = first.get("reason").toString();
			}
			if (first.get("time") instanceof java.util.Date time) {
				deadAt = time.toInstant();
			}
			if (first.get("count") instanceof Number count) {
				deaths = count.longValue();
			}
		}
		Long publication = null;
		String channelName = null;
		String target = null;
		try {
			JsonNode body = this.json.readTree(new String(response.getBody(), StandardCharsets.UTF_8));
			publication = body.path("publicationId").isNumber() ? body.path("publicationId").asLong() : null;
			channelName = body.path("channel").isString() ? body.path("channel").asString() : null;
			target = body.path("target").isString() ? body.path("target").asString() : null;
		}
		catch (RuntimeException ex) {
			// not a dispatch Loa can read: still listed, by its digest
		}
		Object requeued = (headers != null) ? headers.get(REQUEUED) : null;
		return new DeadLetter(digest(response.getBody()), publication, channelName, target,
				(reason != null) ? reason : "unknown", deadAt, deaths,
				(requeued instanceof Number number) ? number.intValue() : 0);
	}

	private static String header(Map<String, Object> headers, String name) {
		Object value = (headers != null) ? headers.get(name) : null;
		return (value != null) ? value.toString() : null;
	}

	static String digest(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
