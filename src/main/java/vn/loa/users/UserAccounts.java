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

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
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
		if (!username.matches("[a-z0-9._-]{3,64}")) {
			throw Problems.invalid("username", "must be 3 to 64 lower-case letters, digits, dots, dashes");
		}
		if (rawPassword == null || rawPassword.length() < 8) {
			throw Problems.invalid("password", "must have at least 8 characters");
		}
		if (roles.isEmpty()) {
			throw Problems.invalid("roles", "must name at least one of EDITOR, APPROVER, ADMIN");
		}
		if (exists(username)) {
			throw Problems.conflict("user-exists", "User " + username + " already exists", username);
		}
		this.jdbc
			.sql("insert into app_user (username, display_name, password_hash, roles, enabled, created_at) "
					+ "values (:u, :d, :p, :r, true, :now)")
			.param("u", username)
			.param("d", displayName)
			.param("p", this.passwords.encode(rawPassword))
			.param("r", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return find(username).orElseThrow();
	}

	public Optional<UserView> find(String username) {
		return this.jdbc.sql("select username, display_name, roles, enabled from app_user where username = :u")
			.param("u", username)
			.query((rs, n) -> new UserView(rs.getString(1), rs.getString(2), roles(rs.getString(3)), rs.getBoolean(4)))
			.optional();
	}

	public List<UserView> list() {
		return this.jdbc.sql("select username, display_name, roles, enabled from app_user order by username")
			.query((rs, n) -> new UserView(rs.getString(1), rs.getString(2), roles(rs.getString(3)), rs.getBoolean(4)))
			.list();
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
		long userId = this.jdbc.sql("select id from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "loa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.jdbc
			.sql("insert into api_token (user_id, name, token_hash, created_at) values (:user, :name, :hash, :now)")
			.param("user", userId)
			.param("name", (name == null || name.isBlank()) ? "api" : name)
			.param("hash", sha256(token))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
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

	public record UserView(String username, String displayName, Set<Role> roles, boolean enabled) {
	}

	public record IssuedToken(String name, String token) {
	}

}
