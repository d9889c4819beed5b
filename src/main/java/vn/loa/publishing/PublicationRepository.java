package vn.loa.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PublicationRepository {

	private static final String COLUMNS = "id, content_id, content_version, state, scheduled_at, urgent, options, "
			+ "created_by, created_at, approved_by, approved_at, fired_at, completed_at, cancelled_by, cancelled_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PublicationRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(long contentId, int version, PublicationState state, Instant scheduledAt, boolean urgent,
			Map<String, String> options, List<Target> targets, String actor, Instant now, String approvedBy) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into publication (content_id, content_version, state, scheduled_at, urgent, options, "
					+ "created_by, created_at, approved_by, approved_at) values (:content, :version, :state, "
					+ ":at, :urgent, :options, :actor, :now, :approver, :approvedAt)")
			.param("content", contentId)
			.param("version", version)
			.param("state", state.name())
			.param("at", Timestamp.from(scheduledAt))
			.param("urgent", urgent)
			.param("options", this.json.writeValueAsString(options))
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.param("approver", approvedBy)
			.param("approvedAt", (approvedBy != null) ? Timestamp.from(now) : null)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (Target target : targets) {
			this.jdbc
				.sql("insert into publication_target (publication_id, channel, target) values (:id, :channel, :target)")
				.param("id", id)
				.param("channel", target.channel())
				.param("target", target.target())
				.update();
		}
		return id;
	}

	Optional<Publication> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from publication where id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	List<Publication> list(PublicationState state, Long contentId, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from publication where (cast(:state as varchar) is null or state = :state) "
					+ "and (cast(:content as bigint) is null or content_id = :content) order by id desc limit :limit")
			.param("state", (state != null) ? state.name() : null)
			.param("content", contentId)
			.param("limit", limit)
			.query(this::row)
			.list();
	}

	/**
	 * Publications that were or are to be sent in [from, to): by the time they went out,
	 * or else the time they are scheduled for; cancelled ones are left out.
	 */
	List<Publication> between(Instant from, Instant to, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from publication where state <> 'CANCELLED' and "
					+ "coalesce(fired_at, scheduled_at) >= :from and coalesce(fired_at, scheduled_at) < :to "
					+ "order by coalesce(fired_at, scheduled_at), id limit :limit")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.query(this::row)
			.list();
	}

	List<Long> due(Instant now, Instant staleDispatch) {
		return this.jdbc
			.sql("select id from publication where (state = 'SCHEDULED' and scheduled_at <= :now) "
					+ "or (state = 'DISPATCHING' and fired_at < :stale) order by scheduled_at, id")
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(staleDispatch))
			.query(Long.class)
			.list();
	}

	/** Moves a publication that has not been fired yet to another time. */
	boolean reschedule(long id, Instant at) {
		return this.jdbc
			.sql("update publication set scheduled_at = :at where id = :id and state in ('AWAITING_APPROVAL', "
					+ "'SCHEDULED')")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() > 0;
	}

	List<Long> pendingFor(long contentId) {
		return this.jdbc
			.sql("select id from publication where content_id = :content and state in ('AWAITING_APPROVAL', "
					+ "'SCHEDULED')")
			.param("content", contentId)
			.query(Long.class)
			.list();
	}

	/**
	 * Moves a publication from one state to another only if it is still in {@code from}.
	 */
	boolean transition(long id, PublicationState from, PublicationState to, String column, String actor, Instant now) {
		String actorColumn = switch (column) {
			case "approved_at" -> ", approved_by = :actor";
			case "cancelled_at" -> ", cancelled_by = :actor";
			default -> "";
		};
		var spec = this.jdbc
			.sql("update publication set state = :to, " + column + " = :now" + actorColumn
					+ " where id = :id and state = :from")
			.param("to", to.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("from", from.name());
		if (!actorColumn.isEmpty()) {
			spec = spec.param("actor", actor);
		}
		return spec.update() > 0;
	}

	/**
	 * Re-claims a publication whose dispatch was interrupted, so only one node resumes
	 * it.
	 */
	boolean reclaim(long id, Instant firedBefore, Instant now) {
		return this.jdbc
			.sql("update publication set fired_at = :now where id = :id and state = 'DISPATCHING' "
					+ "and fired_at < :before")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("before", Timestamp.from(firedBefore))
			.update() > 0;
	}

	private List<Target> targets(long id) {
		return this.jdbc
			.sql("select channel, target from publication_target where publication_id = :id order by channel, target")
			.param("id", id)
			.query((rs, n) -> new Target(rs.getString(1), rs.getString(2)))
			.list();
	}

	private Publication row(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		return new Publication(id, rs.getLong("content_id"), rs.getInt("content_version"),
				PublicationState.valueOf(rs.getString("state")), instant(rs, "scheduled_at"), rs.getBoolean("urgent"),
				this.json.readValue(rs.getString("options"), new TypeReference<Map<String, String>>() {
				}), targets(id), rs.getString("created_by"), instant(rs, "created_at"), rs.getString("approved_by"),
				instant(rs, "approved_at"), instant(rs, "fired_at"), instant(rs, "completed_at"),
				rs.getString("cancelled_by"), instant(rs, "cancelled_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return (ts != null) ? ts.toInstant() : null;
	}

}
