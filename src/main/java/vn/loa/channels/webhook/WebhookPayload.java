package vn.loa.channels.webhook;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * Version 1 of what Loa posts to a webhook endpoint. Receivers should switch on
 * {@code version}; fields are only ever added within a version. The envelope is fixed;
 * {@code content} is what {@code templates/webhook/payload.json.mustache} renders.
 *
 * @param version always {@value #VERSION}
 * @param event {@value #PUBLISHED}
 * @param deliveryId the same value as the {@code X-Loa-Delivery} header; stable across
 * retries, so a receiver can drop duplicates
 * @param sentAt when this attempt was signed (also {@code X-Loa-Timestamp}); lets a
 * receiver refuse replays, since the signature covers it
 */
record WebhookPayload(String version, String event, String deliveryId, Instant sentAt, Publication publication,
		JsonNode content) {

	static final String VERSION = "loa.webhook.v1";

	static final String PUBLISHED = "content.published";

	/** The {@code X-Loa-Event} (and {@code event}) of a withdrawal notice. */
	static final String WITHDRAWN = "content.withdrawn";

	/**
	 * @param scheduledAt the time the publication was due, not when it was sent
	 */
	record Publication(long id, String channel, String target, Instant scheduledAt) {
	}

}
