package vn.loa.audience;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Zalo OA's followers. Webhook events and the follower sync arrive in any order and
 * more than once (Zalo retries), so every change is written to be repeatable: a follow or
 * unfollow only counts when it is newer than the one on record, and the last interaction
 * only moves forward.
 */
@Service
public class ZaloFollowers {

	private static final String COLUMNS = "id, user_id, display_name, followed, followed_at, unfollowed_at, "
			+ "last_interaction_at, area_code, phone, updated_at";

	private final JdbcClient jdbc;

	private final Subscribers subscribers;

	private final Clock clock;

	ZaloFollowers(JdbcClient jdbc, Subscribers subscribers, Clock clock) {
		this.jdbc = jdbc;
		this.subscribers = subscribers;
		this.clock = clock;
	}

	/**
	 * A {@code follow} ({@code followed}) or {@code unfollow} event at {@code at}. A
	 * follow is an interaction: Zalo lets the OA answer a new follower.
	 */
	@Transactional
	public void followed(String userId, boolean followed, Instant at) {
		ensure(userId, followed);
		String column = followed ? "followed_at" : "unfollowed_at";
		this.jdbc
			.sql("update zalo_follower set " + column + " = case when " + column + " is null or " + column
					+ " < :at then :at else " + column + " end, updated_at = :now where user_id = :id")
			.param("at", ts(at))
			.param("now", now())
			.param("id", userId)
			.update();
		this.jdbc
			.sql("update zalo_follower set followed = case when unfollowed_at is null then true "
					+ "when followed_at is null then false when followed_at > unfollowed_at then true else false end "
					+ "where user_id = :id")
			.param("id", userId)
			.update();
		if (followed) {
			interacted(userId, at);
		}
	}

	/**
	 * The user wrote to the OA (or shared information): the interaction window starts
	 * again. A user Loa did not know is recorded as not following until the sync or a
	 * follow event says otherwise.
	 */
	@Transactional
	public void interacted(String userId, Instant at) {
		ensure(userId, false);
		this.jdbc
			.sql("update zalo_follower set last_interaction_at = case when last_interaction_at is null or "
					+ "last_interaction_at < :at then :at else last_interaction_at end, updated_at = :now "
					+ "where user_id = :id")
			.param("at", ts(at))
			.param("now", now())
			.param("id", userId)
			.update();
	}

	/**
	 * {@code user_submit_info}: the name and phone the citizen chose to share. The area
	 * is taken from the SMS subscriber with that phone, when there is one.
	 */
	@Transactional
	public void submittedInfo(String userId, String name, String phone, Instant at) {
		interacted(userId, at);
		String e164 = null;
		if (phone != null && !phone.isBlank()) {
			PhoneNumbers.PhoneNumberCheck check = PhoneNumbers.check(phone);
			e164 = check.valid() ? check.e164() : null;
		}
		String area = (e164 != null) ? this.subscribers.find(e164).map(Subscriber::areaCode).orElse(null) : null;
		this.jdbc
			.sql("update zalo_follower set display_name = coalesce(:name, display_name), phone = coalesce(:phone, "
					+ "phone), area_code = coalesce(:area, area_code), updated_at = :now where user_id = :id")
			.param("name", blankToNull(name))
			.param("phone", e164)
			.param("area", area)
			.param("now", now())
			.param("id", userId)
			.update();
	}

	/** What Zalo's follower detail says (the sync). */
	@Transactional
	public void detail(String userId, String displayName, boolean followed) {
		ensure(userId, followed);
		this.jdbc
			.sql("update zalo_follower set display_name = coalesce(:name, display_name), followed = :followed, "
					+ "updated_at = :now where user_id = :id")
			.param("name", blankToNull(displayName))
			.param("followed", followed)
			.param("now", now())
			.param("id", userId)
			.update();
	}

	public Optional<ZaloFollower> find(String userId) {
		return this.jdbc.sql("select " + COLUMNS + " from zalo_follower where user_id = :id")
			.param("id", userId)
			.query(ZaloFollowers::follower)
			.optional();
	}

	/**
	 * The followers after {@code afterKey} in key order (keyset paging): a follower
	 * broadcast's recipients.
	 */
	public List<ZaloFollower> nextFollowers(long afterKey, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from zalo_follower where followed = true and id > :after "
					+ "order by id fetch first :limit rows only")
			.param("after", afterKey)
			.param("limit", limit)
			.query(ZaloFollowers::follower)
			.list();
	}

	/** The most recently active, for the console. */
	public List<ZaloFollower> recent(int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from zalo_follower order by last_interaction_at desc nulls last, user_id "
					+ "fetch first :limit rows only")
			.param("limit", limit)
			.query(ZaloFollowers::follower)
			.list();
	}

	public long countFollowing() {
		return this.jdbc.sql("select count(*) from zalo_follower where followed = true").query(Long.class).single();
	}

	private void ensure(String userId, boolean followed) {
		Timestamp now = now();
		this.jdbc
			.sql("insert into zalo_follower (user_id, followed, created_at, updated_at) values (:id, :followed, :now, "
					+ ":now) on conflict do nothing")
			.param("id", userId)
			.param("followed", followed)
			.param("now", now)
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static Timestamp ts(Instant at) {
		return Timestamp.from(at);
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static ZaloFollower follower(ResultSet rs, int row) throws SQLException {
		return new ZaloFollower(rs.getLong("id"), rs.getString("user_id"), rs.getString("display_name"),
				rs.getBoolean("followed"), instant(rs, "followed_at"), instant(rs, "unfollowed_at"),
				instant(rs, "last_interaction_at"), rs.getString("area_code"), rs.getString("phone"),
				instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return (ts != null) ? ts.toInstant() : null;
	}

}
