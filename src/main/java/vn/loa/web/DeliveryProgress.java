package vn.loa.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import vn.loa.deliverylog.DeliveryStatus;

/**
 * A publication's delivery rows summed up for a progress bar: done (left Loa, or better),
 * failed, skipped, and still waiting.
 */
record DeliveryProgress(long total, long done, long failed, long skipped, long waiting) {

	private static final Set<DeliveryStatus> DONE = EnumSet.of(DeliveryStatus.SENT, DeliveryStatus.DELIVERED,
			DeliveryStatus.PULLED, DeliveryStatus.AIRED);

	static DeliveryProgress of(Map<String, Map<DeliveryStatus, Long>> byChannel) {
		long total = 0;
		long done = 0;
		long failed = 0;
		long skipped = 0;
		for (Map<DeliveryStatus, Long> counts : byChannel.values()) {
			for (Map.Entry<DeliveryStatus, Long> entry : counts.entrySet()) {
				long n = entry.getValue();
				total += n;
				if (DONE.contains(entry.getKey())) {
					done += n;
				}
				else if (DeliveryStatus.FAILURES.contains(entry.getKey())) {
					failed += n;
				}
				else if (entry.getKey() == DeliveryStatus.SKIPPED) {
					skipped += n;
				}
			}
		}
		return new DeliveryProgress(total, done, failed, skipped, total - done - failed - skipped);
	}

	/** How much of the publication has an outcome, 0–100. */
	public int percent() {
		return (this.total == 0) ? 0 : (int) ((this.done + this.failed + this.skipped) * 100 / this.total);
	}

	public int donePercent() {
		return (this.total == 0) ? 0 : (int) (this.done * 100 / this.total);
	}

	public int failedPercent() {
		return (this.total == 0) ? 0 : (int) (this.failed * 100 / this.total);
	}

}
