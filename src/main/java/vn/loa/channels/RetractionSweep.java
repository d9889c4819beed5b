package vn.loa.channels;

import java.time.Instant;

/**
 * A channel's sweep of what withdrawing items still owes the outside world (posts to
 * trash, notices to send), run by {@code RetractionSweeps} every
 * {@link RetractionRetry#sweepInterval()} under a cluster-wide lock named after the
 * channel, so that one node runs it at a time.
 */
public interface RetractionSweep {

	/** The channel id; the lock is {@code loa-<channel>-withdrawal-sweep}. */
	String channel();

	RetractionRetry retry();

	/**
	 * Retries what is owed and due, at most one batch.
	 * @param now the sweep's time, which decides which delays are over
	 * @return how many are still owed
	 */
	int sweep(Instant now);

}
