package vn.loa.channels.zalo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The follower send jobs ({@code zalo_oa_job}): one per publication and target, with the
 * keyset cursor over followers and a lease so that one node at a time runs a job.
 */
@Repository
class ZaloOaJobs {

	enum State {

		QUEUED, RUNNING, WAITING, DONE

	}

	record Job(long id, long publicationId, String target, String body, String templateVersion, String article,
			String articleId, String articleUrl, State state, String waitingReason, String cursor, Instant notBefore) {

	}

	private static final String COLUMNS = "id, publication_id, target, body, template_version, article, article_id, "
			+ "article_url, state, waiting_reason, cursor_user_id, not_before";

	private final JdbcClient jdbc;

	private final Clock clock;

	ZaloOaJobs(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Creates the job of a dispatch once; a repeated dispatch finds it. */
	long enqueue(long publicationId, String target, String body, String templateVersion, String article) {
		Timestamp now = now();
		this.jdbc
			.sql("insert into zalo_oa_job (publication_id, target, body, template_version, article, state, not_before, "
					+ "created_at, updated_at) values (:pub, :target, :body, :template, :article, 'QUEUED', :now, "
					+ ":now, :now) on conflict do nothing")
			.param("pub", publicationId)
			.param("target", target)
			.param("body", body)
			.param("template", templateVersion)
			.param("article", article)
			.param("now", now)
			.update();
		return this.jdbc.sql("select id from zalo_oa_job where publication_id = :pub and target = :target")
			.param("pub", publicationId)
			.param("target", target)
			.query(Long.class)
			.single();
	}

	List<Long> runnable(int limit) {
		Timestamp now = now();
		return this.jdbc
			.sql("select id from zalo_oa_job where state in ('QUEUED', 'RUNNING', 'WAITING') and not_before <= :now "
					+ "and (locked_until is null or locked_until < :now) order by id fetch first :limit rows only")
			.param("now", now)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	boolean lease(long id, String node, Duration duration) {
		Timestamp now = now();
		return this.jdbc
			.sql("update zalo_oa_job set locked_by = :node, locked_until = :until, updated_at = :now where id = :id "
					+ "and (locked_until is null or locked_until < :now or locked_by = :node)")
			.param("node", node)
			.param("until", Timestamp.from(now.toInstant().plus(duration)))
			.param("now", now)
			.param("id", id)
			.update() == 1;
	}

	void release(long id, String node) {
		this.jdbc
			.sql("update zalo_oa_job set locked_by = null, locked_until = null where id = :id and locked_by = :node")
			.param("id", id)
			.param("node", node)
			.update();
	}

	Optional<Job> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from zalo_oa_job where id = :id")
			.param("id", id)
			.query(ZaloOaJobs::job)
			.optional();
	}

	Optional<Job> findByPublication(long publicationId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from zalo_oa_job where publication_id = :pub order by id fetch first 1 rows "
					+ "only")
			.param("pub", publicationId)
			.query(ZaloOaJobs::job)
			.optional();
	}

	/** Jobs that wait, newest first, for the console. */
	List<Job> waiting(int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from zalo_oa_job where state = 'WAITING' order by id desc fetch first :limit "
					+ "rows only")
			.param("limit", limit)
			.query(ZaloOaJobs::job)
			.list();
	}

	void markRunning(long id) {
		this.jdbc
			.sql("update zalo_oa_job set state = 'RUNNING', waiting_reason = null, updated_at = :now where id = :id "
					+ "and state <> 'DONE'")
			.param("now", now())
			.param("id", id)
			.update();
	}

	void article(long id, String articleId, String articleUrl) {
		this.jdbc
			.sql("update zalo_oa_job set article_id = :article, article_url = :url, updated_at = :now where id = :id")
			.param("article", articleId)
			.param("url", articleUrl)
			.param("now", now())
			.param("id", id)
			.update();
	}

	void advance(long id, String cursor) {
		this.jdbc.sql("update zalo_oa_job set cursor_user_id = :cursor, updated_at = :now where id = :id")
			.param("cursor", cursor)
			.param("now", now())
			.param("id", id)
			.update();
	}

	void waitUntil(long id, Instant notBefore, String reason) {
		this.jdbc
			.sql("update zalo_oa_job set state = 'WAITING', not_before = :at, waiting_reason = :reason, "
					+ "updated_at = :now where id = :id and state <> 'DONE'")
			.param("at", Timestamp.from(notBefore))
			.param("reason", (reason != null && reason.length() > 2000) ? reason.substring(0, 2000) : reason)
			.param("now", now())
			.param("id", id)
			.update();
	}

	void finish(long id) {
		Timestamp now = now();
		this.jdbc
			.sql("update zalo_oa_job set state = 'DONE', waiting_reason = null, finished_at = :now, updated_at = :now, "
					+ "locked_by = null, locked_until = null where id = :id")
			.param("now", now)
			.param("id", id)
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static Job job(ResultSet rs, int row) throws SQLException {
		return new Job(rs.getLong("id"), rs.getLong("publication_id"), rs.getString("target"), rs.getString("body"),
				rs.getString("template_version"), rs.getString("article"), rs.getString("article_id"),
				rs.getString("article_url"), State.valueOf(rs.getString("state")), rs.getString("waiting_reason"),
				rs.getString("cursor_user_id"), rs.getTimestamp("not_before").toInstant());
	}

}
