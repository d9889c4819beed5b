package vn.loa.channels.wordpress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The posts the channel created on WordPress sites, per content item, so that a withdrawn
 * item's posts can be found again and moved to the trash.
 */
@Repository
class WordPressPosts {

	private static final String COLUMNS = "id, content_id, content_version, publication_id, site, post_id, link,"
			+ " created_at, trashed_at, trash_error, trash_attempts, next_trash_at, trash_given_up_at";

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
	 */
	record Post(long id, long contentId, int contentVersion, long publicationId, String site, long postId, String link,
			Instant createdAt, Instant trashedAt, String trashError, int trashAttempts, Instant nextTrashAt,
			Instant trashGivenUpAt) {
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
	 * Posts of withdrawn items still on their site and due for another attempt: never
	 * tried (created after the withdrawal was handled), or failed and their delay over;
	 * not those given up.
	 */
	List<Post> owed(Instant now, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from wordpress_post p where p.trashed_at is null"
					+ " and p.trash_given_up_at is null and (p.next_trash_at is null or p.next_trash_at <= ?)"
					+ " and exists (select 1 from wordpress_withdrawn w where w.content_id = p.content_id)"
					+ " order by p.id limit ?")
			.params(Timestamp.from(now), limit)
			.query(WordPressPosts::post)
			.list();
	}

	void remember(long contentId, int contentVersion, long publicationId, String site, long postId, String link,
			Instant now) {
		this.jdbc
			.sql("insert into wordpress_post (content_id, content_version, publication_id, site, post_id, link,"
					+ " created_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(contentId, contentVersion, publicationId, site, postId, link, Timestamp.from(now))
			.update();
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

	void trashed(long id, Instant now) {
		this.jdbc
			.sql("update wordpress_post set trashed_at = ?, trash_error = null, trash_attempts = trash_attempts + 1,"
					+ " next_trash_at = null where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	/**
	 * Keeps the refusal and counts the attempt.
	 * @param nextAt when to ask again, or null to give up
	 */
	void trashFailed(long id, String error, Instant nextAt, Instant now) {
		this.jdbc
			.sql("update wordpress_post set trash_error = ?, trash_attempts = trash_attempts + 1, next_trash_at = ?,"
					+ " trash_given_up_at = ? where id = ? and trashed_at is null")
			.params(error, (nextAt != null) ? Timestamp.from(nextAt) : null,
					(nextAt != null) ? null : Timestamp.from(now), id)
			.update();
	}

	private static Post post(ResultSet rs, int row) throws SQLException {
		return new Post(rs.getLong("id"), rs.getLong("content_id"), rs.getInt("content_version"),
				rs.getLong("publication_id"), rs.getString("site"), rs.getLong("post_id"), rs.getString("link"),
				rs.getTimestamp("created_at").toInstant(), instant(rs, "trashed_at"), rs.getString("trash_error"),
				rs.getInt("trash_attempts"), instant(rs, "next_trash_at"), instant(rs, "trash_given_up_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
