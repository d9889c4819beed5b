package vn.loa.channels.zalo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.common.SecretBox;

/**
 * The OA's access/refresh pair in {@code zalo_oa_token}, sealed with {@link SecretBox}
 * (each token bound to its app and role, so neither can be swapped for the other). The
 * pair is always written by one UPDATE: no reader sees a new access token beside an
 * already spent refresh token. A due token is refreshed through
 * {@link ZaloTokenRefresher} (one node at a time); a refused refresh leaves the row
 * NEEDS_REAUTHORISATION, which every caller turns into waiting work, until an admin
 * connects the OA again.
 */
@Component
class ZaloOaTokens implements ZaloTokenSource {

	enum State {

		NOT_CONNECTED, CONNECTED, NEEDS_REAUTHORISATION

	}

	/** What the console and health show; never the tokens themselves. */
	record Status(State state, String oaId, Instant accessExpiresAt, Instant refreshExpiresAt, String lastError,
			String connectedBy, Instant connectedAt, Instant refreshedAt) {

	}

	/** The row with the tokens opened; only inside this package. */
	record Row(long version, State state, String oaId, String accessToken, String refreshToken, Instant accessExpiresAt,
			String lastError) {

		@Override
		public String toString() {
			return "Row[version=" + this.version + ", state=" + this.state + "]";
		}

	}

	/**
	 * A token is refreshed when used this close to its expiry, so that a request never
	 * leaves with a token that expires on its way.
	 */
	static final Duration USE_MARGIN = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final ZaloProperties properties;

	private final Clock clock;

	private final ZaloTokenRefresher refresher;

	ZaloOaTokens(JdbcClient jdbc, SecretBox box, ZaloProperties properties, Clock clock,
			@org.springframework.context.annotation.Lazy ZaloTokenRefresher refresher) {
		this.jdbc = jdbc;
		this.box = box;
		this.properties = properties;
		this.clock = clock;
		this.refresher = refresher;
	}

	@Override
	public String accessToken() {
		Row row = read().orElseThrow(() -> new ZaloReauthorisationNeeded("Chưa kết nối Zalo OA", 0));
		if (row.state() != State.CONNECTED) {
			throw new ZaloReauthorisationNeeded(
					"Zalo OA cần được kết nối lại" + ((row.lastError() != null) ? ": " + row.lastError() : ""),
					row.version());
		}
		if (row.accessExpiresAt().isAfter(this.clock.instant().plus(USE_MARGIN))) {
			return row.accessToken();
		}
		this.refresher.refreshNow();
		Row refreshed = read().orElseThrow(() -> new ZaloReauthorisationNeeded("Chưa kết nối Zalo OA", 0));
		if (refreshed.state() != State.CONNECTED || !refreshed.accessExpiresAt().isAfter(this.clock.instant())) {
			throw new ZaloReauthorisationNeeded(
					"Zalo OA cần được kết nối lại"
							+ ((refreshed.lastError() != null) ? ": " + refreshed.lastError() : ""),
					refreshed.version());
		}
		return refreshed.accessToken();
	}

	/**
	 * Zalo refused {@code accessToken} (-201) before its time: it is treated as expired,
	 * so the next use refreshes it. A token already replaced is left alone.
	 */
	@Override
	public void refused(String accessToken) {
		read().filter((row) -> accessToken.equals(row.accessToken()))
			.ifPresent((row) -> this.jdbc
				.sql("update zalo_oa_token set access_expires_at = :now, updated_at = :now where app_id = :app "
						+ "and version = :version")
				.param("now", now())
				.param("app", appId())
				.param("version", row.version())
				.update());
	}

	/** The row's version: every connection, refresh and refusal moves it on. */
	@Override
	public long generation() {
		return this.jdbc.sql("select version from zalo_oa_token where app_id = :app")
			.param("app", appId())
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	@Override
	public boolean connected() {
		return status().state() != State.NOT_CONNECTED;
	}

	Status status() {
		return this.jdbc
			.sql("select state, oa_id, access_expires_at, refresh_expires_at, last_error, connected_by, connected_at, "
					+ "refreshed_at from zalo_oa_token where app_id = :app")
			.param("app", appId())
			.query((rs, n) -> new Status(State.valueOf(rs.getString("state")), rs.getString("oa_id"),
					instant(rs, "access_expires_at"), instant(rs, "refresh_expires_at"), rs.getString("last_error"),
					rs.getString("connected_by"), instant(rs, "connected_at"), instant(rs, "refreshed_at")))
			.optional()
			.orElse(new Status(State.NOT_CONNECTED, null, null, null, null, null, null, null));
	}

	Optional<Row> read() {
		return this.jdbc
			.sql("select version, state, oa_id, access_token, refresh_token, access_expires_at, last_error "
					+ "from zalo_oa_token where app_id = :app")
			.param("app", appId())
			.query(this::row)
			.optional();
	}

	/** An admin connected the OA: the new pair replaces whatever was there. */
	@Transactional
	void connect(String oaId, ZaloOAuthClient.TokenPair pair, String by) {
		Instant now = this.clock.instant();
		int updated = this.jdbc
			.sql("update zalo_oa_token set oa_id = :oa, access_token = :access, refresh_token = :refresh, "
					+ "access_expires_at = :accessExpires, refresh_expires_at = :refreshExpires, state = 'CONNECTED', "
					+ "last_error = null, connected_by = :by, connected_at = :now, refreshed_at = null, "
					+ "version = version + 1, updated_at = :now where app_id = :app")
			.param("oa", oaId)
			.param("access", seal(pair.accessToken(), "access"))
			.param("refresh", seal(pair.refreshToken(), "refresh"))
			.param("accessExpires", Timestamp.from(now.plus(pair.expiresIn())))
			.param("refreshExpires", Timestamp.from(now.plus(pair.refreshExpiresIn())))
			.param("by", by)
			.param("now", Timestamp.from(now))
			.param("app", appId())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into zalo_oa_token (app_id, oa_id, access_token, refresh_token, access_expires_at, "
						+ "refresh_expires_at, state, connected_by, connected_at, version, updated_at) values (:app, "
						+ ":oa, :access, :refresh, :accessExpires, :refreshExpires, 'CONNECTED', :by, :now, 1, :now)")
				.param("app", appId())
				.param("oa", oaId)
				.param("access", seal(pair.accessToken(), "access"))
				.param("refresh", seal(pair.refreshToken(), "refresh"))
				.param("accessExpires", Timestamp.from(now.plus(pair.expiresIn())))
				.param("refreshExpires", Timestamp.from(now.plus(pair.refreshExpiresIn())))
				.param("by", by)
				.param("now", Timestamp.from(now))
				.update();
		}
	}

	/**
	 * Stores a refreshed pair in place of the one at {@code version}; false when the row
	 * changed meanwhile (an admin reconnected), in which case the new pair is dropped.
	 */
	boolean refreshed(long version, ZaloOAuthClient.TokenPair pair) {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("update zalo_oa_token set access_token = :access, refresh_token = :refresh, "
					+ "access_expires_at = :accessExpires, refresh_expires_at = :refreshExpires, last_error = null, "
					+ "refreshed_at = :now, version = version + 1, updated_at = :now where app_id = :app and "
					+ "version = :version and state = 'CONNECTED'")
			.param("access", seal(pair.accessToken(), "access"))
			.param("refresh", seal(pair.refreshToken(), "refresh"))
			.param("accessExpires", Timestamp.from(now.plus(pair.expiresIn())))
			.param("refreshExpires", Timestamp.from(now.plus(pair.refreshExpiresIn())))
			.param("now", Timestamp.from(now))
			.param("app", appId())
			.param("version", version)
			.update() == 1;
	}

	/** Zalo refused the refresh: nothing can be sent until an admin reconnects. */
	boolean needsReauthorisation(long version, String error) {
		return this.jdbc
			.sql("update zalo_oa_token set state = 'NEEDS_REAUTHORISATION', last_error = :error, "
					+ "version = version + 1, updated_at = :now where app_id = :app and version = :version")
			.param("error", (error != null && error.length() > 2000) ? error.substring(0, 2000) : error)
			.param("now", now())
			.param("app", appId())
			.param("version", version)
			.update() == 1;
	}

	/** Whether the access token is due for a refresh at {@code now}. */
	boolean due(Row row, Instant now) {
		return row.state() == State.CONNECTED
				&& !row.accessExpiresAt().isAfter(now.plus(this.properties.refreshAhead().plus(USE_MARGIN)));
	}

	private String appId() {
		return this.properties.effectiveAppId();
	}

	private String seal(String token, String role) {
		return this.box.seal(token, "zalo:" + appId() + ":" + role);
	}

	private String open(String sealed, String role) {
		return (sealed != null) ? this.box.open(sealed, "zalo:" + appId() + ":" + role) : null;
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		State state = State.valueOf(rs.getString("state"));
		Timestamp expires = rs.getTimestamp("access_expires_at");
		return new Row(rs.getLong("version"), state, rs.getString("oa_id"),
				open(rs.getString("access_token"), "access"), open(rs.getString("refresh_token"), "refresh"),
				(expires != null) ? expires.toInstant() : Instant.EPOCH, rs.getString("last_error"));
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return (ts != null) ? ts.toInstant() : null;
	}

}
