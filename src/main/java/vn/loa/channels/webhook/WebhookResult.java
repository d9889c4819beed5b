package vn.loa.channels.webhook;

/**
 * What one signed POST achieved. Failures that may be retried are thrown as
 * {@link WebhookUnavailableException} instead, so the retry advice sees only those.
 */
sealed interface WebhookResult {

	/**
	 * The receiver answered 2xx; id and URL come from its JSON answer when it gave them.
	 */
	record Accepted(int httpStatus, String remoteId, String remoteUrl) implements WebhookResult {
	}

	/** The receiver refused the delivery (4xx); sending it again would not help. */
	record Rejected(int httpStatus, String bodyExcerpt) implements WebhookResult {
	}

	/** The receiver failed (5xx, timeout) and retrying is not known to be safe. */
	record Failed(int httpStatus, String message) implements WebhookResult {
	}

}
