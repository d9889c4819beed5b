package vn.loa.channels.radio;

import java.time.Instant;
import java.util.List;

/** Where a station's receipts go in the delivery log. */
interface DeliveryReceipts {

	/** The delivery rows were pulled by their station for the first time. */
	void pulled(List<Long> deliveryIds, Instant pulledAt);

	/** The delivery row's item was aired. */
	void aired(long deliveryId, Instant airedAt, Integer seconds);

}
