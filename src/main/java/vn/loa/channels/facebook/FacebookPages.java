package vn.loa.channels.facebook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.common.LoaProperties;
import vn.loa.common.Problems;
import vn.loa.common.SecretBox;

/**
 * The Pages an admin registered, with their page access tokens sealed by
 * {@link SecretBox} (bound to the page id, so a sealed token cannot be moved to another
 * Page). A token goes in and is never read back out but to call Graph.
 */
@Repository
class FacebookPages {

	static final Pattern PAGE_ID = Pattern.compile("\\d{1,40}");

	static final Pattern AREA = Pattern.compile("\\d+(\\.\\d+)*");

	private static final String COLUMNS = "page_id, name, area_code, state, state_reason, state_at, created_by,"
			+ " created_at, token_updated_at";

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final Clock clock;

	FacebookPages(JdbcClient jdbc, ObjectProvider<SecretBox> box, Environment environment, LoaProperties loa,
			Clock clock) {
		this.jdbc = jdbc;
		// The shared SecretBox bean when the application has one, else the same key
		// source it uses (LOA_SECRET_KEY, or the key kept under the data dir).
		this.box = box.getIfAvailable(() -> SecretBox.from(environment.getProperty("LOA_SECRET_KEY"), loa.dataDir()));
		this.clock = clock;
	}

	/**
	 * A registered Page as admins and officers see it: never its token.
	 *
	 * @param state {@code ACTIVE} or {@code NEEDS_REAUTHORISATION}
	 * @param stateReason Graph's message when the Page was paused
	 */
	record Page(String pageId, String name, String areaCode, String state, String stateReason, Instant stateAt,
			String createdBy, Instant createdAt, Instant tokenUpdatedAt) {

		public boolean active() {
			return ACTIVE.equals(this.state);
		}

	}

	static final String ACTIVE = "ACTIVE";

	static final String NEEDS_REAUTHORISATION = "NEEDS_REAUTHORISATION";

	/**
	 * Registers a Page, or replaces its name, area and token when it is registered
	 * already; a new token makes a paused Page active again.
	 * @return whether the Page was paused before
	 */
	@Transactional
	boolean register(String pageId, String name, String areaCode, String token, String actor) {
		validate(pageId, name, areaCode, token);
		Instant now = this.clock.instant();
		String sealed = this.box.seal(token.strip(), pageId);
		Optional<Page> existing = find(pageId);
		if (existing.isEmpty()) {
			this.jdbc
				.sql("insert into facebook_page (page_id, name, area_code, token_sealed, state, created_by, created_at,"
						+ " token_updated_at) values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?)")
				.params(pageId, name.strip(), blankToNull(areaCode), sealed, actor, Timestamp.from(now),
						Timestamp.from(now))
				.update();
			return false;
		}
		this.jdbc
			.sql("update facebook_page set name = ?, area_code = ?, token_sealed = ?, state = 'ACTIVE',"
					+ " state_reason = null, state_at = ?, token_updated_at = ? where page_id = ?")
			.params(name.strip(), blankToNull(areaCode), sealed, Timestamp.from(now), Timestamp.from(now), pageId)
			.update();
		return !existing.get().active();
	}

	private static void validate(String pageId, String name, String areaCode, String token) {
		if (pageId == null || !PAGE_ID.matcher(pageId).matches()) {
			throw Problems.invalid("pageId", "must be the Page's numeric id");
		}
		if (name == null || name.isBlank() || name.length() > 300) {
			throw Problems.invalid("name", "must be 1 to 300 characters");
		}
		if (areaCode != null && !areaCode.isBlank() && !AREA.matcher(areaCode.strip()).matches()) {
			throw Problems.invalid("areaCode", "must be administrative unit codes separated by dots, e.g. 56.568");
		}
		if (token == null || token.isBlank() || token.length() > 1000) {
			throw Problems.invalid("token", "must be the Page's access token");
		}
	}

	Optional<Page> find(String pageId) {
		return this.jdbc.sql("select " + COLUMNS + " from facebook_page where page_id = ?")
			.param(pageId)
			.query(FacebookPages::page)
			.optional();
	}

	List<Page> all() {
		return this.jdbc.sql("select " + COLUMNS + " from facebook_page order by name, page_id")
			.query(FacebookPages::page)
			.list();
	}

	/**
	 * The Pages a target names: a page id, {@code area:<code>} (the Pages of that area
	 * and the areas under it) or {@code all}.
	 */
	List<Page> resolve(String target) {
		if ("all".equals(target)) {
			return all();
		}
		if (target.startsWith("area:")) {
			String area = target.substring("area:".length());
			return this.jdbc
				.sql("select " + COLUMNS + " from facebook_page where area_code = ? or area_code like ?"
						+ " order by name, page_id")
				.params(area, area + ".%")
				.query(FacebookPages::page)
				.list();
		}
		return find(target).map(List::of).orElse(List.of());
	}

	/** Why a target cannot be used, or empty when it can. */
	Optional<String> reject(String target) {
		if ("all".equals(target)) {
			return Optional.empty();
		}
		if (target.startsWith("area:")) {
			return AREA.matcher(target.substring(5)).matches() ? Optional.empty()
					: Optional.of("area:<code> needs unit codes separated by dots, e.g. area:56.568");
		}
		return find(target).isPresent() ? Optional.empty()
				: Optional.of("no Facebook Page " + target + " is registered");
	}

	/** The Page's token, for one Graph call. */
	String token(String pageId) {
		String sealed = this.jdbc.sql("select token_sealed from facebook_page where page_id = ?")
			.param(pageId)
			.query(String.class)
			.single();
		return this.box.open(sealed, pageId);
	}

	/**
	 * Graph refused the Page's token: the Page waits for an admin.
	 * @return whether this paused it (it was active)
	 */
	boolean pause(String pageId, String reason) {
		return this.jdbc
			.sql("update facebook_page set state = 'NEEDS_REAUTHORISATION', state_reason = ?, state_at = ?"
					+ " where page_id = ? and state = 'ACTIVE'")
			.params(reason, Timestamp.from(this.clock.instant()), pageId)
			.update() > 0;
	}

	private static Page page(ResultSet rs, int row) throws SQLException {
		return new Page(rs.getString("page_id"), rs.getString("name"), rs.getString("area_code"), rs.getString("state"),
				rs.getString("state_reason"), instant(rs, "state_at"), rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "token_updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
