package vn.loa.channels.facebook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.loa.channels.Retraction;

/**
 * One post per publication and Page: what is sent, kept so that a post waiting for a
 * token or a rate limit goes out later exactly as rendered; Facebook's id and permalink
 * once it exists; and what withdrawing its item did to it.
 */
@Repository
class FacebookPosts implements Retraction.Ledger<FacebookPosts.Post> {

	private static final String COLUMNS = "id, publication_id, content_id, content_version, page_id, kind, message, link,"
			+ " image_url, not_before, template_version, status, attempts, next_attempt_at, last_error, post_id,"
			+ " permalink, scheduled_on_facebook_at, retracted_at, retract_action, retract_error, retract_attempts,"
			+ " next_retract_at, retract_given_up_at, retract_claimed_until";

	private final JdbcClient jdbc;

	FacebookPosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param kind {@code link} or {@code photo}
	 * @param notBefore the publication's time: a post is never made visible before it
	 * @param status PENDING, WAITING (for a new Page token), POSTED or FAILED
	 * @param retractAction {@code delete} or {@code hide}, once done
	 */
	record Post(long id, long publicationId, long contentId, int contentVersion, String pageId, String kind,
			String message, String link, String imageUrl, Instant notBefore, String templateVersion, String status,
			int attempts, Instant nextAttemptAt, String lastError, String postId, String permalink,
			Instant scheduledOnFacebookAt, Instant retractedAt, String retractAction, String retractError,
			int retractAttempts, Instant nextRetractAt, Instant retractGivenUpAt, Instant retractClaimedUntil) {
	}

	/** The post of this publication on this Page, made now if it is the first time. */
	Post prepare(long publicationId, long contentId, int contentVersion, String pageId, String kind, String message,
			String link, String imageUrl, Instant notBefore, String templateVersion, Instant now) {
		this.jdbc
			.sql("insert into facebook_post (publication_id, content_id, content_version, page_id, kind, message, link,"
					+ " image_url, not_before, template_version, status, created_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) on conflict do nothing")
			.params(publicationId, contentId, contentVersion, pageId, kind, message, link, imageUrl,
					Timestamp.from(notBefore), templateVersion, Timestamp.from(now))
			.update();
		return this.jdbc.sql("select " + COLUMNS + " from facebook_post where publication_id = ? and page_id = ?")
			.params(publicationId, pageId)
			.query(FacebookPosts::post)
			.single();
	}

	Optional<Post> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from facebook_post where id = ?")
			.param(id)
			.query(FacebookPosts::post)
			.optional();
	}

	Optional<Post> byPostId(String postId) {
		return this.jdbc.sql("select " + COLUMNS + " from facebook_post where post_id = ? order by id limit 1")
			.param(postId)
			.query(FacebookPosts::post)
			.optional();
	}

	List<Post> ofContent(long contentId) {
		return this.jdbc.sql("select " + COLUMNS + " from facebook_post where content_id = ? order by id")
			.param(contentId)
			.query(FacebookPosts::post)
			.list();
	}

	List<Post> ofPublication(long publicationId) {
		return this.jdbc.sql("select " + COLUMNS + " from facebook_post where publication_id = ? order by id")
			.param(publicationId)
			.query(FacebookPosts::post)
			.list();
	}

	void posted(long id, String postId, String permalink, Instant scheduledOnFacebookAt, Instant now) {
		this.jdbc
			.sql("update facebook_post set status = 'POSTED', attempts = attempts + 1, post_id = ?, permalink = ?,"
					+ " scheduled_on_facebook_at = ?, posted_at = ?, next_attempt_at = null where id = ?")
			.params(postId, permalink, (scheduledOnFacebookAt != null) ? Timestamp.from(scheduledOnFacebookAt) : null,
					Timestamp.from(now), id)
			.update();
	}

	void rescheduled(long id, Instant at) {
		this.jdbc.sql("update facebook_post set scheduled_on_facebook_at = ?, not_before = ? where id = ?")
			.params(Timestamp.from(at), Timestamp.from(at), id)
			.update();
	}

	void note(long id, String error) {
		this.jdbc.sql("update facebook_post set last_error = ? where id = ?").params(error, id).update();
	}

	/** Not posted yet; asked again at {@code nextAt}. */
	void retryAt(long id, String error, Instant nextAt, boolean attempted) {
		this.jdbc
			.sql("update facebook_post set status = 'PENDING', attempts = attempts + ?, last_error = ?,"
					+ " next_attempt_at = ? where id = ? and status <> 'POSTED'")
			.params(attempted ? 1 : 0, error, Timestamp.from(nextAt), id)
			.update();
	}

	/** The Page needs a new token; the post waits for it. */
	void waiting(long id, String error) {
		this.jdbc
			.sql("update facebook_post set status = 'WAITING', last_error = ?, next_attempt_at = null"
					+ " where id = ? and status <> 'POSTED'")
			.params(error, id)
			.update();
	}

	void failed(long id, String error) {
		this.jdbc
			.sql("update facebook_post set status = 'FAILED', attempts = attempts + 1, last_error = ?,"
					+ " next_attempt_at = null where id = ? and status <> 'POSTED'")
			.params(error, id)
			.update();
	}

	/** A Page got a new token: its waiting posts are due now. */
	int wake(String pageId, Instant now) {
		return this.jdbc
			.sql("update facebook_post set status = 'PENDING', next_attempt_at = ? where page_id = ?"
					+ " and status = 'WAITING'")
			.params(Timestamp.from(now), pageId)
			.update();
	}

	/** Posts due for another attempt, of items not withdrawn. */
	List<Post> due(Instant now, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from facebook_post p where p.status = 'PENDING' and p.next_attempt_at <= ?"
					+ " and not exists (select 1 from facebook_withdrawn w where w.content_id = p.content_id)"
					+ " order by p.next_attempt_at, p.id limit ?")
			.params(Timestamp.from(now), limit)
			.query(FacebookPosts::post)
			.list();
	}

	void withdrawn(long contentId, Instant now) {
		// ON CONFLICT: this runs in the withdrawing transaction, which a failed statement
		// would abort on PostgreSQL.
		this.jdbc.sql("insert into facebook_withdrawn (content_id, withdrawn_at) values (?, ?) on conflict do nothing")
			.params(contentId, Timestamp.from(now))
			.update();
		// What has not gone out will not.
		this.jdbc
			.sql("update facebook_post set status = 'FAILED', last_error = 'content item withdrawn',"
					+ " next_attempt_at = null where content_id = ? and status in ('PENDING', 'WAITING')")
			.param(contentId)
			.update();
	}

	boolean isWithdrawn(long contentId) {
		return this.jdbc.sql("select count(*) from facebook_withdrawn where content_id = ?")
			.param(contentId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * One row per post: a 506 records the Page's earlier post on the repeated
	 * publication's row too, and such rows share the post's retraction. The first row of
	 * the item's stands for the post.
	 */
	private static final String FIRST_OF_POST = " and p.id = (select min(q.id) from facebook_post q"
			+ " where q.post_id = p.post_id and q.content_id = p.content_id)";

	/** The item's posts still on their Page, each once. */
	List<Post> toRetract(long contentId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from facebook_post p where p.content_id = ? and p.post_id is not null"
					+ " and p.retracted_at is null and p.retract_given_up_at is null" + FIRST_OF_POST
					+ " order by p.id")
			.param(contentId)
			.query(FacebookPosts::post)
			.list();
	}

	/**
	 * Posts of withdrawn items still on their Page and due, each once: never tried (made
	 * after the withdrawal was handled) or failed with their delay over.
	 */
	List<Post> owedRetractions(Instant now, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from facebook_post p where p.post_id is not null and p.retracted_at is null"
					+ " and p.retract_given_up_at is null and (p.next_retract_at is null or p.next_retract_at <= ?)"
					+ " and exists (select 1 from facebook_withdrawn w where w.content_id = p.content_id)"
					+ FIRST_OF_POST + " order by p.id limit ?")
			.params(Timestamp.from(now), limit)
			.query(FacebookPosts::post)
			.list();
	}

	/**
	 * Claims the post (every row that records it) for one attempt, unless a pass holds
	 * any of them.
	 */
	@Override
	public Optional<Post> claim(Post post, Instant due, Instant now, Instant until) {
		int claimed = this.jdbc
			.sql("update facebook_post set retract_claimed_until = ? where post_id = ? and retracted_at is null"
					+ " and retract_given_up_at is null and (next_retract_at is null or next_retract_at <= ?)"
					+ " and (retract_claimed_until is null or retract_claimed_until <= ?)"
					+ " and not exists (select 1 from facebook_post c where c.post_id = ? and c.retract_claimed_until > ?)")
			.params(Timestamp.from(until), post.postId(), Timestamp.from(due), Timestamp.from(now), post.postId(),
					Timestamp.from(now))
			.update();
		return (claimed > 0) ? find(post.id()) : Optional.empty();
	}

	@Override
	public int attempts(Post post) {
		return post.retractAttempts();
	}

	/**
	 * Taken back by the pass that claimed it: how, and when, on every row of the post.
	 */
	void retracted(Post post, String action, Instant now) {
		this.jdbc
			.sql("update facebook_post set retracted_at = ?, retract_action = ?, retract_error = null,"
					+ " retract_attempts = retract_attempts + 1, next_retract_at = null, retract_claimed_until = null"
					+ " where post_id = ? and retracted_at is null")
			.params(Timestamp.from(now), action, post.postId())
			.update();
	}

	/** A claim ended without an attempt at taking the post back. */
	void release(Post post) {
		this.jdbc.sql("update facebook_post set retract_claimed_until = null where post_id = ?")
			.param(post.postId())
			.update();
	}

	@Override
	public void refused(Post post, String error, Instant nextAt, Instant now) {
		this.jdbc
			.sql("update facebook_post set retract_error = ?, retract_attempts = retract_attempts + 1,"
					+ " next_retract_at = ?, retract_given_up_at = ?, retract_claimed_until = null"
					+ " where post_id = ? and retracted_at is null")
			.params(error, (nextAt != null) ? Timestamp.from(nextAt) : null,
					(nextAt != null) ? null : Timestamp.from(now), post.postId())
			.update();
	}

	private static Post post(ResultSet rs, int row) throws SQLException {
		return new Post(rs.getLong("id"), rs.getLong("publication_id"), rs.getLong("content_id"),
				rs.getInt("content_version"), rs.getString("page_id"), rs.getString("kind"), rs.getString("message"),
				rs.getString("link"), rs.getString("image_url"), instant(rs, "not_before"),
				rs.getString("template_version"), rs.getString("status"), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("post_id"),
				rs.getString("permalink"), instant(rs, "scheduled_on_facebook_at"), instant(rs, "retracted_at"),
				rs.getString("retract_action"), rs.getString("retract_error"), rs.getInt("retract_attempts"),
				instant(rs, "next_retract_at"), instant(rs, "retract_given_up_at"),
				instant(rs, "retract_claimed_until"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
