package vn.loa.users;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account-security audit trail: locks, blocked addresses, unlocks, password changes.
 * The only writer of {@code security_event}.
 */
@Component
public class SecurityEvents {

	static final String LOGIN_LOCKED = "LOGIN_LOCKED";

	static final String ADDRESS_BLOCKED = "ADDRESS_BLOCKED";

	static final String ACCOUNT_UNLOCKED = "ACCOUNT_UNLOCKED";

	static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";

	static final String FIRST_ADMIN_CREATED = "FIRST_ADMIN_CREATED";

	private final JdbcClient jdbc;

	private final Clock clock;

	SecurityEvents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(String kind, String username, String address, String actor, String detail) {
		this.jdbc
			.sql("insert into security_event (occurred_at, kind, username, address, actor, detail) "
					+ "values (:now, :kind, :username, :address, :actor, :detail)")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("kind", kind)
			.param("username", clip(username, 200))
			.param("address", clip(address, 100))
			.param("actor", actor)
			.param("detail", clip(detail, 500))
			.update();
	}

	List<SecurityEvent> latest(int limit) {
		return this.jdbc
			.sql("select occurred_at, kind, username, address, actor, detail from security_event "
					+ "order by id desc limit :limit")
			.param("limit", Math.max(1, Math.min(limit, 1000)))
			.query((rs, n) -> new SecurityEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	private static String clip(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	/** An account's events, newest first. */
	List<SecurityEvent> of(String username, int limit) {
		return this.jdbc
			.sql("select occurred_at, kind, username, address, actor, detail from security_event "
					+ "where username = :u order by id desc limit :limit")
			.param("u", username)
			.param("limit", Math.max(1, Math.min(limit, 1000)))
			.query((rs, n) -> new SecurityEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	public record SecurityEvent(Instant occurredAt, String kind, String username, String address, String actor,
			String detail) {
	}

}
