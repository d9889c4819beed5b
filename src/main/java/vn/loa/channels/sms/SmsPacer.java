package vn.loa.channels.sms;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Paces sending per sender so that Loa never provokes Twilio's 429: each sender gets one
 * message segment every {@code 1/rate} seconds. Callers reserve a slot (a theoretical
 * send time) and wait for it, so concurrent senders share one rate without a lock held
 * while sleeping. No burst is allowed: Twilio counts per second and a burst after an idle
 * pause is exactly what overflows its queue.
 *
 * <p>
 * The pacer is in-process. It is enough because one node at a time runs the broadcast
 * worker (the job lock); a cluster would keep the reservations in the database instead.
 */
final class SmsPacer {

	interface Sleeper {

		void sleepNanos(long nanos) throws InterruptedException;

	}

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	private final ConcurrentHashMap<String, AtomicLong> nextFree = new ConcurrentHashMap<>();

	SmsPacer(double ratePerSecond, LongSupplier nanoTime, Sleeper sleeper) {
		if (!(ratePerSecond > 0)) {
			throw new IllegalArgumentException("rate-per-second must be positive, was " + ratePerSecond);
		}
		this.intervalNanos = Math.round(TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
	}

	static SmsPacer system(double ratePerSecond) {
		return new SmsPacer(ratePerSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
	}

	/**
	 * Reserves {@code segments} slots for the sender and returns how many nanoseconds the
	 * caller must wait before sending.
	 */
	long reserve(String sender, int segments) {
		AtomicLong slot = this.nextFree.computeIfAbsent(sender, (key) -> new AtomicLong(Long.MIN_VALUE));
		long cost = this.intervalNanos * Math.max(1, segments);
		while (true) {
			long now = this.nanoTime.getAsLong();
			long free = slot.get();
			long start = (free == Long.MIN_VALUE || free - now < 0) ? now : free;
			if (slot.compareAndSet(free, start + cost)) {
				return start - now;
			}
		}
	}

	/** Blocks until the sender may send {@code segments} more segments. */
	void acquire(String sender, int segments) throws InterruptedException {
		long wait = reserve(sender, segments);
		if (wait > 0) {
			this.sleeper.sleepNanos(wait);
		}
	}

}
