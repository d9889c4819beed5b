package vn.loa.content;

import java.time.Instant;
import java.util.List;

public record ContentVersion(long contentId, int version, String slug, String title, String summary, String body,
		String topic, List<Audience> audiences, List<String> areas, List<Link> links, List<ImageRef> images,
		String createdBy, Instant createdAt) {
}
