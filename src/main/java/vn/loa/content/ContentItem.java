package vn.loa.content;

import java.time.Instant;

public record ContentItem(long id, String slug, ReviewState state, int currentVersion, String author,
		Integer approvedVersion, String approvedBy, Instant approvedAt, Instant createdAt, Instant updatedAt,
		ContentVersion current) {
}
