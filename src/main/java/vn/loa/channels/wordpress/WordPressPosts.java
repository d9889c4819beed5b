package vn.loa.channels.wordpress;

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
 * The posts the channel created on WordPress sites, per content item: so that a newer
 * publication of the item updates its post, a withdrawn item's posts can be found again
 * and moved to the trash, and a scheduled post follows its publication.
 */
@Repository
class WordPressPosts implements Retraction.Ledger<WordPressPosts.Post> {

	private static final String COLUMNS = "id, content_id, content_version, publication_id, site, post_id, link,"
			+ " created_at, trashed_at, trash_error, trash_attempts, next_trash_at, trash_given_up_at, status,"
			+ " scheduled_at, updated_at, cancelled_at, trash_claimed_until";

	private final JdbcClient jdbc;

	WordPressPosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One post on one site.
	 *
	 * @param site the configured site, which is also the delivery target
	 * @param trashError WordPress's code and message when it refused to trash the post
	 * @param trashAttempts how many passes asked the site to trash it
	 * @param nextTrashAt when the sweep asks again; null when it is not owed a retry
	 * @param trashGivenUpAt when Loa stopped asking, its attempts used up
	 * @param publicationId the publication that last wrote the post
	 * @param status what the site last said of it: {@code publish}, {@code future},
	 * {@code trash}
	 * @param scheduledAt when a {@code future} post goes out
	 * @param cancelledAt when its publication was cancelled, which owes the site a trash
	 * @param trashClaimedUntil until when a pass holds the post to trash it
	 */
	record Post(long id, long contentId, int contentVersion, long publicationId, String site, long postId, String link,
			Instant createdAt, Instant trashedAt, String trashError, int trashAttempts, Instant nextTrashAt,
			Instant trashGivenUpAt, String status, Instant scheduledAt, Instant updatedAt, Instant cancelledAt,
			Instant trashClaimedUntil) {

		boolean future() {
			return "future".equals(this.status);
		}

		/**
		 * Whether the post is still waiting on the site at {@code now}: WordPress
		 * publishes a {@code future} post by itself when its time comes, without telling
		 * Loa.
		 */
		boolean waitingAt(Instant now) {
			return future() && this.scheduledAt != null && this.scheduledAt.isAfter(now);
		}

	}

	/** Keeps that the item is withdrawn, so its posts stay owed a trash; idempotent. */
	void withdrawn(long contentId, Instant now) {
		// ON CONFLICT, not a caught duplicate key: this runs in the withdrawing
		// transaction, which a failed statement would abort on PostgreSQL.
		this.jdbc.sql("insert into wordpress_withdrawn (content_id, withdrawn_at) values (?, ?) on conflict do nothing")
			.params(contentId, Timestamp.from(now))
			.update();
	}

	boolean isWithdrawn(long contentId) {
		return this.jdbc.sql("select count(*) from wordpress_withdrawn where content_id = ?")
			.param(contentId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Posts of withdrawn items (or of cancelled publications) still on their site and due
	 * for another attempt: never tried (created after the withdrawal was handled), or
	 * failed and their delay over; not those given up.
	 */
	List<Post> owed(Instant now, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from wordpress_post p where p.trashed_at is null"
					+ " and p.trash_given_up_at is null and (p.next_trash_at is null or p.next_trash_at <= ?)"
					+ " and (p.cancelled_at is not null"
					+ " or exists (select 1 from wordpress_withdrawn w where w.content_id = p.content_id))"
					+ " order by p.id limit ?")
			.params(Timestamp.from(now), limit)
			.query(WordPressPosts::post)
			.list();
	}

	void remember(long contentId, int contentVersion, long publicationId, String site, long postId, String link,
			String status, Instant scheduledAt, Instant now) {
		this.jdbc
			.sql("insert into wordpress_post (content_id, content_version, publication_id, site, post_id, link,"
					+ " status, scheduled_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(contentId, contentVersion, publicationId, site, postId, link, status, timestamp(scheduledAt),
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** A newer publication of the item wrote the post again. */
	void rewritten(long id, int contentVersion, long publicationId, String link, String status, Instant scheduledAt,
			Instant now) {
		this.jdbc
			.sql("update wordpress_post set content_version = ?, publication_id = ?, link = coalesce(?, link),"
					+ " status = ?, scheduled_at = ?, updated_at = ? where id = ?")
			.params(contentVersion, publicationId, link, status, timestamp(scheduledAt), Timestamp.from(now), id)
			.update();
	}

	/** The site moved the post to another time (or published it). */
	void moved(long id, String link, String status, Instant scheduledAt, Instant now) {
		this.jdbc
			.sql("update wordpress_post set link = coalesce(?, link), status = ?, scheduled_at = ?, updated_at = ?"
					+ " where id = ?")
			.params(link, status, timestamp(scheduledAt), Timestamp.from(now), id)
			.update();
	}

	/** The post's publication was cancelled: it is owed a trash. */
	void cancelled(long id, Instant now) {
		this.jdbc.sql("update wordpress_post set cancelled_at = coalesce(cancelled_at, ?) where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	/**
	 * The item's post on the site that a newer publication updates: the latest one still
	 * on the site and not cancelled.
	 */
	Optional<Post> current(long contentId, String site) {
		return this.jdbc
			.sql("select " + COLUMNS + " from wordpress_post where content_id = ? and site = ? and trashed_at is null"
					+ " and cancelled_at is null order by id desc")
			.params(contentId, site)
			.query(WordPressPosts::post)
			.list()
			.stream()
			.findFirst();
	}

	/** The posts that the publication wrote last and that are still on their sites. */
	List<Post> ofPublication(long publicationId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from wordpress_post where publication_id = ? and trashed_at is null"
					+ " order by id")
			.param(publicationId)
			.query(WordPressPosts::post)
			.list();
	}

	/** The item's posts on every site, oldest first. */
	List<Post> ofContent(long contentId) {
		return this.jdbc.sql("select " + COLUMNS + " from wordpress_post where content_id = ? order by id")
			.param(contentId)
			.query(WordPressPosts::post)
			.list();
	}

	/** The item's posts that are not (known to be) in the trash yet. */
	List<Post> toTrash(long contentId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from wordpress_post where content_id = ? and trashed_at is null order by id")
			.param(contentId)
			.query(WordPressPosts::post)
			.list();
	}

	@Override
	public Optional<Post> claim(Post post, Instant due, Instant now, Instant until) {
		int claimed = this.jdbc
			.sql("update wordpress_post set trash_claimed_until = ? where id = ? and trashed_at is null"
					+ " and trash_given_up_at is null and (next_trash_at is null or next_trash_at <= ?)"
					+ " and (trash_claimed_until is null or trash_claimed_until <= ?)")
			.params(Timestamp.from(until), post.id(), Timestamp.from(due), Timestamp.from(now))
			.update();
		if (claimed != 1) {
			return Optional.empty();
		}
		return this.jdbc.sql("select " + COLUMNS + " from wordpress_post where id = ?")
			.param(post.id())
			.query(WordPressPosts::post)
			.optional();
	}

	@Override
	public int attempts(Post post) {
		return post.trashAttempts();
	}

	/**
	 * Trashed by the pass that claimed it.
	 * @param link the post's link in the trash (WordPress gives it {@code ?p=<id>}), or
	 * null to keep the one Loa has
	 */
	void trashed(long id, String link, Instant now) {
		this.jdbc
			.sql("update wordpress_post set trashed_at = ?, trash_error = null, trash_attempts = trash_attempts + 1,"
					+ " next_trash_at = null, trash_claimed_until = null, status = 'trash', link = coalesce(?, link),"
					+ " updated_at = ? where id = ? and trashed_at is null")
			.params(Timestamp.from(now), link, Timestamp.from(now), id)
			.update();
	}

	/** Keeps the refusal, counts the attempt and ends the claim. */
	@Override
	public void refused(Post post, String error, Instant nextAt, Instant now) {
		this.jdbc
			.sql("update wordpress_post set trash_error = ?, trash_attempts = trash_attempts + 1, next_trash_at = ?,"
					+ " trash_given_up_at = ?, trash_claimed_until = null where id = ? and trashed_at is null")
			.params(error, (nextAt != null) ? Timestamp.from(nextAt) : null,
					(nextAt != null) ? null : Timestamp.from(now), post.id())
			.update();
	}

	private static Post post(ResultSet rs, int row) throws SQLException {
		return new Post(rs.getLong("id"), rs.getLong("content_id"), rs.getInt("content_version"),
				rs.getLong("publication_id"), rs.getString("site"), rs.getLong("post_id"), rs.getString("link"),
				rs.getTimestamp("created_at").toInstant(), instant(rs, "trashed_at"), rs.getString("trash_error"),
				rs.getInt("trash_attempts"), instant(rs, "next_trash_at"), instant(rs, "trash_given_up_at"),
				rs.getString("status"), instant(rs, "scheduled_at"), instant(rs, "updated_at"),
				instant(rs, "cancelled_at"), instant(rs, "trash_claimed_until"));
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
