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
			+ " created_at, trashed_at, trash_error";

	private final JdbcClient jdbc;

	WordPressPosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One post on one site.
	 *
	 * @param site the configured site, which is also the delivery target
	 * @param trashError WordPress's code and message when it refused to trash the post
	 */
	record Post(long id, long contentId, int contentVersion, long publicationId, String site, long postId, String link,
			Instant createdAt, Instant trashedAt, String trashError) {
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
		this.jdbc.sql("update wordpress_post set trashed_at = ?, trash_error = null where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	void trashFailed(long id, String error) {
		this.jdbc.sql("update wordpress_post set trash_error = ? where id = ? and trashed_at is null")
			.params(error, id)
			.update();
	}

	private static Post post(ResultSet rs, int row) throws SQLException {
		Timestamp trashedAt = rs.getTimestamp("trashed_at");
		return new Post(rs.getLong("id"), rs.getLong("content_id"), rs.getInt("content_version"),
				rs.getLong("publication_id"), rs.getString("site"), rs.getLong("post_id"), rs.getString("link"),
				rs.getTimestamp("created_at").toInstant(), (trashedAt != null) ? trashedAt.toInstant() : null,
				rs.getString("trash_error"));
	}

}
