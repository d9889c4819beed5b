package vn.loa.deliverylog;

/**
 * Rows of one publication and channel may have entered or left a sent status (SENT,
 * PULLED, DELIVERED, AIRED): published by {@link DeliveryLog} inside the transaction that
 * moved them, once per publication and channel a write touched — single rows, bulk
 * batches, receipts and station reports alike — so that a listener's own record of the
 * change commits or rolls back with the rows, whatever order transactions commit in.
 *
 * @param publicationId the publication
 * @param channel the channel id of the rows
 */
public record DeliveryChanged(long publicationId, String channel) {
}
