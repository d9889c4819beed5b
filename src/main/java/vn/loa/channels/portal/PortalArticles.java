package vn.loa.channels.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's published articles. One row per content item under the item's slug:
 * publishing a newer version replaces the text, so links that readers shared keep
 * working.
 */
@Repository
class PortalArticles {

	private static final String COLUMNS = "id, slug, content_id, content_version, publication_id, title, summary,"
			+ " topic, body_html, published_at, updated_at";

	private final JdbcClient jdbc;

	PortalArticles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Makes the article visible (again) and returns it. */
	@Transactional
	PortalArticle publish(long contentId, int contentVersion, String slug, Long publicationId, String title,
			String summary, String topic, String bodyHtml, Instant now) {
		Optional<PortalArticle> existing = this.jdbc
			.sql("select " + COLUMNS + " from portal_article where content_id = ?")
			.param(contentId)
			.query(PortalArticles::map)
			.optional();
		if (existing.isPresent()) {
			this.jdbc
				.sql("update portal_article set content_version = ?, publication_id = ?, title = ?, summary = ?,"
						+ " topic = ?, body_html = ?, updated_at = ?, withdrawn_at = null where content_id = ?")
				.params(contentVersion, publicationId, title, summary, topic, bodyHtml, Timestamp.from(now), contentId)
				.update();
		}
		else {
			this.jdbc
				.sql("insert into portal_article (slug, content_id, content_version, publication_id, title, summary,"
						+ " topic, body_html, published_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(slug, contentId, contentVersion, publicationId, title, summary, topic, bodyHtml,
						Timestamp.from(now), Timestamp.from(now))
				.update();
		}
		return this.jdbc.sql("select " + COLUMNS + " from portal_article where content_id = ?")
			.param(contentId)
			.query(PortalArticles::map)
			.single();
	}

	/** Hides the content item's article from pages and feeds; true if one was visible. */
	@Transactional
	boolean withdraw(long contentId, Instant now) {
		return this.jdbc.sql("update portal_article set withdrawn_at = ? where content_id = ? and withdrawn_at is null")
			.params(Timestamp.from(now), contentId)
			.update() > 0;
	}

	Optional<PortalArticle> visibleBySlug(String slug) {
		return this.jdbc.sql("select " + COLUMNS + " from portal_article where slug = ? and withdrawn_at is null")
			.param(slug)
			.query(PortalArticles::map)
			.optional();
	}

	Optional<PortalArticle> visibleByContent(long contentId) {
		return this.jdbc.sql("select " + COLUMNS + " from portal_article where content_id = ? and withdrawn_at is null")
			.param(contentId)
			.query(PortalArticles::map)
			.optional();
	}

	/** Newest first; {@code topic} null means every topic. */
	List<PortalArticle> visible(String topic, int limit) {
		String where = (topic != null) ? " and topic = :topic" : "";
		JdbcClient.StatementSpec spec = this.jdbc
			.sql("select " + COLUMNS + " from portal_article" + " where withdrawn_at is null" + where
					+ " order by published_at desc, id desc limit :limit")
			.param("limit", limit);
		if (topic != null) {
			spec = spec.param("topic", topic);
		}
		return spec.query(PortalArticles::map).list();
	}

	/**
	 * What the feeds depend on: the last time any article was published, replaced or
	 * withdrawn, and how many are visible. One small query, asked before a feed is
	 * rendered, so an unchanged feed answers 304 without rendering.
	 */
	FeedState feedState() {
		return this.jdbc
			.sql("select max(updated_at) as updated, max(withdrawn_at) as withdrawn,"
					+ " sum(case when withdrawn_at is null then 1 else 0 end) as visible from portal_article")
			.query((rs, row) -> {
				Timestamp updated = rs.getTimestamp("updated");
				Timestamp withdrawn = rs.getTimestamp("withdrawn");
				Instant last = Instant.EPOCH;
				if (updated != null && updated.toInstant().isAfter(last)) {
					last = updated.toInstant();
				}
				if (withdrawn != null && withdrawn.toInstant().isAfter(last)) {
					last = withdrawn.toInstant();
				}
				return new FeedState(last, rs.getLong("visible"));
			})
			.single();
	}

	record FeedState(Instant lastChange, long visible) {
	}

	List<String> visibleTopics() {
		return this.jdbc
			.sql("select distinct topic from portal_article where withdrawn_at is null and topic is not null"
					+ " order by topic")
			.query(String.class)
			.list();
	}

	private static PortalArticle map(ResultSet rs, int row) throws SQLException {
		long publication = rs.getLong("publication_id");
		Long publicationId = rs.wasNull() ? null : publication;
		return new PortalArticle(rs.getLong("id"), rs.getString("slug"), rs.getLong("content_id"),
				rs.getInt("content_version"), publicationId, rs.getString("title"), rs.getString("summary"),
				rs.getString("topic"), rs.getString("body_html"), rs.getTimestamp("published_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
