package vn.loa.channels.bulk;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Paces sending per sender so that Loa never provokes a provider's rate limit: each
 * sender gets one unit (an SMS segment, a ZNS message) every {@code 1/rate} seconds.
 * Callers reserve a slot (a theoretical send time) and wait for it, so concurrent senders
 * share one rate without a lock held while sleeping. No burst is allowed: Twilio counts
 * per second and a burst after an idle pause is exactly what overflows its queue.
 *
 * <p>
 * The pacer is in-process. It is enough because one node at a time runs a job (the
 * lease); several nodes sending for one account would keep the reservations in the
 * database instead.
 */
public final class BulkPacer {

	public interface Sleeper {

		void sleepNanos(long nanos) throws InterruptedException;

	}

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	private final ConcurrentHashMap<String, AtomicLong> nextFree = new ConcurrentHashMap<>();

	public BulkPacer(double ratePerSecond, LongSupplier nanoTime, Sleeper sleeper) {
		if (!(ratePerSecond > 0)) {
			throw new IllegalArgumentException("rate-per-second must be positive, was " + ratePerSecond);
		}
		this.intervalNanos = Math.round(TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
	}

	public static BulkPacer system(double ratePerSecond) {
		return new BulkPacer(ratePerSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
	}

	/**
	 * Reserves {@code units} slots for the sender and returns how many nanoseconds the
	 * caller must wait before sending.
	 */
	public long reserve(String sender, int units) {
		AtomicLong slot = this.nextFree.computeIfAbsent(sender, (key) -> new AtomicLong(Long.MIN_VALUE));
		long cost = this.intervalNanos * Math.max(1, units);
		while (true) {
			long now = this.nanoTime.getAsLong();
			long free = slot.get();
			long start = (free == Long.MIN_VALUE || free - now < 0) ? now : free;
			if (slot.compareAndSet(free, start + cost)) {
				return start - now;
			}
		}
	}

	/** Blocks until the sender may send {@code units} more units. */
	public void acquire(String sender, int units) throws InterruptedException {
		long wait = reserve(sender, units);
		if (wait > 0) {
			this.sleeper.sleepNanos(wait);
		}
	}

	/**
	 * Waits for the sender's slot unless the node is told to stop first.
	 * @return false when {@code stop} came first: the caller must not send
	 */
	public boolean acquire(String sender, int units, BulkStop stop) throws InterruptedException {
		long wait = reserve(sender, units);
		if (wait > 0) {
			return stop.sleepUnlessStopped(wait);
		}
		return !stop.requested();
	}

}
