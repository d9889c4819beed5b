package vn.loa.channels.bulk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.loa.audience.Recipient;
import vn.loa.deliverylog.DeliveryLog.BulkResult;
import vn.loa.deliverylog.DeliveryLog.Claimed;
import vn.loa.deliverylog.DeliveryLog.NewDelivery;
import vn.loa.deliverylog.DeliveryLog.Retry;

/**
 * What a bulk channel tells {@link BulkRunner}: how to send one row, when its jobs may
 * send, what it retries. The runner does the rest (lease, batches, bulk rows, cursor,
 * crash repair, hand-off on stop).
 */
public interface BulkChannel {

	/** Skipped rows of opted-out subscribers carry this code. */
	String OPTED_OUT = "OPTED_OUT";

	String channel();

	String provider();

	BulkSettings settings();

	/**
	 * The rows of a batch: PENDING for reachable recipients, SKIPPED with the reason for
	 * the others (by default: opted out).
	 */
	default List<NewDelivery> rows(BulkJob job, List<Recipient> batch) {
		List<NewDelivery> rows = new ArrayList<>(batch.size());
		for (Recipient recipient : batch) {
			rows.add(recipient.optedOut()
					? NewDelivery.skipped(recipient.phone(), OPTED_OUT, "Người nhận đã từ chối nhận tin (opted out)")
					: NewDelivery.pending(recipient.phone()));
		}
		return rows;
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
	 * @param recipient the subscriber, or null for a retry
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
