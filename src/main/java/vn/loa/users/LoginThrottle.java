package vn.loa.users;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account name and per client address in the database, so every
 * node of a cluster sees the same counts. An account is slowed after a few failures (each
 * further attempt must wait, the wait doubling) and locked after more; an address is
 * blocked after many failures whatever accounts it tried. Names that are no account are
 * counted the same way, so the answers never tell which accounts exist.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final UsersProperties.Lockout settings;

	private final SecurityEvents events;

	LoginThrottle(JdbcClient jdbc, Clock clock, UsersProperties properties, SecurityEvents events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = properties.lockout();
		this.events = events;
	}

	/**
	 * @throws LoginThrottledException when the account or the address must wait
	 */
	void check(String username, String address) {
		Instant now = this.clock.instant();
		Instant until = later(waitUntil(userKey(username), true, now), waitUntil(addressKey(address), false, now));
		if (until != null) {
			throw new LoginThrottledException(until);
		}
	}

	/**
	 * Counts a failed attempt.
	 * @return when the account or address is locked until, if this failure locked it
	 */
	@Transactional
	Optional<Instant> failed(String username, String address) {
		Instant now = this.clock.instant();
		Instant userLock = count(userKey(username), this.settings.maxFailures(), now);
		Instant addressLock = count(addressKey(address), this.settings.maxFailuresPerAddress(), now);
		if (userLock != null) {
			log.warn("Login for '{}' locked until {} after {} failed attempts (last from {})", username, userLock,
					this.settings.maxFailures(), address);
			this.events.record(SecurityEvents.LOGIN_LOCKED, username, address, null,
					this.settings.maxFailures() + " failed logins; locked until " + userLock);
		}
		if (addressLock != null) {
			log.warn("Logins from {} blocked until {} after {} failed attempts", address, addressLock,
					this.settings.maxFailuresPerAddress());
			this.events.record(SecurityEvents.ADDRESS_BLOCKED, username, address, null,
					this.settings.maxFailuresPerAddress() + " failed logins from this address; blocked until "
							+ addressLock);
		}
		return Optional.ofNullable(later(userLock, addressLock));
	}

	/** A good password forgets the account's failures (not the address's). */
	@Transactional
	void succeeded(String username) {
		this.jdbc.sql("delete from login_throttle where throttle_key = :key").param("key", userKey(username)).update();
	}

	/** Lifts an account's lock and forgets its failures; false when there was none. */
	@Transactional
	boolean unlock(String username, String actor) {
		int removed = this.jdbc.sql("delete from login_throttle where throttle_key = :key")
			.param("key", userKey(username))
			.update();
		this.events.record(SecurityEvents.ACCOUNT_UNLOCKED, username, null, actor,
				(removed > 0) ? "failed logins forgotten" : "nothing to unlock");
		return removed > 0;
	}

	/** Lifts a client address's block. */
	@Transactional
	boolean unblockAddress(String address, String actor) {
		int removed = this.jdbc.sql("delete from login_throttle where throttle_key = :key")
			.param("key", addressKey(address))
			.update();
		this.events.record(SecurityEvents.ACCOUNT_UNLOCKED, null, address, actor,
				(removed > 0) ? "address unblocked" : "nothing to unblock");
		return removed > 0;
	}

	Optional<Instant> lockedUntil(String username) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("select locked_until from login_throttle where throttle_key = :key")
			.param("key", userKey(username))
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.optional()
			.flatMap(o -> o)
			.filter(until -> until.isAfter(now));
	}

	private Instant waitUntil(String key, boolean slows, Instant now) {
		return this.jdbc
			.sql("select failures, last_failure_at, locked_until from login_throttle where throttle_key = :key")
			.param("key", key)
			.query((rs, n) -> {
				Timestamp locked = rs.getTimestamp(3);
				if (locked != null) {
					Instant until = locked.toInstant();
					return until.isAfter(now) ? until : null;
				}
				int failures = rs.getInt(1);
				if (!slows || failures < this.settings.slowAfter()) {
					return null;
				}
				Instant until = rs.getTimestamp(2).toInstant().plus(slowDelay(failures));
				return until.isAfter(now) ? until : null;
			})
			.optional()
			.orElse(null);
	}

	private Duration slowDelay(int failures) {
		int doublings = Math.min(failures - this.settings.slowAfter(), 16);
		return this.settings.slowDelay().multipliedBy(1L << doublings);
	}

	/**
	 * Adds a failure to {@code key}; returns the lock's end if this failure locked it.
	 */
	private Instant count(String key, int limit, Instant now) {
		this.jdbc
			.sql("insert into login_throttle (throttle_key, failures, last_failure_at) values (:key, 0, :now) "
					+ "on conflict do nothing")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.update();
		Row row = this.jdbc
			.sql("select failures, last_failure_at, locked_until from login_throttle where throttle_key = :key "
					+ "for update")
			.param("key", key)
			.query((rs, n) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(),
					Optional.ofNullable(rs.getTimestamp(3)).map(Timestamp::toInstant).orElse(null)))
			.single();
		boolean stale = row.lastFailure().plus(this.settings.lockFor()).isBefore(now)
				|| (row.lockedUntil() != null && !row.lockedUntil().isAfter(now));
		int failures = stale ? 1 : row.failures() + 1;
		Instant lockedUntil = (failures >= limit) ? now.plus(this.settings.lockFor()) : null;
		this.jdbc
			.sql("update login_throttle set failures = :failures, last_failure_at = :now, locked_until = :locked "
					+ "where throttle_key = :key")
			.param("failures", failures)
			.param("now", Timestamp.from(now))
			.param("locked", (lockedUntil != null) ? Timestamp.from(lockedUntil) : null)
			.param("key", key)
			.update();
		return lockedUntil;
	}

	static String userKey(String username) {
		String name = (username == null) ? "" : username.strip().toLowerCase(Locale.ROOT);
		return "user:" + ((name.length() > 150) ? name.substring(0, 150) : name);
	}

	static String addressKey(String address) {
		return "address:" + ((address == null || address.isBlank()) ? "unknown" : address);
	}

	private static Instant later(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	private record Row(int failures, Instant lastFailure, Instant lockedUntil) {
	}

}
