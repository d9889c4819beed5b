package vn.loa.channels.portal;

import java.time.Instant;

/**
 * An article as the public portal shows it: the sanitised HTML is stored, not re-rendered
 * per request, so what readers see is exactly what was published.
 */
record PortalArticle(long id, String slug, long contentId, int contentVersion, Long publicationId, String title,
		String summary, String topic, String bodyHtml, Instant publishedAt, Instant updatedAt) {

}
