package vn.loa.channels.bulk;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A node's stop signal: set once when the node is told to stop (SIGTERM closes the
 * context). Senders waiting for their pacing slot wake at once instead of sleeping it
 * out, and no provider call starts after it.
 */
public final class BulkStop {

	private final CountDownLatch stopped = new CountDownLatch(1);

	public boolean requested() {
		return this.stopped.getCount() == 0;
	}

	void request() {
		this.stopped.countDown();
	}

	/**
	 * Sleeps up to {@code nanos}; returns false at once when the stop comes first.
	 */
	public boolean sleepUnlessStopped(long nanos) throws InterruptedException {
		return !this.stopped.await(nanos, TimeUnit.NANOSECONDS);
	}

}
