package vn.loa.deliverylog;

import java.time.Instant;

/** One row of the delivery log. */
public record Delivery(long id, long publicationId, String channel, String target, DeliveryStatus status, int attempts,
		String provider, String providerReference, String providerUrl, String errorCode, String errorMessage,
		String templateVersion, Instant createdAt, Instant updatedAt, Instant sentAt, Instant completedAt) {
}
