package vn.loa.users;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.common.Problems;
import vn.loa.units.MemberKind;
import vn.loa.units.Units;

/**
 * What admins change on accounts, and what owners and admins do with personal API tokens.
 * Every change is a security event with who made it, shown on the user's console page.
 */
@Service
public class AccountAdministration {

	static final String USER_CREATED = "USER_CREATED";

	static final String ROLES_CHANGED = "ROLES_CHANGED";

	static final String UNIT_CHANGED = "UNIT_CHANGED";

	static final String DISABLED = "ACCOUNT_DISABLED";

	static final String ENABLED = "ACCOUNT_ENABLED";

	static final String PASSWORD_RESET = "PASSWORD_RESET";

	static final String TOKEN_ISSUED = "TOKEN_ISSUED";

	static final String TOKEN_REVOKED = "TOKEN_REVOKED";

	// no look-alikes (0/O, 1/l/I), so a password read out over the phone is typed right
	private static final char[] TEMPORARY = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final PasswordEncoder passwords;

	private final SecurityEvents events;

	private final LoginThrottle throttle;

	private final Units units;

	private final Clock clock;

	AccountAdministration(JdbcClient jdbc, UserAccounts accounts, PasswordEncoder passwords, SecurityEvents events,
			LoginThrottle throttle, Units units, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.events = events;
		this.throttle = throttle;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * An account an admin makes: its first password is temporary (shown once to the
	 * admin) and must be changed at the first login.
	 * @return the temporary password
	 */
	@Transactional
	public String create(String username, String displayName, Set<Role> roles, String unitCode, String actor) {
		if (displayName == null || displayName.isBlank()) {
			throw Problems.invalid("displayName", "must not be blank", "displayName");
		}
		if (unitCode != null && !unitCode.isBlank()) {
			this.units.require("unit", unitCode);
		}
		String temporary = temporaryPassword();
		this.accounts.insert(username, displayName.strip(), temporary, roles, true);
		this.events.record(USER_CREATED, username, null, actor, "roles " + names(roles));
		if (unitCode != null && !unitCode.isBlank()) {
			this.units.assign(MemberKind.USER, username, unitCode, actor);
			this.events.record(UNIT_CHANGED, username, null, actor, "unit " + unitCode.strip());
		}
		return temporary;
	}

	@Transactional
	public void changeRoles(String username, Set<Role> roles, String actor) {
		UserAccounts.UserView user = require(username);
		if (roles == null || roles.isEmpty()) {
			throw Problems.invalid("roles", "must name at least one of EDITOR, APPROVER, ADMIN", "roles");
		}
		if (user.roles().equals(roles)) {
			return;
		}
		if (username.equals(actor) && !roles.contains(Role.ADMIN)) {
			throw Problems.invalid("roles", "an admin cannot take the admin role from their own account", "ownAdmin");
		}
		this.jdbc.sql("update app_user set roles = :r where username = :u")
			.param("r", names(roles))
			.param("u", username)
			.update();
		this.events.record(ROLES_CHANGED, username, null, actor, names(user.roles()) + " → " + names(roles));
	}

	@Transactional
	public void changeUnit(String username, String unitCode, String actor) {
		require(username);
		String before = this.units.unitOf(MemberKind.USER, username).map((u) -> u.code()).orElse("—");
		String after = (unitCode == null || unitCode.isBlank()) ? "—" : unitCode.strip().toLowerCase();
		if (before.equals(after)) {
			return;
		}
		this.units.assign(MemberKind.USER, username, unitCode, actor);
		this.events.record(UNIT_CHANGED, username, null, actor, before + " → " + after);
	}

	/** Disables or enables an account; a disabled account can log in with nothing. */
	@Transactional
	public void setEnabled(String username, boolean enabled, String actor) {
		UserAccounts.UserView user = require(username);
		if (!enabled && username.equals(actor)) {
			throw Problems.invalid("enabled", "an admin cannot disable their own account", "ownAccount");
		}
		if (user.enabled() == enabled) {
			return;
		}
		this.jdbc.sql("update app_user set enabled = :e where username = :u")
			.param("e", enabled)
			.param("u", username)
			.update();
		this.events.record(enabled ? ENABLED : DISABLED, username, null, actor, null);
	}

	/**
	 * Gives the account a temporary password (shown once to the admin) that must be
	 * changed at the next login, and lifts a login lock.
	 * @return the temporary password
	 */
	@Transactional
	public String resetPassword(String username, String actor) {
		require(username);
		String temporary = temporaryPassword();
		this.jdbc.sql("update app_user set password_hash = :p, must_change_password = true where username = :u")
			.param("p", this.passwords.encode(temporary))
			.param("u", username)
			.update();
		this.events.record(PASSWORD_RESET, username, null, actor, "must be changed at the next login");
		return temporary;
	}

	/** Lifts a lock left by repeated failed logins; false when there was none. */
	@Transactional
	public boolean unlock(String username, String actor) {
		require(username);
		return this.throttle.unlock(username, actor);
	}

	/** The user's personal API tokens, newest first, known by prefix only. */
	public List<TokenView> tokens(String username) {
		return this.jdbc
			.sql("select t.id, t.name, t.prefix, t.created_at, t.revoked_at from api_token t "
					+ "join app_user u on u.id = t.user_id where u.username = :u order by t.id desc")
			.param("u", username)
			.query((rs, n) -> new TokenView(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(),
					(rs.getTimestamp(5) != null) ? rs.getTimestamp(5).toInstant() : null))
			.list();
	}

	/**
	 * Revokes one token of {@code owner}: the owner's own, or any for an admin.
	 * @return whether it was live
	 */
	@Transactional
	public boolean revokeToken(String owner, long tokenId, String actor, boolean actorIsAdmin) {
		if (!actorIsAdmin && !owner.equals(actor)) {
			throw Problems.forbidden("not-your-token", "Only its owner or an admin may revoke a token");
		}
		TokenView token = tokens(owner).stream()
			.filter((t) -> t.id() == tokenId)
			.findFirst()
			.orElseThrow(() -> Problems.notFound("Token", tokenId));
		boolean revoked = this.jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", tokenId)
			.update() > 0;
		if (revoked) {
			this.events.record(TOKEN_REVOKED, owner, null, actor,
					"token " + ((token.prefix() != null) ? token.prefix() + "…" : "#" + tokenId) + " " + token.name());
		}
		return revoked;
	}

	/** What happened to the account, newest first. */
	public List<SecurityEvents.SecurityEvent> history(String username, int limit) {
		return this.events.of(username, limit);
	}

	private UserAccounts.UserView require(String username) {
		return this.accounts.find(username).orElseThrow(() -> Problems.notFound("User", username));
	}

	private static String temporaryPassword() {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			out.append(TEMPORARY[RANDOM.nextInt(TEMPORARY.length)]);
		}
		return out.toString();
	}

	private static String names(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	/** A personal API token as its owner and admins see it: never the token itself. */
	public record TokenView(long id, String name, String prefix, Instant createdAt, Instant revokedAt) {

		public boolean live() {
			return this.revokedAt == null;
		}

	}

}
