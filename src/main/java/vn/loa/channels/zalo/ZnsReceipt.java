package vn.loa.channels.zalo;

import java.time.Instant;

/**
 * Zalo's {@code user_received_message} event for a ZNS message (header
 * {@code X-ZEvent-Server: ZNS}), published by the Zalo webhook once the signature is
 * checked and the raw event stored; the ZNS channel moves the row to DELIVERED.
 *
 * @param msgId Zalo's message id, the row's provider reference
 * @param trackingId Loa's tracking id sent with the message (the delivery row)
 * @param deliveredAt {@code message.delivery_time}
 */
public record ZnsReceipt(String msgId, String trackingId, Instant deliveredAt) {

}
