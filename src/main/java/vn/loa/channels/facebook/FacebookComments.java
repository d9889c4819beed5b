package vn.loa.channels.facebook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Comments the webhook received, kept first, so that a reply finds the Page whose token
 * answers it; and what officers did to comments besides replying.
 */
@Repository
class FacebookComments {

	private final JdbcClient jdbc;

	FacebookComments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the comment was new
	 */
	boolean keep(String commentId, String pageId, String postId, String fromId, String fromName, String message,
			Instant createdAt, Instant now) {
		return this.jdbc
			.sql("insert into facebook_comment (comment_id, page_id, post_id, from_id, from_name, message, created_at,"
					+ " received_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
			.params(commentId, pageId, postId, fromId, fromName, message,
					(createdAt != null) ? Timestamp.from(createdAt) : null, Timestamp.from(now))
			.update() > 0;
	}

	Optional<String> pageOf(String commentId) {
		return this.jdbc.sql("select page_id from facebook_comment where comment_id = ?")
			.param(commentId)
			.query(String.class)
			.optional();
	}

	void action(String commentId, String action, String actor, String outcome, Instant now) {
		this.jdbc
			.sql("insert into facebook_comment_action (comment_id, action, actor, outcome, occurred_at)"
					+ " values (?, ?, ?, ?, ?)")
			.params(commentId, action, actor, outcome, Timestamp.from(now))
			.update();
	}

}
