package vn.loa.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes back, one by one, what a channel put out for withdrawn items (a post trashed,
 * deleted or hidden), so that each is taken back once. The pass made as soon as the
 * withdrawal is committed, the pass for a post made after it, a cancelled publication and
 * the sweep of another node can all find the same post owed at the same moment; only the
 * pass that claims it calls the provider, the others leave it. A claim lasts
 * {@link #CLAIM}: a node that dies holding one leaves the post to a later sweep.
 *
 * Each post keeps its outcome: the channel records what it did when the provider gave it
 * up, and a refusal is kept with the next attempt after the {@link RetractionRetry}
 * delays, or given up once the attempts are used.
 *
 * @param <T> a post as the channel keeps it
 */
public final class Retraction<T> {

	/**
	 * How long a pass holds a post: longer than one provider call takes, timeouts
	 * included.
	 */
	public static final Duration CLAIM = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(Retraction.class);

	private final String channel;

	private final RetractionRetry retry;

	private final Ledger<T> ledger;

	private final TakeBack<T> takeBack;

	private final Function<T, String> describe;

	private final Clock clock;

	/**
	 * @param channel the channel's name in the log
	 * @param describe a post in the log, e.g. "post 12 on site pretty of content item 7"
	 */
	public Retraction(String channel, RetractionRetry retry, Ledger<T> ledger, TakeBack<T> takeBack,
			Function<T, String> describe, Clock clock) {
		this.channel = channel;
		this.retry = retry;
		this.ledger = ledger;
		this.takeBack = takeBack;
		this.describe = describe;
		this.clock = clock;
	}

	/** Where a channel keeps its posts' retractions. */
	public interface Ledger<T> {

		/**
		 * Takes the post for one attempt, unless it is taken back or given up already,
		 * its next attempt comes after {@code due}, or another pass holds it at
		 * {@code now}.
		 * @param until when this pass's claim ends
		 * @return the post as it is now, or empty when this pass must leave it
		 */
		Optional<T> claim(T post, Instant due, Instant now, Instant until);

		/** How many attempts were made for the post. */
		int attempts(T post);

		/**
		 * Keeps a refusal, counts the attempt and ends the claim.
		 * @param nextAt when to ask again, or null to give up
		 */
		void refused(T post, String error, Instant nextAt, Instant now);

	}

	/** The channel's one call to take a claimed post back. */
	@FunctionalInterface
	public interface TakeBack<T> {

		/**
		 * Asks the provider, and when it gave the post up records how (which ends the
		 * claim).
		 * @return null when the post is taken back, else the refusal
		 */
		String takeBack(T post);

	}

	/**
	 * Takes back the given posts that this pass can claim.
	 * @param due the pass's time, which decides which delays are over
	 * @return how many of those it claimed are still out
	 */
	public int takeBack(List<T> owed, Instant due) {
		int claimed = 0;
		int failed = 0;
		for (T candidate : owed) {
			Instant now = this.clock.instant();
			Optional<T> post = this.ledger.claim(candidate, due, now, now.plus(CLAIM));
			if (post.isEmpty()) {
				continue;
			}
			claimed++;
			if (!takeBack(post.get(), due)) {
				failed++;
			}
		}
		if (claimed > 0) {
			log.info("{} withdrawal: {} of {} post(s) taken back", this.channel, claimed - failed, claimed);
		}
		return failed;
	}

	private boolean takeBack(T post, Instant due) {
		String error;
		try {
			error = this.takeBack.takeBack(post);
		}
		catch (RuntimeException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		if (error == null) {
			return true;
		}
		int attempts = this.ledger.attempts(post) + 1;
		Optional<Instant> next = this.retry.nextAttempt(attempts, due);
		this.ledger.refused(post, error, next.orElse(null), this.clock.instant());
		if (next.isPresent()) {
			log.warn("{} kept {} (attempt {} of {}, next at {}); it is still out: {}", this.channel,
					this.describe.apply(post), attempts, this.retry.maxAttempts(), next.get(), error);
		}
		else {
			log.error("{} kept {} after {} attempt(s); Loa gives up and it is still out: {}", this.channel,
					this.describe.apply(post), attempts, error);
		}
		return false;
	}

}
