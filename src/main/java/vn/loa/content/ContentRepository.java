package vn.loa.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ContentRepository {

	private static final String ITEM_COLUMNS = "i.id, i.slug, i.state, i.current_version, i.author, i.approved_version, "
			+ "i.approved_by, i.approved_at, i.created_at, i.updated_at";

	private static final String VERSION_COLUMNS = "v.content_id, v.version, v.title, v.summary, v.body, v.topic, "
			+ "v.audiences, v.areas, v.links, v.images, v.created_by, v.created_at as version_created_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ContentRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insertItem(String slug, String author, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into content_item (slug, state, current_version, author, created_at, updated_at) "
					+ "values (:slug, 'DRAFT', 1, :author, :now, :now)")
			.param("slug", slug)
			.param("author", author)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertVersion(long contentId, int version, ContentDraft draft, List<ImageRef> images, String actor,
			Instant now) {
		this.jdbc
			.sql("insert into content_version (content_id, version, title, summary, body, topic, audiences, "
					+ "areas, links, images, created_by, created_at) values (:id, :version, :title, :summary, :body, "
					+ ":topic, :audiences, :areas, :links, :images, :actor, :now)")
			.param("id", contentId)
			.param("version", version)
			.param("title", draft.title())
			.param("summary", draft.summary())
			.param("body", draft.body())
			.param("topic", draft.topic())
			.param("audiences", this.json.writeValueAsString(draft.audiences()))
			.param("areas", this.json.writeValueAsString(draft.areas()))
			.param("links", this.json.writeValueAsString(draft.links()))
			.param("images", this.json.writeValueAsString(images))
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean slugExists(String slug) {
		return this.jdbc.sql("select count(*) from content_item where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single() > 0;
	}

	Optional<ContentItem> find(long id) {
		return this.jdbc
			.sql("select " + ITEM_COLUMNS + ", " + VERSION_COLUMNS + " from content_item i join content_version v "
					+ "on v.content_id = i.id and v.version = i.current_version where i.id = :id")
			.param("id", id)
			.query(this::item)
			.optional();
	}

	Map<Long, String> titles(java.util.Collection<Long> ids) {
		Map<Long, String> titles = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return titles;
		}
		this.jdbc
			.sql("select i.id, v.title from content_item i join content_version v "
					+ "on v.content_id = i.id and v.version = i.current_version where i.id in (:ids)")
			.param("ids", List.copyOf(new java.util.LinkedHashSet<>(ids)))
			.query(rs -> {
				titles.put(rs.getLong(1), rs.getString(2));
			});
		return titles;
	}

	Optional<ContentItem> findBySlug(String slug) {
		return this.jdbc
			.sql("select " + ITEM_COLUMNS + ", " + VERSION_COLUMNS + " from content_item i join content_version v "
					+ "on v.content_id = i.id and v.version = i.current_version where i.slug = :slug")
			.param("slug", slug)
			.query(this::item)
			.optional();
	}

	List<ContentItem> list(ReviewState state, String topic, int limit, int offset) {
		return this.jdbc
			.sql("select " + ITEM_COLUMNS + ", " + VERSION_COLUMNS + " from content_item i join content_version v "
					+ "on v.content_id = i.id and v.version = i.current_version "
					+ "where (cast(:state as varchar) is null or i.state = :state) "
					+ "and (cast(:topic as varchar) is null or v.topic = :topic) "
					+ "order by i.updated_at desc, i.id desc limit :limit offset :offset")
			.param("state", (state != null) ? state.name() : null)
			.param("topic", topic)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::item)
			.list();
	}

	/** Items whose current title, summary or body holds the query, diacritics folded. */
	List<ContentItem> search(String query, int limit) {
		return this.jdbc
			.sql("select " + ITEM_COLUMNS + ", " + VERSION_COLUMNS + " from content_item i join content_version v "
					+ "on v.content_id = i.id and v.version = i.current_version where "
					+ vn.loa.common.Folding.sql("v.title") + " like :p escape '!' or "
					+ vn.loa.common.Folding.sql("v.summary") + " like :p escape '!' or "
					+ vn.loa.common.Folding.sql("v.body") + " like :p escape '!' "
					+ "order by i.updated_at desc, i.id desc limit :limit")
			.param("p", vn.loa.common.Folding.containsPattern(query))
			.param("limit", limit)
			.query(this::item)
			.list();
	}

	Map<ReviewState, Long> countByState() {
		Map<ReviewState, Long> counts = new EnumMap<>(ReviewState.class);
		for (ReviewState state : ReviewState.values()) {
			counts.put(state, 0L);
		}
		this.jdbc.sql("select state, count(*) from content_item group by state").query(rs -> {
			counts.put(ReviewState.valueOf(rs.getString(1)), rs.getLong(2));
		});
		return counts;
	}

	Optional<ContentVersion> version(long contentId, int version) {
		return this.jdbc
			.sql("select i.slug, " + VERSION_COLUMNS + " from content_version v join content_item i "
					+ "on i.id = v.content_id where v.content_id = :id and v.version = :version")
			.param("id", contentId)
			.param("version", version)
			.query((rs, n) -> version(rs, rs.getString("slug")))
			.optional();
	}

	List<ContentVersion> versions(long contentId) {
		return this.jdbc
			.sql("select i.slug, " + VERSION_COLUMNS + " from content_version v join content_item i "
					+ "on i.id = v.content_id where v.content_id = :id order by v.version")
			.param("id", contentId)
			.query((rs, n) -> version(rs, rs.getString("slug")))
			.list();
	}

	void updateState(long id, ReviewState state, Instant now) {
		this.jdbc.sql("update content_item set state = :state, updated_at = :now where id = :id")
			.param("state", state.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void newVersion(long id, int version, Instant now) {
		this.jdbc
			.sql("update content_item set current_version = :version, state = 'DRAFT', updated_at = :now "
					+ "where id = :id")
			.param("version", version)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void approve(long id, int version, String approver, Instant now) {
		this.jdbc
			.sql("update content_item set state = 'APPROVED', approved_version = :version, approved_by = :approver, "
					+ "approved_at = :now, updated_at = :now where id = :id")
			.param("version", version)
			.param("approver", approver)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	private ContentItem item(ResultSet rs, int row) throws SQLException {
		String slug = rs.getString("slug");
		int approved = rs.getInt("approved_version");
		Integer approvedVersion = rs.wasNull() ? null : approved;
		return new ContentItem(rs.getLong("id"), slug, ReviewState.valueOf(rs.getString("state")),
				rs.getInt("current_version"), rs.getString("author"), approvedVersion, rs.getString("approved_by"),
				instant(rs, "approved_at"), instant(rs, "created_at"), instant(rs, "updated_at"), version(rs, slug));
	}

	private ContentVersion version(ResultSet rs, String slug) throws SQLException {
		return new ContentVersion(rs.getLong("content_id"), rs.getInt("version"), slug, rs.getString("title"),
				rs.getString("summary"), rs.getString("body"), rs.getString("topic"),
				this.json.readValue(rs.getString("audiences"), new TypeReference<List<Audience>>() {
				}), this.json.readValue(rs.getString("areas"), new TypeReference<List<String>>() {
				}), this.json.readValue(rs.getString("links"), new TypeReference<List<Link>>() {
				}), this.json.readValue(rs.getString("images"), new TypeReference<List<ImageRef>>() {
				}), rs.getString("created_by"), instant(rs, "version_created_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return (ts != null) ? ts.toInstant() : null;
	}

}
