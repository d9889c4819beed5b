package vn.loa.users;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * A login refused without looking at the password, because the account or the client
 * address must wait. The same for accounts that do not exist, so the answer never tells
 * which usernames are real.
 */
class LoginThrottledException extends AuthenticationException {

	private final Instant retryAt;

	LoginThrottledException(Instant retryAt) {
		super("Too many failed logins; try again later");
		this.retryAt = retryAt;
	}

	Instant retryAt() {
		return this.retryAt;
	}

}
