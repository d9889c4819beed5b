package vn.loa.channels.radio;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * Station receipts as delivery log statuses. The state machine in the log keeps a late
 * pull from moving an aired row back.
 */
@Component
class LogReceipts implements DeliveryReceipts {

	private final DeliveryLog log;

	LogReceipts(DeliveryLog log) {
		this.log = log;
	}

	@Override
	public void pulled(List<Long> deliveryIds, Instant pulledAt) {
		for (long id : deliveryIds) {
			this.log.transition(id, DeliveryStatus.PULLED, null);
		}
	}

	@Override
	public void aired(long deliveryId, Instant airedAt, Integer seconds) {
		this.log.transition(deliveryId, DeliveryStatus.AIRED, null);
	}

}
