package vn.loa.channels.sms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import vn.loa.audience.SegmentSpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The durable broadcast jobs ({@code sms_broadcast}): one row per publication and
 * segment, with the keyset cursor and a lease so that one node at a time runs a job.
 */
@Repository
class SmsBroadcasts {

	enum State {

		QUEUED, RUNNING, WAITING, DONE, CANCELLED

	}

	record Job(long id, long publicationId, String target, SegmentSpec segment, String body, String templateVersion,
			boolean urgent, State state, long cursor, Instant notBefore, int batches) {

	}

	private static final String COLUMNS = "id, publication_id, target, area_prefixes, topic, body, template_version, "
			+ "urgent, state, cursor_subscriber_id, not_before, batches";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	SmsBroadcasts(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Creates the job for a dispatch, once: a repeated dispatch of the same publication
	 * and target finds the job it made before.
	 */
	long enqueue(long publicationId, String target, SegmentSpec segment, String body, String templateVersion,
			boolean urgent, Instant notBefore) {
		Timestamp now = now();
		this.jdbc.update("insert into sms_broadcast (publication_id, target, area_prefixes, topic, body, "
				+ "template_version, urgent, state, not_before, created_at, updated_at) select ?, ?, ?, ?, ?, ?, ?, "
				+ "'QUEUED', ?, ?, ? where not exists (select 1 from sms_broadcast where publication_id = ? and "
				+ "target = ?)", publicationId, target, String.join(",", segment.areaPrefixes()), segment.topic(), body,
				templateVersion, urgent, Timestamp.from(notBefore), now, now, publicationId, target);
		return this.jdbc.queryForObject("select id from sms_broadcast where publication_id = ? and target = ?",
				Long.class, publicationId, target);
	}

	/** Jobs that may run now and whose lease is free or expired. */
	List<Long> runnable(int limit) {
		Timestamp now = now();
		return this.jdbc.queryForList("select id from sms_broadcast where state in ('QUEUED', 'RUNNING', 'WAITING') "
				+ "and not_before <= ? and (locked_until is null or locked_until < ?) order by id fetch first ? rows only",
				Long.class, now, now, limit);
	}

	/** Takes or renews the lease; false when another node holds it. */
	boolean lease(long id, String node, java.time.Duration duration) {
		Timestamp now = now();
		return this.jdbc.update(
				"update sms_broadcast set locked_by = ?, locked_until = ?, updated_at = ? "
						+ "where id = ? and (locked_until is null or locked_until < ? or locked_by = ?)",
				node, Timestamp.from(now.toInstant().plus(duration)), now, id, now, node) == 1;
	}

	void release(long id, String node) {
		this.jdbc.update(
				"update sms_broadcast set locked_by = null, locked_until = null where id = ? and locked_by = ?", id,
				node);
	}

	Optional<Job> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from sms_broadcast where id = ?", SmsBroadcasts::job, id)
			.stream()
			.findFirst();
	}

	Optional<Job> findByPublication(long publicationId, String target) {
		return this.jdbc
			.query("select " + COLUMNS + " from sms_broadcast where publication_id = ? and target = ?",
					SmsBroadcasts::job, publicationId, target)
			.stream()
			.findFirst();
	}

	void markRunning(long id) {
		this.jdbc.update("update sms_broadcast set state = 'RUNNING', updated_at = ? where id = ? and state in "
				+ "('QUEUED', 'WAITING', 'RUNNING')", now(), id);
	}

	/** Advances the cursor past a batch that is fully recorded. */
	void advance(long id, long cursor) {
		this.jdbc.update("update sms_broadcast set cursor_subscriber_id = ?, batches = batches + 1, updated_at = ? "
				+ "where id = ?", cursor, now(), id);
	}

	void waitUntil(long id, Instant notBefore) {
		this.jdbc.update("update sms_broadcast set state = 'WAITING', not_before = ?, updated_at = ? where id = ? "
				+ "and state in ('QUEUED', 'RUNNING', 'WAITING')", Timestamp.from(notBefore), now(), id);
	}

	void finish(long id) {
		Timestamp now = now();
		this.jdbc.update("update sms_broadcast set state = 'DONE', finished_at = ?, updated_at = ?, locked_by = null, "
				+ "locked_until = null where id = ?", now, now, id);
	}

	/** Stops a broadcast between batches; rows already written keep their statuses. */
	boolean cancel(long publicationId) {
		return this.jdbc.update("update sms_broadcast set state = 'CANCELLED', updated_at = ? where publication_id = ? "
				+ "and state in ('QUEUED', 'RUNNING', 'WAITING')", now(), publicationId) > 0;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static Job job(ResultSet rs, int row) throws SQLException {
		String prefixes = rs.getString("area_prefixes");
		List<String> areas = (prefixes == null || prefixes.isBlank()) ? List.of() : Arrays.asList(prefixes.split(","));
		return new Job(rs.getLong("id"), rs.getLong("publication_id"), rs.getString("target"),
				new SegmentSpec(areas, rs.getString("topic")), rs.getString("body"), rs.getString("template_version"),
				rs.getBoolean("urgent"), State.valueOf(rs.getString("state")), rs.getLong("cursor_subscriber_id"),
				rs.getTimestamp("not_before").toInstant(), rs.getInt("batches"));
	}

}
