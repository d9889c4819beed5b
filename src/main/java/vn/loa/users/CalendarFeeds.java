package vn.loa.users;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each officer's iCalendar feed address. The token in the URL is the only credential a
 * calendar app can carry, so it opens nothing but that feed; Loa keeps its hash, shows
 * its prefix, and a new one revokes the old.
 */
@Service
public class CalendarFeeds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarFeeds(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A new feed token for the user (shown once); the user's previous one stops working.
	 */
	@Transactional
	public String issue(String username) {
		revoke(username);
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		String token = "cal_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.jdbc
			.sql("insert into calendar_feed (username, token_hash, prefix, created_at) "
					+ "values (:u, :hash, :prefix, :now)")
			.param("u", username)
			.param("hash", UserAccounts.sha256(token))
			.param("prefix", token.substring(0, 10))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return token;
	}

	/** Revokes the user's feed; returns whether there was one. */
	@Transactional
	public boolean revoke(String username) {
		return this.jdbc.sql("update calendar_feed set revoked_at = :now where username = :u and revoked_at is null")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("u", username)
			.update() > 0;
	}

	/** The user's live feed, if any. */
	public Optional<Feed> current(String username) {
		return this.jdbc.sql("select prefix, created_at from calendar_feed where username = :u and revoked_at is null")
			.param("u", username)
			.query((rs, n) -> new Feed(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/** Whose live feed a token opens, if it opens one of an enabled account. */
	public Optional<String> owner(String token) {
		if (token == null || !token.startsWith("cal_")) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select f.username from calendar_feed f join app_user u on u.username = f.username "
					+ "where f.token_hash = :hash and f.revoked_at is null and u.enabled")
			.param("hash", UserAccounts.sha256(token))
			.query(String.class)
			.optional();
	}

	public record Feed(String prefix, Instant createdAt) {
	}

}
