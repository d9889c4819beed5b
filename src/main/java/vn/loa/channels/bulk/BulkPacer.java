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
 * The slots live in the process ({@link #system}) or, when several nodes send for one
 * account, in the database ({@link BulkPacers}), so that the provider's limit holds for
 * the whole cluster rather than per node.
 */
public final class BulkPacer {

	public interface Sleeper {

		void sleepNanos(long nanos) throws InterruptedException;

	}

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	private final Slots slots;

	/**
	 * Where the next free slot of each sender is kept.
	 */
	public interface Slots {

		/**
		 * Moves the sender's next free slot {@code cost} past {@code max(now, free)} and
		 * returns where the reserved slot starts.
		 */
		long reserve(String sender, long costNanos, long nowNanos);

	}

	public BulkPacer(double ratePerSecond, LongSupplier nanoTime, Sleeper sleeper) {
		this(ratePerSecond, nanoTime, sleeper, new LocalSlots());
	}

	public BulkPacer(double ratePerSecond, LongSupplier nanoTime, Sleeper sleeper, Slots slots) {
		if (!(ratePerSecond > 0)) {
			throw new IllegalArgumentException("rate-per-second must be positive, was " + ratePerSecond);
		}
		this.intervalNanos = Math.round(TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
		this.slots = slots;
	}

	public static BulkPacer system(double ratePerSecond) {
		return new BulkPacer(ratePerSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
	}

	/**
	 * Reserves {@code units} slots for the sender and returns how many nanoseconds the
	 * caller must wait before sending.
	 */
	public long reserve(String sender, int units) {
		long cost = this.intervalNanos * Math.max(1, units);
		long now = this.nanoTime.getAsLong();
		return this.slots.reserve(sender, cost, now) - now;
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

	/** The slots of one process. */
	static final class LocalSlots implements Slots {

		private final ConcurrentHashMap<String, AtomicLong> nextFree = new ConcurrentHashMap<>();

		@Override
		public long reserve(String sender, long costNanos, long nowNanos) {
			AtomicLong slot = this.nextFree.computeIfAbsent(sender, (key) -> new AtomicLong(Long.MIN_VALUE));
			while (true) {
				long free = slot.get();
				long start = (free == Long.MIN_VALUE || free - nowNanos < 0) ? nowNanos : free;
				if (slot.compareAndSet(free, start + costNanos)) {
					return start;
				}
			}
		}

	}

}
