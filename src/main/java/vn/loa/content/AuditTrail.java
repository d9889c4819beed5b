package vn.loa.content;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Who did what and when, for content items and for the publications made of them. */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(String subjectType, long subjectId, String action, String actor, String detail) {
		this.jdbc
			.sql("insert into audit_event (subject_type, subject_id, action, actor, detail, occurred_at) "
					+ "values (:type, :id, :action, :actor, :detail, :now)")
			.param("type", subjectType)
			.param("id", subjectId)
			.param("action", action)
			.param("actor", actor)
			.param("detail", detail)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	public List<AuditEvent> events(String subjectType, long subjectId) {
		return this.jdbc
			.sql("select subject_type, subject_id, action, actor, detail, occurred_at from audit_event "
					+ "where subject_type = :type and subject_id = :id order by id")
			.param("type", subjectType)
			.param("id", subjectId)
			.query((rs, n) -> new AuditEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

}
