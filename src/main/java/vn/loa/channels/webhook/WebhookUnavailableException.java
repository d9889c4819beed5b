package vn.loa.channels.webhook;

/**
 * A failure after which sending the same delivery again is safe: the connection was
 * refused, or the endpoint declared that it drops repeated {@code X-Loa-Delivery} ids.
 */
class WebhookUnavailableException extends RuntimeException {

	private final int httpStatus;

	WebhookUnavailableException(int httpStatus, String message, Throwable cause) {
		super(message, cause);
		this.httpStatus = httpStatus;
	}

	int httpStatus() {
		return this.httpStatus;
	}

}
