package vn.loa.audience;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Radio station accounts and their API tokens. A token is 32 random bytes shown once when
 * issued; only its SHA-256 is stored (a slow password hash buys nothing for a random
 * 256-bit secret), so a lookup by hash both authenticates and finds the station.
 * <p>
 * A station polling its feed should not cost a query each time, so a successful look-up
 * is remembered, by hash, for {@code loa.audience.station-token-ttl} (default 1 s).
 * Revoking a token forgets every remembered look-up on this instance, before and again
 * after the revocation commits, so here a revoked token fails on the very next request;
 * another instance of Loa stops accepting it when RabbitMQ tells it (cluster shape, see
 * {@link ClusterTokenRevocations}) and in any case within the TTL.
 */
@Service
public class Stations {

	static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	/** Paths of administrative unit codes, province first, as subscribers use them. */
	static final Pattern AREA = Pattern.compile("[0-9A-Z]{1,10}(\\.[0-9A-Z]{1,10}){0,2}");

	private static final String COLUMNS = "id, code, name, level, area_code, words_per_minute, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	/** Successful look-ups by token hash; only live tokens are ever in here. */
	private final Map<String, Authenticated> authenticated = new ConcurrentHashMap<>();

	/**
	 * Moved on by every revocation: a look-up that started before one is not remembered.
	 */
	private final AtomicLong revocations = new AtomicLong();

	private final long tokenTtlNanos;

	private final ApplicationEventPublisher events;

	Stations(JdbcClient jdbc, Clock clock, @Value("${loa.audience.station-token-ttl:1s}") Duration tokenTtl,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tokenTtlNanos = tokenTtl.toNanos();
		this.events = events;
	}

	@Transactional
	public Station create(NewStation station) {
		station.validate();
		Instant now = this.clock.instant();
		try {
			this.jdbc
				.sql("insert into radio_station (code, name, level, area_code, words_per_minute, created_at)"
						+ " values (?, ?, ?, ?, ?, ?)")
				.params(station.code(), station.name().strip(), station.level().name(), station.areaCode(),
						station.wordsPerMinute(), Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidStationException("code", "A station with code " + station.code() + " already exists",
					true);
		}
		return findByCode(station.code()).orElseThrow();
	}

	public List<Station> list() {
		return this.jdbc.sql("select " + COLUMNS + " from radio_station order by level, code")
			.query(Stations::map)
			.list();
	}

	public Optional<Station> findByCode(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from radio_station where code = ?")
			.param(code)
			.query(Stations::map)
			.optional();
	}

	/** The stations named by code or lying in one of the areas, each once. */
	public List<Station> targeted(Collection<String> codes, Collection<String> areaCodes) {
		List<String> areas = areaCodes.stream().map(Stations::normalizeArea).toList();
		return list().stream()
			.filter((station) -> codes.contains(station.code())
					|| areas.stream().anyMatch((area) -> station.inArea(area)))
			.toList();
	}

	/** Issues a new token; the returned value is the only time anyone sees it. */
	@Transactional
	public IssuedToken issueToken(String code) {
		Station station = findByCode(code).orElseThrow(() -> new UnknownStationException(code));
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = "loa_st_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		this.jdbc
			.sql("insert into radio_station_token (station_id, token_hash, prefix, created_at) values (?, ?, ?, ?)")
			.params(station.id(), hash(token), token.substring(0, 12), Timestamp.from(now))
			.update();
		long id = this.jdbc.sql("select id from radio_station_token where token_hash = ?")
			.param(hash(token))
			.query(Long.class)
			.single();
		return new IssuedToken(id, station.code(), token, now);
	}

	public List<StationToken> tokens(String code) {
		Station station = findByCode(code).orElseThrow(() -> new UnknownStationException(code));
		return this.jdbc
			.sql("select id, prefix, created_at, revoked_at from radio_station_token where station_id = ? order by id")
			.param(station.id())
			.query((rs, row) -> new StationToken(rs.getLong("id"), rs.getString("prefix"), instant(rs, "created_at"),
					instant(rs, "revoked_at")))
			.list();
	}

	/** Revokes one token of the station; returns false if it has no such live token. */
	@Transactional
	public boolean revokeToken(String code, long tokenId) {
		Station station = findByCode(code).orElseThrow(() -> new UnknownStationException(code));
		boolean revoked = this.jdbc
			.sql("update radio_station_token set revoked_at = ? where id = ? and station_id = ? and revoked_at is null")
			.params(Timestamp.from(this.clock.instant()), tokenId, station.id())
			.update() == 1;
		if (revoked) {
			forgetAuthenticated();
			this.events.publishEvent(new StationTokenRevoked(station.code(), tokenId));
		}
		return revoked;
	}

	/** Forgets every remembered look-up: a token was revoked on another instance. */
	void forgetRemembered() {
		this.revocations.incrementAndGet();
		this.authenticated.clear();
	}

	/**
	 * Forgets every remembered look-up now and once more when the transaction commits, so
	 * that no request running in between can put a revoked token back.
	 */
	private void forgetAuthenticated() {
		this.revocations.incrementAndGet();
		this.authenticated.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					Stations.this.revocations.incrementAndGet();
					Stations.this.authenticated.clear();
				}

			});
		}
	}

	/**
	 * The station if the token is one of its live tokens. The caller cannot tell an
	 * unknown station from a wrong token, on purpose.
	 */
	public Optional<Station> authenticate(String code, String token) {
		if (code == null || token == null || token.isEmpty()) {
			return Optional.empty();
		}
		String hash = hash(token);
		long now = System.nanoTime();
		Authenticated known = this.authenticated.get(hash);
		if (known != null && now - known.readAt() < this.tokenTtlNanos) {
			return known.station().code().equals(code) ? Optional.of(known.station()) : Optional.empty();
		}
		long generation = this.revocations.get();
		Optional<Station> station = this.jdbc
			.sql("select s.id, s.code, s.name, s.level, s.area_code, s.words_per_minute, s.created_at"
					+ " from radio_station_token t join radio_station s on s.id = t.station_id"
					+ " where t.token_hash = ? and t.revoked_at is null and s.code = ?")
			.params(hash, code)
			.query(Stations::map)
			.optional();
		if (station.isPresent()) {
			this.authenticated.put(hash, new Authenticated(station.get(), now));
			if (this.revocations.get() != generation) {
				// A revocation ran while this look-up did: it may have read the token
				// live.
				this.authenticated.remove(hash);
			}
		}
		return station;
	}

	/**
	 * The canonical area path: upper case, {@code .} between levels, whichever of
	 * {@code . - / >} or spaces the admin typed.
	 */
	static String normalizeArea(String area) {
		if (area == null) {
			return null;
		}
		return String.join(".", area.strip().toUpperCase(Locale.ROOT).split("\\s*[.\\-/>\\s]\\s*"));
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static Station map(ResultSet rs, int row) throws SQLException {
		return new Station(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				StationLevel.valueOf(rs.getString("level")), rs.getString("area_code"), rs.getInt("words_per_minute"),
				instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * What an admin gives to create a station.
	 *
	 * @param code lower-case letters, digits and hyphens, used in URLs
	 * @param name display name
	 * @param level province, district or commune
	 * @param areaCode dot-separated area code
	 * @param wordsPerMinute the station's reading pace (60–400)
	 */
	public record NewStation(String code, String name, StationLevel level, String areaCode, int wordsPerMinute) {

		void validate() {
			if (this.code == null || !CODE.matcher(this.code).matches()) {
				throw new InvalidStationException("code",
						"code must be 2–63 lower-case letters, digits or hyphens, starting with a letter or digit",
						false);
			}
			if (this.name == null || this.name.isBlank() || this.name.length() > 200) {
				throw new InvalidStationException("name", "name is required (at most 200 characters)", false);
			}
			if (this.level == null) {
				throw new InvalidStationException("level", "level must be PROVINCE, DISTRICT or COMMUNE", false);
			}
			if (this.areaCode == null || !AREA.matcher(this.areaCode).matches() || this.areaCode.length() > 64) {
				throw new InvalidStationException("areaCode",
						"areaCode must be a path of unit codes, province first, e.g. 56.568 or 56.568.22345", false);
			}
			if (this.wordsPerMinute < 60 || this.wordsPerMinute > 400) {
				throw new InvalidStationException("wordsPerMinute", "wordsPerMinute must be between 60 and 400", false);
			}
		}

		/** Codes are compared lower-case; the console may send "Dien-Khanh". */
		public NewStation {
			code = (code != null) ? code.strip().toLowerCase(Locale.ROOT) : null;
			areaCode = normalizeArea(areaCode);
		}

	}

	private record Authenticated(Station station, long readAt) {
	}

	/**
	 * A token at the moment it is issued: the only time its value is available.
	 */
	public record IssuedToken(long id, String station, String token, Instant createdAt) {
	}

	/** Bad station input, naming the field. */
	public static class InvalidStationException extends RuntimeException {

		private final String field;

		private final boolean conflict;

		InvalidStationException(String field, String message, boolean conflict) {
			super(message);
			this.field = field;
			this.conflict = conflict;
		}

		public String field() {
			return this.field;
		}

		/** True when the input was fine but clashes with an existing station. */
		public boolean conflict() {
			return this.conflict;
		}

	}

	/** No station with that code. */
	public static class UnknownStationException extends RuntimeException {

		UnknownStationException(String code) {
			super("No station with code " + code);
		}

	}

}
