package vn.loa.channels.webhook;

import java.time.Instant;
import java.util.List;

/**
 * Version 1 of what Loa posts to a webhook endpoint. Receivers should switch on
 * {@code version}; fields are only ever added within a version.
 *
 * @param version always {@value #VERSION}
 * @param event {@code content.published}
 * @param deliveryId the same value as the {@code X-Loa-Delivery} header; stable across
 * retries, so a receiver can drop duplicates
 * @param sentAt when this attempt was signed; lets a receiver refuse replays
 */
record WebhookPayload(String version, String event, String deliveryId, Instant sentAt, Publication publication,
		Content content) {

	static final String VERSION = "loa.webhook.v1";

	static final String PUBLISHED = "content.published";

	record Publication(long id, String channel, String target) {
	}

	/**
	 * @param html the sanitised article body
	 * @param text the channel rendition (from {@code templates/webhook/})
	 */
	record Content(long id, int version, String title, String summary, String topic, List<String> audiences, String url,
			String html, String text) {
	}

}
