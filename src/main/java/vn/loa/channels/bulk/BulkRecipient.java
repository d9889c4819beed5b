package vn.loa.channels.bulk;

import java.util.ArrayList;
import java.util.List;

import vn.loa.audience.Recipient;
import vn.loa.deliverylog.DeliveryLog.NewDelivery;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * One recipient of a bulk job, as its channel's recipient source gives it
 * ({@link BulkChannel#recipients}).
 *
 * @param key the recipient's place in the source's order (a subscriber id, a follower
 * key); the job's cursor moves over keys
 * @param row the delivery row to write: PENDING to send, or SKIPPED with the reason
 * @param subscriber the SMS subscriber behind the row (for personalised texts), or null
 */
public record BulkRecipient(long key, NewDelivery row, Recipient subscriber) {

	/** Skipped rows of opted-out subscribers carry this code. */
	public static final String OPTED_OUT = "OPTED_OUT";

	public static BulkRecipient pending(long key, String target) {
		return new BulkRecipient(key, NewDelivery.pending(target), null);
	}

	public static BulkRecipient skipped(long key, String target, String code, String reason) {
		return new BulkRecipient(key, NewDelivery.skipped(target, code, reason), null);
	}

	/** A segment's subscriber: PENDING, or SKIPPED {@value #OPTED_OUT}. */
	public static BulkRecipient of(Recipient subscriber) {
		NewDelivery row = subscriber.optedOut()
				? NewDelivery.skipped(subscriber.phone(), OPTED_OUT, "Người nhận đã từ chối nhận tin (opted out)")
				: NewDelivery.pending(subscriber.phone());
		return new BulkRecipient(subscriber.subscriberId(), row, subscriber);
	}

	public static List<BulkRecipient> of(List<Recipient> subscribers) {
		List<BulkRecipient> recipients = new ArrayList<>(subscribers.size());
		for (Recipient subscriber : subscribers) {
			recipients.add(of(subscriber));
		}
		return recipients;
	}

	public String target() {
		return this.row.target();
	}

	/** Whether the row is to be sent (PENDING), not skipped. */
	public boolean reachable() {
		return this.row.status() == DeliveryStatus.PENDING;
	}

}
