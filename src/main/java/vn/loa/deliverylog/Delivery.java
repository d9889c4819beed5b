package vn.loa.deliverylog;

import java.time.Instant;

/**
 * One row of the delivery log.
 *
 * @param attempts how many calls to the provider were made for it
 * @param providerStatus the provider's last HTTP status, where it answered one
 */
public record Delivery(long id, long publicationId, String channel, String target, DeliveryStatus status, int attempts,
		String provider, String providerReference, String providerUrl, String errorCode, String errorMessage,
		String templateVersion, Instant createdAt, Instant updatedAt, Instant sentAt, Instant completedAt,
		Integer providerStatus) {

	public Delivery(long id, long publicationId, String channel, String target, DeliveryStatus status, int attempts,
			String provider, String providerReference, String providerUrl, String errorCode, String errorMessage,
			String templateVersion, Instant createdAt, Instant updatedAt, Instant sentAt, Instant completedAt) {
		this(id, publicationId, channel, target, status, attempts, provider, providerReference, providerUrl, errorCode,
				errorMessage, templateVersion, createdAt, updatedAt, sentAt, completedAt, null);
	}

}
