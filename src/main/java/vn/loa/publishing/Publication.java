package vn.loa.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record Publication(long id, long contentId, int contentVersion, PublicationState state, Instant scheduledAt,
		boolean urgent, Map<String, String> options, List<Target> targets, String createdBy, Instant createdAt,
		String approvedBy, Instant approvedAt, Instant firedAt, Instant completedAt, String cancelledBy,
		Instant cancelledAt) {
}
