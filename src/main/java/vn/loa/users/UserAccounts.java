package vn.loa.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.common.Problems;

@Service
public class UserAccounts implements UserDetailsService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final UsersProperties properties;

	private final SecurityEvents events;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, UsersProperties properties,
			SecurityEvents events) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
		this.properties = properties;
		this.events = events;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.jdbc.sql("select username, password_hash, roles, enabled from app_user where username = :u")
			.param("u", username)
			.query((rs, n) -> User.withUsername(rs.getString(1))
				.password(rs.getString(2))
				.roles(rs.getString(3).split(","))
				.disabled(!rs.getBoolean(4))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	public boolean exists(String username) {
		return this.jdbc.sql("select count(*) from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single() > 0;
	}

	@Transactional
	public UserView create(String username, String displayName, String rawPassword, Set<Role> roles) {
		checkPassword("password", rawPassword);
		return insert(username, displayName, rawPassword, roles, false);
	}

	/**
	 * The first admin of a production installation, whose password came from the
	 * environment and must be changed at the first login.
	 */
	@Transactional
	UserView createFirstAdmin(String rawPassword) {
		checkPassword("password", rawPassword);
		UserView admin = insert("admin", "Quản trị", rawPassword, Set.of(Role.ADMIN), true);
		this.events.record(SecurityEvents.FIRST_ADMIN_CREATED, "admin", null, null,
				"from LOA_ADMIN_PASSWORD; must be changed at the first login");
		return admin;
	}

	/** The embedded default's demo users, whose short shared password is the point. */
	@Transactional
	void createDemo(String username, String displayName, String rawPassword, Role role) {
		insert(username, displayName, rawPassword, Set.of(role), false);
	}

	@Transactional
	public void changePassword(String username, String currentPassword, String newPassword) {
		if (currentPassword == null || !passwordMatches(username, currentPassword)) {
			throw Problems.invalid("currentPassword", "is not the current password");
		}
		checkPassword("newPassword", newPassword);
		if (newPassword.equals(currentPassword)) {
			throw Problems.invalid("newPassword", "must differ from the current password");
		}
		this.jdbc.sql("update app_user set password_hash = :p, must_change_password = false where username = :u")
			.param("p", this.passwords.encode(newPassword))
			.param("u", username)
			.update();
		this.events.record(SecurityEvents.PASSWORD_CHANGED, username, null, username, null);
	}

	/** True while the account still has a password that came from the environment. */
	public boolean mustChangePassword(String username) {
		return this.jdbc.sql("select must_change_password from app_user where username = :u")
			.param("u", username)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** The fewest characters a new password may have. */
	public int passwordMinLength() {
		return this.properties.minPasswordLength();
	}

	private void checkPassword(String field, String rawPassword) {
		int min = this.properties.minPasswordLength();
		if (rawPassword == null || rawPassword.length() < min) {
			throw Problems.invalid(field, "must have at least " + min + " characters");
		}
	}

	UserView insert(String username, String displayName, String rawPassword, Set<Role> roles,
			boolean mustChangePassword) {
		if (!username.matches("[a-z0-9._-]{3,64}")) {
			throw Problems.invalid("username", "must be 3 to 64 lower-case letters, digits, dots, dashes");
		}
		if (roles.isEmpty()) {
			throw Problems.invalid("roles", "must name at least one of EDITOR, APPROVER, ADMIN");
		}
		if (exists(username)) {
			throw Problems.conflict("user-exists", "User " + username + " already exists", username);
		}
		this.jdbc
			.sql("insert into app_user (username, display_name, password_hash, roles, enabled, created_at, "
					+ "must_change_password) values (:u, :d, :p, :r, true, :now, :change)")
			.param("u", username)
			.param("d", displayName)
			.param("p", this.passwords.encode(rawPassword))
			.param("r", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
			.param("now", Timestamp.from(this.clock.instant()))
			.param("change", mustChangePassword)
			.update();
		return find(username).orElseThrow();
	}

	private static final String VIEW = "select u.username, u.display_name, u.roles, u.enabled, "
			+ "u.must_change_password, t.locked_until from app_user u "
			+ "left join login_throttle t on t.throttle_key = 'user:' || u.username and t.locked_until > :now ";

	public Optional<UserView> find(String username) {
		return this.jdbc.sql(VIEW + "where u.username = :u")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("u", username)
			.query(UserAccounts::view)
			.optional();
	}

	public List<UserView> list() {
		return this.jdbc.sql(VIEW + "order by u.username")
			.param("now", Timestamp.from(this.clock.instant()))
			.query(UserAccounts::view)
			.list();
	}

	private static UserView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp locked = rs.getTimestamp(6);
		return new UserView(rs.getString(1), rs.getString(2), roles(rs.getString(3)), rs.getBoolean(4),
				rs.getBoolean(5), (locked != null) ? locked.toInstant() : null);
	}

	boolean passwordMatches(String username, String rawPassword) {
		return this.jdbc.sql("select password_hash from app_user where username = :u")
			.param("u", username)
			.query(String.class)
			.optional()
			.map(hash -> this.passwords.matches(rawPassword, hash))
			.orElse(false);
	}

	/** Issues a personal API token; the caller sees it once, Loa keeps only its hash. */
	@Transactional
	public IssuedToken issueToken(String username, String name) {
		if (name != null && name.strip().length() > 100) {
			throw Problems.invalid("name", "must have at most 100 characters", "tokenName");
		}
		long userId = this.jdbc.sql("select id from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "loa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.jdbc
			.sql("insert into api_token (user_id, name, token_hash, prefix, created_at) "
					+ "values (:user, :name, :hash, :prefix, :now)")
			.param("user", userId)
			.param("name", (name == null || name.isBlank()) ? "api" : name.strip())
			.param("hash", sha256(token))
			.param("prefix", token.substring(0, 12))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		this.events.record(AccountAdministration.TOKEN_ISSUED, username, null, username,
				"token " + token.substring(0, 12) + "… " + ((name == null || name.isBlank()) ? "api" : name.strip()));
		return new IssuedToken(name, token);
	}

	Optional<UserDetails> userForToken(String token) {
		return this.jdbc
			.sql("select u.username from api_token t join app_user u on u.id = t.user_id "
					+ "where t.token_hash = :hash and t.revoked_at is null and u.enabled")
			.param("hash", sha256(token))
			.query(String.class)
			.optional()
			.map(this::loadUserByUsername);
	}

	@Transactional
	public int revokeTokens(String username) {
		return this.jdbc
			.sql("update api_token set revoked_at = :now where revoked_at is null and user_id = "
					+ "(select id from app_user where username = :u)")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("u", username)
			.update();
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Set<Role> roles(String csv) {
		return Arrays.stream(csv.split(",")).map(Role::valueOf).collect(Collectors.toSet());
	}

	/**
	 * @param mustChangePassword the password came from the environment and has not been
	 * changed yet
	 * @param lockedUntil until when logins are locked after repeated failures, or null
	 */
	public record UserView(String username, String displayName, Set<Role> roles, boolean enabled,
			boolean mustChangePassword, java.time.Instant lockedUntil) {
	}

	public record IssuedToken(String name, String token) {
	}

}
