package vn.loa.channels;

import vn.loa.deliverylog.DeliveryStatus;

/**
 * A provider's refusal, already classified: the status it leads to and the provider's own
 * code and message, kept verbatim for the delivery log.
 */
public class ChannelException extends RuntimeException {

	private final DeliveryStatus status;

	private final String provider;

	private final String code;

	public ChannelException(DeliveryStatus status, String provider, String code, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.provider = provider;
		this.code = code;
	}

	public DeliveryStatus status() {
		return this.status;
	}

	public String provider() {
		return this.provider;
	}

	public String code() {
		return this.code;
	}

}
