package vn.loa.channels.wordpress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A WordPress-compatible stand-in for sandbox mode: the posts endpoint of the REST API
 * with application-password Basic auth, WordPress's answer shapes and its error envelope
 * {@code {code, message, data:{status}}}; {@code DELETE} without {@code force} moves a
 * post to the trash as WordPress does. The real {@link WordPressClient} talks to it, so
 * sandbox runs exercise the same code as live runs.
 */
@RestController
@RequestMapping("/sandbox/wordpress/wp-json/wp/v2/posts")
@ConditionalOnProperty(prefix = "loa.channels.wordpress", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class WordPressSimulator {

	private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private static final Set<String> STATUSES = Set.of("publish", "future", "draft", "pending", "private");

	private static final ZoneId SITE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	private final WordPressProperties.Sandbox sandbox;

	WordPressSimulator(JdbcClient jdbc, JsonMapper jsonMapper, WordPressProperties properties) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.sandbox = properties.sandbox();
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) byte[] body) {
		if (authorization == null) {
			return error(HttpStatus.UNAUTHORIZED, "rest_cannot_create",
					"Sorry, you are not allowed to create posts as this user.");
		}
		String user = authenticatedUser(authorization);
		if (user == null) {
			return error(HttpStatus.UNAUTHORIZED, "incorrect_password",
					"The provided password is an invalid application password.");
		}
		JsonNode json;
		try {
			json = this.jsonMapper.readTree((body != null) ? body : new byte[0]);
		}
		catch (JacksonException ex) {
			json = null;
		}
		if (json == null || !json.isObject()) {
			return error(HttpStatus.BAD_REQUEST, "rest_invalid_json", "Invalid JSON body passed.");
		}
		String title = json.path("title").asString("");
		String content = json.path("content").asString("");
		String excerpt = json.path("excerpt").asString("");
		if (title.isBlank() && content.isBlank() && excerpt.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, "empty_content", "Content, title, and excerpt are empty.");
		}
		String status = json.path("status").asString("draft");
		if (!STATUSES.contains(status)) {
			return error(HttpStatus.BAD_REQUEST, "rest_invalid_param", "Invalid parameter(s): status");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant when;
		try {
			when = postDate(json, now);
		}
		catch (DateTimeParseException ex) {
			return error(HttpStatus.BAD_REQUEST, "rest_invalid_param", "Invalid parameter(s): date");
		}
		// Like WordPress: a "future" post whose time has already come is published at
		// once,
		// and a "publish" post dated in the future becomes "future".
		if ("future".equals(status) && !when.isAfter(now)) {
			status = "publish";
		}
		else if ("publish".equals(status) && when.isAfter(now)) {
			status = "future";
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into sandbox_wordpress_post (author, title, content, excerpt, status, date_local, date_gmt,"
					+ " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(user, title, content, excerpt, status,
					WORDPRESS_DATE.format(LocalDateTime.ofInstant(when, SITE_ZONE)),
					WORDPRESS_DATE.format(LocalDateTime.ofInstant(when, ZoneOffset.UTC)), java.sql.Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		Map<String, Object> post = find(id);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, base() + "/wp-json/wp/v2/posts/" + id)
			.body(post);
	}

	@GetMapping
	List<Map<String, Object>> list() {
		return this.jdbc.sql("select id from sandbox_wordpress_post order by id desc")
			.query(Long.class)
			.list()
			.stream()
			.map(this::find)
			.toList();
	}

	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> one(@PathVariable long id) {
		Map<String, Object> post = find(id);
		return (post != null) ? ResponseEntity.ok(post)
				: error(HttpStatus.NOT_FOUND, "rest_post_invalid_id", "Invalid post ID.");
	}

	/**
	 * Like WordPress without {@code force}: the post goes to the trash and comes back
	 * with {@code "status":"trash"}; a second delete is 410 {@code rest_already_trashed}.
	 * As in WordPress, an unknown post is 404 before anyone's rights are looked at, but a
	 * wrong application password fails the request first.
	 */
	@DeleteMapping("/{id}")
	ResponseEntity<Map<String, Object>> trash(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable long id) {
		String user = (authorization != null) ? authenticatedUser(authorization) : null;
		if (authorization != null && user == null) {
			return error(HttpStatus.UNAUTHORIZED, "incorrect_password",
					"The provided password is an invalid application password.");
		}
		Map<String, Object> post = find(id);
		if (post == null) {
			return error(HttpStatus.NOT_FOUND, "rest_post_invalid_id", "Invalid post ID.");
		}
		if (user == null) {
			return error(HttpStatus.UNAUTHORIZED, "rest_cannot_delete",
					"Sorry, you are not allowed to delete this post.");
		}
		int changed = this.jdbc
			.sql("update sandbox_wordpress_post set status = 'trash' where id = ? and status <> 'trash'")
			.param(id)
			.update();
		if (changed == 0) {
			return error(HttpStatus.GONE, "rest_already_trashed", "The post has already been deleted.");
		}
		return ResponseEntity.ok(find(id));
	}

	private Instant postDate(JsonNode json, Instant now) {
		if (json.hasNonNull("date_gmt")) {
			return LocalDateTime.parse(json.get("date_gmt").asString()).toInstant(ZoneOffset.UTC);
		}
		if (json.hasNonNull("date")) {
			return LocalDateTime.parse(json.get("date").asString()).atZone(SITE_ZONE).toInstant();
		}
		return now;
	}

	private String authenticatedUser(String authorization) {
		if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
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
		String user = decoded.substring(0, colon);
		// WordPress ignores the spaces it shows when it hands out an application
		// password.
		String password = decoded.substring(colon + 1).replace(" ", "");
		boolean ok = user.equals(this.sandbox.username())
				&& java.security.MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
						this.sandbox.applicationPassword().replace(" ", "").getBytes(StandardCharsets.UTF_8));
		return ok ? user : null;
	}

	private Map<String, Object> find(long id) {
		return this.jdbc.sql("select * from sandbox_wordpress_post where id = ?").param(id).query((rs, n) -> {
			Map<String, Object> post = new LinkedHashMap<>();
			post.put("id", rs.getLong("id"));
			post.put("date", rs.getString("date_local"));
			post.put("date_gmt", rs.getString("date_gmt"));
			post.put("status", rs.getString("status"));
			post.put("type", "post");
			post.put("link", base() + "/?p=" + rs.getLong("id"));
			post.put("author", rs.getString("author"));
			post.put("title", Map.of("raw", rs.getString("title"), "rendered", rs.getString("title")));
			post.put("content", Map.of("raw", rs.getString("content"), "rendered", rs.getString("content")));
			post.put("excerpt", Map.of("raw", rs.getString("excerpt"), "rendered", rs.getString("excerpt")));
			return post;
		}).optional().orElse(null);
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/sandbox/wordpress").toUriString();
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status)
			.body(Map.of("code", code, "message", message, "data", Map.of("status", status.value())));
	}

}
