package vn.loa.channels.zalo;

import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How long a Zalo channel's jobs wait, on this node, for a usable OA token. The wait ends
 * at its time; at once when this node hears that an admin connected the OA
 * ({@link ZaloOaConnected}); or when the shared token store's
 * {@link ZaloAccessTokens#generation() generation} has moved on since the wait began. The
 * last is how a connection made on another node resumes the jobs here: that node wakes
 * the waiting jobs in the database, whichever node takes one next looks at the store
 * before waiting again, finds the new pair, and sends.
 */
public final class ZaloTokenWait {

	private final LongSupplier generation;

	private volatile Instant until;

	private volatile long generationSeen;

	/**
	 * @param generation the token store's generation, read from the database (asked once
	 * per batch, and only while a wait is in force)
	 */
	public ZaloTokenWait(LongSupplier generation) {
		this.generation = generation;
	}

	/**
	 * Waits until {@code until} for the pair that {@code refused} found unusable.
	 */
	public void begin(Instant until, ZaloReauthorisationNeeded refused) {
		begin(until, refused.generation());
	}

	/**
	 * Waits until {@code until} for a pair newer than the store's {@code generation}
	 * ({@link ZaloReauthorisationNeeded#UNKNOWN}: the store's generation now).
	 */
	public void begin(Instant until, long generation) {
		this.generationSeen = (generation != ZaloReauthorisationNeeded.UNKNOWN) ? generation
				: this.generation.getAsLong();
		this.until = until;
	}

	/**
	 * The wait in force at {@code now}, if any; a pair stored since it began, on any
	 * node, ends it.
	 */
	public Optional<Instant> until(Instant now) {
		Instant waiting = this.until;
		if (waiting == null || !waiting.isAfter(now)) {
			return Optional.empty();
		}
		if (this.generation.getAsLong() != this.generationSeen) {
			this.until = null;
			return Optional.empty();
		}
		return Optional.of(waiting);
	}

	/**
	 * Whether a message should be held back at {@code now}: the wait as this node knows
	 * it, without asking the store (once a message; {@link #until} asks once a batch).
	 */
	public boolean holds(Instant now) {
		Instant waiting = this.until;
		return waiting != null && waiting.isAfter(now);
	}

	/** The OA was connected (here), or a test forgets the wait. */
	public void clear() {
		this.until = null;
	}

}
