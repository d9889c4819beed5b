package vn.loa.channels.bulk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import vn.loa.audience.Recipient;
import vn.loa.deliverylog.DeliveryLog.BulkResult;
import vn.loa.deliverylog.DeliveryLog.Claimed;
import vn.loa.deliverylog.DeliveryLog.Retry;

/**
 * What a bulk channel tells {@link BulkRunner}: where its jobs' recipients come from, how
 * to send one row, when its jobs may send, what it retries. The runner does the rest
 * (lease, batches, bulk rows, cursor, crash repair, hand-off on stop).
 */
public interface BulkChannel {

	String channel();

	String provider();

	BulkSettings settings();

	/**
	 * The job's recipient source: up to {@code limit} recipients after {@code afterKey},
	 * in key order, each with its row (PENDING, or SKIPPED with the reason) — the
	 * segment's subscribers for SMS and ZNS, the OA's followers for Zalo. The runner
	 * writes the rows, sends the PENDING ones and moves the job's cursor to the last key
	 * once the batch is recorded; an empty answer means the cursor has passed everyone.
	 */
	List<BulkRecipient> recipients(BulkJob job, long afterKey, int limit);

	/**
	 * Whether a row of this channel with that target is a recipient's, which the job may
	 * send again for an approver's retry (not a row the job keeps for itself, such as the
	 * OA article its messages link to).
	 */
	default boolean recipientRow(String target) {
		return true;
	}

	/** Why and until when the job must wait before sending more, or empty to go on. */
	default Optional<Wait> waitBeforeSending(BulkJob job, Instant now) {
		return Optional.empty();
	}

	/**
	 * Sends one claimed row. Returns {@link BulkResult#notSent} without calling the
	 * provider when the run is stopping ({@link BulkRun#pace} said so) or the channel
	 * cannot send now (e.g. its daily quota is spent): the row goes back to be taken
	 * again.
	 * @param recipient the subscriber ({@link BulkRecipient#subscriber}), or null for a
	 * retry or a recipient that is not a subscriber
	 */
	BulkResult send(BulkJob job, Claimed row, Recipient recipient, BulkRun run) throws InterruptedException;

	/** Called in the transaction that records a batch's answers (e.g. fallback rows). */
	default void recorded(BulkJob job, List<BulkResult> results) {
	}

	/** Called after each recorded batch and at the end (early receipts, fallbacks). */
	default void afterBatch(BulkJob job, BulkRun run) {
	}

	/**
	 * Repairs what a run that died left of this channel's own work, before the job
	 * resumes (the runner has already ended the job's rows left SENDING).
	 */
	default void resume(BulkJob job) {
	}

	/**
	 * The explanation of rows a dead run left SENDING: they may or may not have gone out,
	 * so they become TECHNICAL_FAILURE OUTCOME_UNKNOWN and are never sent again.
	 */
	String unknownOutcome();

	/** The error code of answers retried with backoff, or null when nothing is. */
	default String retryCode() {
		return null;
	}

	default BulkRetry retry() {
		return null;
	}

	/** The message of a retry that used up its attempts. */
	default String exhausted(Retry retry) {
		return "Hết lượt thử lại sau " + retry.attempts() + " lần gửi";
	}

	/**
	 * A job must wait.
	 *
	 * @param until when to look again
	 * @param reason shown to officers (QUIET_HOURS, QUOTA…)
	 */
	record Wait(Instant until, String reason) {

	}

}
