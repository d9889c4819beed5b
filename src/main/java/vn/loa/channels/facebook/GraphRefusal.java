package vn.loa.channels.facebook;

import java.time.Duration;

/**
 * Graph refused a call or did not answer; {@code verdict} says what it means.
 *
 * @param waitAtLeast how long Graph's usage headers say to keep away (zero when they say
 * nothing)
 */
class GraphRefusal extends RuntimeException {

	private final FacebookStatusTable.Verdict verdict;

	private final Duration waitAtLeast;

	GraphRefusal(FacebookStatusTable.Verdict verdict, Duration waitAtLeast, Throwable cause) {
		super(verdict.code() + ": " + verdict.message(), cause);
		this.verdict = verdict;
		this.waitAtLeast = waitAtLeast;
	}

	FacebookStatusTable.Verdict verdict() {
		return this.verdict;
	}

	Duration waitAtLeast() {
		return this.waitAtLeast;
	}

}
