package vn.loa.channels.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of a {@value WebhookPayload#WITHDRAWN} event, sent to every endpoint that
 * accepted a delivery of the item. It names no officer: who withdrew the item stays in
 * Loa's audit trail.
 *
 * @param event always {@value WebhookPayload#WITHDRAWN}
 * @param id the content item, as {@code content.id} in its deliveries
 * @param withdrawnAt when the item was withdrawn
 * @param reason what the approver gave as the reason, or null when none was given
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "event", "id", "withdrawnAt", "reason" })
record WebhookWithdrawalNotice(String event, long id, Instant withdrawnAt, String reason) {

	/**
	 * @param reason the approver's reason; none given (the API keeps it as an empty
	 * string) is sent as null
	 */
	static WebhookWithdrawalNotice of(long contentId, Instant withdrawnAt, String reason) {
		return new WebhookWithdrawalNotice(WebhookPayload.WITHDRAWN, contentId, withdrawnAt,
				(reason != null && !reason.isBlank()) ? reason : null);
	}

}
