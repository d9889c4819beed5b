package vn.loa.channels.sms.sandbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delayed callbacks a simulator posts back to Loa (Twilio's status callbacks, ZNS's
 * {@code user_received_message}), on two daemon threads and in bounded memory: at most
 * {@code limit} wait at once. When Loa takes callbacks slower than a broadcast hands the
 * simulator messages, the ones beyond the limit are dropped and counted — as a provider's
 * callback can be lost — instead of piling up for the whole broadcast.
 */
public final class DelayedCallbacks implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DelayedCallbacks.class);

	/** How many callbacks may wait at once unless a simulator says otherwise. */
	public static final int LIMIT = 10_000;

	private final String name;

	private final int limit;

	private final ScheduledExecutorService scheduler;

	private final AtomicInteger waiting = new AtomicInteger();

	private final AtomicLong dropped = new AtomicLong();

	public DelayedCallbacks(String name, int limit) {
		this.name = name;
		this.limit = Math.max(1, limit);
		this.scheduler = Executors.newScheduledThreadPool(2, (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Runs {@code callback} after {@code delay}; false when it was dropped. */
	public boolean schedule(Runnable callback, Duration delay) {
		if (this.waiting.incrementAndGet() > this.limit) {
			this.waiting.decrementAndGet();
			if (this.dropped.incrementAndGet() % this.limit == 1) {
				log.warn("{}: {} callbacks wait already; {} dropped so far", this.name, this.limit, this.dropped.get());
			}
			return false;
		}
		try {
			this.scheduler.schedule(() -> {
				try {
					callback.run();
				}
				finally {
					this.waiting.decrementAndGet();
				}
			}, delay.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (RuntimeException ex) {
			this.waiting.decrementAndGet();
			throw ex;
		}
	}

	/** Callbacks scheduled and not yet run. */
	public int waiting() {
		return this.waiting.get();
	}

	/** Callbacks dropped because {@code limit} were waiting. */
	public long dropped() {
		return this.dropped.get();
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	/**
	 * 32 random hexadecimal digits, as the simulators' message ids: unique enough for a
	 * sandbox, and cheap (no secure random source, no formatter).
	 */
	public static String hex32() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] digits = new char[32];
		long value = random.nextLong();
		for (int i = 0; i < 32; i++) {
			if (i == 16) {
				value = random.nextLong();
			}
			digits[i] = Character.forDigit((int) (value >>> 60), 16);
			value <<= 4;
		}
		return new String(digits);
	}

}
