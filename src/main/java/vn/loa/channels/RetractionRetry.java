package vn.loa.channels;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a channel keeps trying to take a withdrawn item back (trash a post, send a
 * withdrawal notice) when a first attempt failed: a periodic sweep, a limited number of
 * attempts and a delay that doubles between them, so that a site with a wrong password is
 * not asked forever. A channel binds it under {@code withdrawal} in its
 * {@code channels/<channel>.yml}.
 *
 * @param sweepInterval how often the sweep looks for what is still owed
 * @param maxAttempts attempts in all, the one made when the withdrawal was committed
 * included; after the last one the channel gives up and keeps the last error
 * @param firstDelay the pause after the first failed attempt; doubled after each further
 * one
 * @param maxDelay the longest pause between two attempts
 * @param batchSize how many owed retractions one sweep takes on at most
 */
public record RetractionRetry(@DefaultValue("1m") Duration sweepInterval, @DefaultValue("8") int maxAttempts,
		@DefaultValue("1m") Duration firstDelay, @DefaultValue("6h") Duration maxDelay,
		@DefaultValue("100") int batchSize) {

	public RetractionRetry {
		maxAttempts = Math.max(1, maxAttempts);
		batchSize = Math.max(1, batchSize);
	}

	/**
	 * When to try again after {@code attempts} failed attempts.
	 * @return empty when the attempts are used up
	 */
	public Optional<Instant> nextAttempt(int attempts, Instant now) {
		if (attempts >= this.maxAttempts) {
			return Optional.empty();
		}
		Duration delay = this.firstDelay;
		for (int i = 1; i < attempts && delay.compareTo(this.maxDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return Optional.of(now.plus((delay.compareTo(this.maxDelay) < 0) ? delay : this.maxDelay));
	}

}
