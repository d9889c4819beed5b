package vn.loa.channels.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of a {@value WebhookPayload#WITHDRAWN} event, sent to every endpoint that
 * accepted a delivery of the item. It names no officer: who withdrew the item stays in
 * Loa's audit trail.
 *
 * It has the envelope of every Loa webhook body (see {@link WebhookPayload}), so the
 * signature covers its delivery id and the time of the attempt, and a receiver drops
 * replays and duplicates of it as it does for deliveries.
 *
 * @param version always {@value WebhookPayload#VERSION}
 * @param event always {@value WebhookPayload#WITHDRAWN}
 * @param deliveryId the same value as the {@code X-Loa-Delivery} header, stable across
 * retries
 * @param sentAt when this attempt was signed (also {@code X-Loa-Timestamp})
 * @param id the content item, as {@code content.id} in its deliveries
 * @param withdrawnAt when the item was withdrawn
 * @param reason what the approver gave as the reason, or null when none was given
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "version", "event", "deliveryId", "sentAt", "id", "withdrawnAt", "reason" })
record WebhookWithdrawalNotice(String version, String event, String deliveryId, Instant sentAt, long id,
		Instant withdrawnAt, String reason) {

	/**
	 * A notice not yet addressed: {@link #attempt} gives it its delivery id and time.
	 * @param reason the approver's reason; none given (the API keeps it as an empty
	 * string) is sent as null
	 */
	static WebhookWithdrawalNotice of(long contentId, Instant withdrawnAt, String reason) {
		return new WebhookWithdrawalNotice(WebhookPayload.VERSION, WebhookPayload.WITHDRAWN, null, null, contentId,
				withdrawnAt, (reason != null && !reason.isBlank()) ? reason : null);
	}

	WebhookWithdrawalNotice attempt(String deliveryId, Instant sentAt) {
		return new WebhookWithdrawalNotice(this.version, this.event, deliveryId, sentAt, this.id, this.withdrawnAt,
				this.reason);
	}

}
