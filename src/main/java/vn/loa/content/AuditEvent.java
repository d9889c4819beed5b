package vn.loa.content;

import java.time.Instant;

public record AuditEvent(String subjectType, long subjectId, String action, String actor, String detail,
		Instant occurredAt) {
}
