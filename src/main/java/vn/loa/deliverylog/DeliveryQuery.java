package vn.loa.deliverylog;

public record DeliveryQuery(Long publicationId, String channel, DeliveryStatus status, String target, long afterId,
		int limit) {

	public DeliveryQuery {
		limit = Math.min(Math.max(limit, 1), 5000);
		afterId = Math.max(afterId, 0);
	}

}
