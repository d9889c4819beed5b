package vn.loa.channels.wordpress.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Two WordPress sites for sandbox mode that answer as current WordPress does (checked
 * against Debian's 6.1.9): {@code /sandbox/wordpress} with pretty permalinks and
 * {@code /sandbox/wordpress/plain} with plain ones, where {@code /wp-json/} is only the
 * front page and the API answers under {@code ?rest_route=}. Both announce their API root
 * in a {@code Link} header, check application passwords (Basic), and answer with
 * WordPress's shapes and its error envelope {@code {code, message, data:{status}}}:
 * <ul>
 * <li>a wrong password is 401 {@code rest_cannot_create} / {@code rest_cannot_edit} /
 * {@code rest_cannot_delete} (WordPress no longer says {@code incorrect_password}), and
 * {@code GET /wp/v2/users/me} 401 {@code rest_not_logged_in};</li>
 * <li>{@code date} wins over {@code date_gmt}, and is read in the site's own zone;</li>
 * <li>{@code future} needs a time ahead (else it is published at once), and
 * {@code publish} with a time ahead becomes {@code future};</li>
 * <li>a published post has a pretty link ({@code /2026/12/02/slug/}) that becomes
 * {@code ?p=<id>} in the trash, as a scheduled post's is;</li>
 * <li>{@code DELETE} without {@code force} moves to the trash, again is 410
 * {@code rest_already_trashed}, an unknown post 404 {@code rest_post_invalid_id};</li>
 * <li>an author's markup is filtered (as kses would), a contributor may not publish (403
 * {@code rest_cannot_publish}).</li>
 * </ul>
 * The real client talks to it, so sandbox runs exercise the same code as live runs.
 */
@RestController
@RequestMapping("/sandbox/wordpress")
@ConditionalOnProperty(prefix = "loa.channels.wordpress", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class WordPressSimulator {

	private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private static final DateTimeFormatter PERMALINK_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

	private static final Set<String> STATUSES = Set.of("publish", "future", "draft", "pending", "private");

	private static final Pattern POST_ROUTE = Pattern.compile("/wp/v2/posts/(\\d+)/?");

	private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)\\b[^>]*>");

	private static final Set<String> KSES_TITLE_TAGS = Set.of("a", "abbr", "acronym", "b", "blockquote", "cite", "code",
			"del", "em", "i", "q", "s", "strike", "strong");

	private static final Set<String> KSES_DROPPED_TAGS = Set.of("script", "style", "iframe", "object", "embed", "form",
			"input", "button", "textarea", "select", "svg", "math");

	private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("\\s+on[a-z]+\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)",
			Pattern.CASE_INSENSITIVE);

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	private final WordPressSandboxProperties properties;

	WordPressSimulator(JdbcClient jdbc, JsonMapper jsonMapper, WordPressSandboxProperties properties) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.properties = properties;
	}

	/** The two simulated sites. */
	enum Site {

		PRETTY(""), PLAIN("/plain");

		private final String path;

		Site(String path) {
			this.path = path;
		}

		String home() {
			return ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/sandbox/wordpress" + this.path)
				.toUriString();
		}

		String apiRoot() {
			return (this == PRETTY) ? home() + "/wp-json/" : home() + "/index.php?rest_route=/";
		}

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** An account the sites know. */
	record User(long id, String username, String role) {

		boolean mayPublish() {
			return !"contributor".equals(this.role);
		}

		/** Administrators and editors may post unfiltered HTML. */
		boolean unfiltered() {
			return "administrator".equals(this.role) || "editor".equals(this.role);
		}

	}

	// The site with pretty permalinks.

	@GetMapping({ "", "/" })
	ResponseEntity<String> frontPage() {
		return page(Site.PRETTY);
	}

	@GetMapping({ "/wp-json", "/wp-json/" })
	ResponseEntity<Map<String, Object>> index() {
		return ResponseEntity.ok(index(Site.PRETTY));
	}

	@PostMapping("/wp-json/wp/v2/posts")
	ResponseEntity<Map<String, Object>> create(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) byte[] body) {
		return create(Site.PRETTY, user(authorization), body);
	}

	@GetMapping("/wp-json/wp/v2/posts")
	List<Map<String, Object>> list() {
		return list(Site.PRETTY);
	}

	@GetMapping("/wp-json/wp/v2/posts/{id}")
	ResponseEntity<Map<String, Object>> one(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable long id) {
		return one(Site.PRETTY, user(authorization), id);
	}

	@PostMapping("/wp-json/wp/v2/posts/{id}")
	ResponseEntity<Map<String, Object>> update(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable long id, @RequestBody(required = false) byte[] body) {
		return update(Site.PRETTY, user(authorization), id, body);
	}

	@DeleteMapping("/wp-json/wp/v2/posts/{id}")
	ResponseEntity<Map<String, Object>> trash(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable long id) {
		return trash(Site.PRETTY, user(authorization), id);
	}

	@GetMapping("/wp-json/wp/v2/users/me")
	ResponseEntity<Map<String, Object>> me(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return me(user(authorization));
	}

	// The site with plain permalinks: the API only under ?rest_route=.

	@RequestMapping({ "/plain", "/plain/", "/plain/index.php" })
	ResponseEntity<?> plain(HttpServletRequest request,
			@RequestParam(name = "rest_route", required = false) String route,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) byte[] body) {
		if (route == null) {
			return page(Site.PLAIN);
		}
		User user = user(authorization);
		String method = request.getMethod();
		if (route.equals("/") || route.isEmpty()) {
			return ResponseEntity.ok(index(Site.PLAIN));
		}
		if (route.matches("/wp/v2/posts/?")) {
			return "POST".equals(method) ? create(Site.PLAIN, user, body) : ResponseEntity.ok(list(Site.PLAIN));
		}
		Matcher post = POST_ROUTE.matcher(route);
		if (post.matches()) {
			long id = Long.parseLong(post.group(1));
			return switch (method) {
				case "POST", "PUT", "PATCH" -> update(Site.PLAIN, user, id, body);
				case "DELETE" -> trash(Site.PLAIN, user, id);
				default -> one(Site.PLAIN, user, id);
			};
		}
		if (route.matches("/wp/v2/users/me/?")) {
			return me(user);
		}
		return error(HttpStatus.NOT_FOUND, "rest_no_route", "No route was found matching the URL and request method.");
	}

	/**
	 * Without rewrite rules, {@code /wp-json/…} is an ordinary request for the front
	 * page.
	 */
	@RequestMapping("/plain/wp-json/**")
	ResponseEntity<String> plainWpJson() {
		return page(Site.PLAIN);
	}

	private ResponseEntity<String> page(Site site) {
		return ResponseEntity.ok()
			.header(HttpHeaders.LINK, "<" + site.apiRoot() + ">; rel=\"https://api.w.org/\"")
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body("<!DOCTYPE html><html lang=\"vi\"><head><title>Sở Nội vụ (sandbox)</title></head>"
					+ "<body><h1>Sở Nội vụ</h1></body></html>");
	}

	private Map<String, Object> index(Site site) {
		Map<String, Object> index = new LinkedHashMap<>();
		index.put("name", "Sở Nội vụ (sandbox)");
		index.put("url", site.home());
		index.put("home", site.home());
		index.put("timezone_string", this.properties.timeZone().getId());
		index.put("namespaces", List.of("oembed/1.0", "wp/v2"));
		return index;
	}

	private ResponseEntity<Map<String, Object>> create(Site site, User user, byte[] body) {
		if (user == null) {
			return error(HttpStatus.UNAUTHORIZED, "rest_cannot_create",
					"Sorry, you are not allowed to create posts as this user.");
		}
		JsonNode json = json(body);
		if (json == null) {
			return error(HttpStatus.BAD_REQUEST, "rest_invalid_json", "Invalid JSON body passed.");
		}
		String title = filtered(user, json.path("title").asString(""), true);
		String content = filtered(user, json.path("content").asString(""), false);
		String excerpt = filtered(user, json.path("excerpt").asString(""), true);
		if (title.isBlank() && content.isBlank() && excerpt.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, "empty_content", "Content, title, and excerpt are empty.");
		}
		String status = json.path("status").asString("draft");
		if (!STATUSES.contains(status)) {
			return error(HttpStatus.BAD_REQUEST, "rest_invalid_param", "Invalid parameter(s): status");
		}
		if (("publish".equals(status) || "future".equals(status)) && !user.mayPublish()) {
			return error(HttpStatus.FORBIDDEN, "rest_cannot_publish",
					"Sorry, you are not allowed to publish posts in this post type.");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant when;
		try {
			when = postDate(json, now);
		}
		catch (DateTimeParseException ex) {
			return error(HttpStatus.BAD_REQUEST, "rest_invalid_param", "Invalid parameter(s): date");
		}
		status = effectiveStatus(status, when, now);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into sandbox_wordpress_post (site, author, title, content, excerpt, status, slug, date_local,"
					+ " date_gmt, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(site.key(), user.username(), title, content, excerpt, status, uniqueSlug(site, title), local(when),
					gmt(when), Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, site.apiRoot() + "wp/v2/posts/" + id)
			.body(find(site, id));
	}

	private ResponseEntity<Map<String, Object>> update(Site site, User user, long id, byte[] body) {
		Map<String, Object> post = find(site, id);
		if (post == null) {
			return error(HttpStatus.NOT_FOUND, "rest_post_invalid_id", "Invalid post ID.");
		}
		if (user == null) {
			return error(HttpStatus.UNAUTHORIZED, "rest_cannot_edit", "Sorry, you are not allowed to edit this post.");
		}
		JsonNode json = json(body);
		if (json == null) {
			return error(HttpStatus.BAD_REQUEST, "rest_invalid_json", "Invalid JSON body passed.");
		}
		String status = json.has("status") ? json.path("status").asString() : (String) post.get("status");
		if (!STATUSES.contains(status) && !"trash".equals(status)) {
			return error(HttpStatus.BAD_REQUEST, "rest_invalid_param", "Invalid parameter(s): status");
		}
		if (("publish".equals(status) || "future".equals(status)) && !user.mayPublish()) {
			return error(HttpStatus.FORBIDDEN, "rest_cannot_publish",
					"Sorry, you are not allowed to publish posts in this post type.");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant when;
		try {
			when = (json.hasNonNull("date") || json.hasNonNull("date_gmt")) ? postDate(json, now)
					: LocalDateTime.parse((String) post.get("date_gmt")).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return error(HttpStatus.BAD_REQUEST, "rest_invalid_param", "Invalid parameter(s): date");
		}
		status = effectiveStatus(status, when, now);
		this.jdbc
			.sql("update sandbox_wordpress_post set title = coalesce(?, title), content = coalesce(?, content),"
					+ " excerpt = coalesce(?, excerpt), status = ?, date_local = ?, date_gmt = ? where id = ?")
			.params(json.has("title") ? filtered(user, json.path("title").asString(""), true) : null,
					json.has("content") ? filtered(user, json.path("content").asString(""), false) : null,
					json.has("excerpt") ? filtered(user, json.path("excerpt").asString(""), true) : null, status,
					local(when), gmt(when), id)
			.update();
		return ResponseEntity.ok(find(site, id));
	}

	private List<Map<String, Object>> list(Site site) {
		return this.jdbc
			.sql("select id from sandbox_wordpress_post where site = ? and status = 'publish' order by id desc")
			.param(site.key())
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> find(site, id))
			.toList();
	}

	/** Published posts are public; a scheduled or trashed one only to a known account. */
	private ResponseEntity<Map<String, Object>> one(Site site, User user, long id) {
		Map<String, Object> post = find(site, id);
		if (post == null) {
			return error(HttpStatus.NOT_FOUND, "rest_post_invalid_id", "Invalid post ID.");
		}
		if (user == null && !"publish".equals(post.get("status"))) {
			return error(HttpStatus.UNAUTHORIZED, "rest_forbidden", "Sorry, you are not allowed to do that.");
		}
		return ResponseEntity.ok(post);
	}

	/**
	 * Like WordPress without {@code force}: the post goes to the trash and comes back
	 * with {@code "status":"trash"} and a {@code ?p=} link; a second delete is 410
	 * {@code rest_already_trashed}. An unknown post is 404 before anyone's rights are
	 * looked at.
	 */
	private ResponseEntity<Map<String, Object>> trash(Site site, User user, long id) {
		Map<String, Object> post = find(site, id);
		if (post == null) {
			return error(HttpStatus.NOT_FOUND, "rest_post_invalid_id", "Invalid post ID.");
		}
		if (user == null) {
			return error(HttpStatus.UNAUTHORIZED, "rest_cannot_delete",
					"Sorry, you are not allowed to delete this post.");
		}
		if (!user.mayPublish()) {
			return error(HttpStatus.FORBIDDEN, "rest_cannot_delete", "Sorry, you are not allowed to delete this post.");
		}
		int changed = this.jdbc
			.sql("update sandbox_wordpress_post set status = 'trash', slug = slug || '__trashed' where id = ?"
					+ " and status <> 'trash'")
			.param(id)
			.update();
		if (changed == 0) {
			return error(HttpStatus.GONE, "rest_already_trashed", "The post has already been deleted.");
		}
		return ResponseEntity.ok(find(site, id));
	}

	private ResponseEntity<Map<String, Object>> me(User user) {
		if (user == null) {
			return error(HttpStatus.UNAUTHORIZED, "rest_not_logged_in", "You are not currently logged in.");
		}
		Map<String, Object> me = new LinkedHashMap<>();
		me.put("id", user.id());
		me.put("name", user.username());
		me.put("slug", user.username());
		me.put("roles", List.of(user.role()));
		me.put("capabilities", Map.of("publish_posts", user.mayPublish(), "unfiltered_html", user.unfiltered()));
		return ResponseEntity.ok(me);
	}

	private static String effectiveStatus(String status, Instant when, Instant now) {
		// Like WordPress: a "future" post whose time has already come is published at
		// once, and a "publish" post dated in the future becomes "future".
		if ("future".equals(status) && !when.isAfter(now)) {
			return "publish";
		}
		if ("publish".equals(status) && when.isAfter(now)) {
			return "future";
		}
		return status;
	}

	/** Like WordPress: {@code date} (in the site's zone) wins over {@code date_gmt}. */
	private Instant postDate(JsonNode json, Instant now) {
		if (json.hasNonNull("date")) {
			return LocalDateTime.parse(json.get("date").asString()).atZone(this.properties.timeZone()).toInstant();
		}
		if (json.hasNonNull("date_gmt")) {
			return LocalDateTime.parse(json.get("date_gmt").asString()).toInstant(ZoneOffset.UTC);
		}
		return now;
	}

	private String local(Instant when) {
		return WORDPRESS_DATE.format(LocalDateTime.ofInstant(when, this.properties.timeZone()));
	}

	private static String gmt(Instant when) {
		return WORDPRESS_DATE.format(LocalDateTime.ofInstant(when, ZoneOffset.UTC));
	}

	/**
	 * What kses leaves of an author's text: in titles and excerpts only a few inline
	 * tags, in the content no scripts, embeds or event handlers (their text stays, as
	 * with kses). Administrators and editors keep everything.
	 */
	private static String filtered(User user, String text, boolean inline) {
		if (user.unfiltered()) {
			return text;
		}
		StringBuilder out = new StringBuilder();
		Matcher tag = TAG.matcher(text);
		int last = 0;
		while (tag.find()) {
			out.append(text, last, tag.start());
			String name = tag.group(1).toLowerCase(Locale.ROOT);
			boolean kept = inline ? KSES_TITLE_TAGS.contains(name) : !KSES_DROPPED_TAGS.contains(name);
			if (kept) {
				out.append(EVENT_ATTRIBUTE.matcher(tag.group()).replaceAll(""));
			}
			last = tag.end();
		}
		return out.append(text, last, text.length()).toString();
	}

	/** WordPress's {@code sanitize_title}, roughly: no accents, no entities, dashes. */
	private String uniqueSlug(Site site, String title) {
		String plain = Normalizer
			.normalize(title.replaceAll("&#?[A-Za-z0-9]+;", "").replaceAll("<[^>]*>", ""), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('đ', 'd')
			.replace('Đ', 'D')
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-|-$", "");
		String base = plain.isEmpty() ? "post" : plain;
		String slug = base;
		for (int n = 2; taken(site, slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private boolean taken(Site site, String slug) {
		return this.jdbc.sql("select count(*) from sandbox_wordpress_post where site = ? and slug = ?")
			.params(site.key(), slug)
			.query(Long.class)
			.single() > 0;
	}

	private JsonNode json(byte[] body) {
		try {
			JsonNode json = this.jsonMapper.readTree((body != null) ? body : new byte[0]);
			return (json != null && json.isObject()) ? json : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The account whose application password the header carries, or null. */
	private User user(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			return null;
		}
		String username = decoded.substring(0, colon);
		// WordPress ignores the spaces it shows when it hands out an application
		// password.
		String password = decoded.substring(colon + 1).replace(" ", "");
		List<User> users = new ArrayList<>();
		List<String> passwords = new ArrayList<>();
		users.add(new User(1, this.properties.username(), "administrator"));
		passwords.add(this.properties.applicationPassword());
		long id = 2;
		for (WordPressSandboxProperties.Account account : this.properties.accounts()) {
			users.add(new User(id++, account.username(), account.role()));
			passwords.add(account.applicationPassword());
		}
		for (int i = 0; i < users.size(); i++) {
			if (users.get(i).username().equals(username)
					&& MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
							passwords.get(i).replace(" ", "").getBytes(StandardCharsets.UTF_8))) {
				return users.get(i);
			}
		}
		return null;
	}

	private Map<String, Object> find(Site site, long id) {
		return this.jdbc.sql("select * from sandbox_wordpress_post where id = ? and site = ?")
			.params(id, site.key())
			.query((rs, n) -> {
				String status = rs.getString("status");
				String local = rs.getString("date_local");
				Map<String, Object> post = new LinkedHashMap<>();
				post.put("id", rs.getLong("id"));
				post.put("date", local);
				post.put("date_gmt", rs.getString("date_gmt"));
				post.put("slug", rs.getString("slug"));
				post.put("status", status);
				post.put("type", "post");
				post.put("link", link(site, rs.getLong("id"), status, rs.getString("slug"), local));
				post.put("author", userId(rs.getString("author")));
				post.put("title", Map.of("raw", rs.getString("title"), "rendered", rs.getString("title")));
				post.put("content", Map.of("raw", rs.getString("content"), "rendered", rs.getString("content")));
				post.put("excerpt", Map.of("raw", rs.getString("excerpt"), "rendered",
						rs.getString("excerpt").isEmpty() ? "" : "<p>" + rs.getString("excerpt") + "</p>\n"));
				return post;
			})
			.optional()
			.orElse(null);
	}

	/** Only a published post on a site with pretty permalinks has a pretty link. */
	private static String link(Site site, long id, String status, String slug, String local) {
		if (site == Site.PRETTY && "publish".equals(status) && slug != null) {
			return site.home() + "/" + PERMALINK_DATE.format(LocalDateTime.parse(local)) + "/" + slug + "/";
		}
		return site.home() + "/?p=" + id;
	}

	private long userId(String username) {
		if (username.equals(this.properties.username())) {
			return 1;
		}
		List<WordPressSandboxProperties.Account> accounts = this.properties.accounts();
		for (int i = 0; i < accounts.size(); i++) {
			if (accounts.get(i).username().equals(username)) {
				return i + 2;
			}
		}
		return 0;
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status)
			.body(Map.of("code", code, "message", message, "data", Map.of("status", status.value())));
	}

}
