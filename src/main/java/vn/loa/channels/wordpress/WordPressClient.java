package vn.loa.channels.wordpress;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import vn.loa.channels.ChannelHttp;

/**
 * A narrow client for the WordPress REST API: it finds a site's API root, creates or
 * updates one post, moves one to the trash or asks who the credentials belong to, with an
 * application password (HTTP Basic), and maps WordPress's answers, including its
 * {@code {code, message, data:{status}}} errors, to results.
 *
 * Every call takes the API root ({@code https://site/wp-json/}, or
 * {@code https://site/?rest_route=/} on a site with plain permalinks) and appends the
 * route to it.
 */
class WordPressClient {

	private static final int EXCERPT_LIMIT = 500;

	/** WordPress announces its API root on every page: {@code Link: <…>; rel="…"}. */
	private static final Pattern API_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"https://api\\.w\\.org/\"");

	private final RestClient restClient;

	private final JsonMapper jsonMapper;

	WordPressClient(JsonMapper jsonMapper, Duration connectTimeout, Duration readTimeout) {
		this.restClient = ChannelHttp.restClient(connectTimeout, readTimeout);
		this.jsonMapper = jsonMapper;
	}

	/**
	 * The site's API root, as WordPress itself announces it: {@code /wp-json/} when that
	 * answers the API index, otherwise the {@code Link rel="https://api.w.org/"} header
	 * that every WordPress page carries (on a site with plain permalinks,
	 * {@code /wp-json/} is just the front page, and the link names
	 * {@code ?rest_route=/}).
	 * @throws WordPressUnavailableException when the site cannot be reached or shows no
	 * API
	 */
	String discoverApiRoot(String baseUrl) {
		String base = stripSlash(baseUrl);
		// Only the namespaces: the whole index lists every route and is large.
		URI uri = URI.create(base + "/wp-json/?_fields=namespaces");
		try {
			Discovery found = this.restClient.get()
				.uri(uri)
				.accept(MediaType.APPLICATION_JSON)
				.exchange((request, response) -> new Discovery(response.getStatusCode().value(),
						response.getHeaders().get(HttpHeaders.LINK), response.getBody().readAllBytes()), true);
			JsonNode index = parse(found.body());
			if (found.status() == 200 && index != null && index.has("namespaces")) {
				return base + "/wp-json/";
			}
			if (found.links() != null) {
				for (String link : found.links()) {
					Matcher matcher = API_LINK.matcher(link);
					if (matcher.find()) {
						return matcher.group(1);
					}
				}
			}
			throw new WordPressUnavailableException(
					"No WordPress REST API at " + base + " (" + uri + " answered " + found.status() + ")", null);
		}
		catch (ResourceAccessException ex) {
			throw new WordPressUnavailableException("WordPress site " + uri.getHost() + " cannot be reached", ex);
		}
	}

	private record Discovery(int status, java.util.List<String> links, byte[] body) {
	}

	/** A route under the API root, e.g. {@code wp/v2/posts/12}. */
	static URI route(String apiRoot, String route, String query) {
		String root = apiRoot.endsWith("/") ? apiRoot : apiRoot + "/";
		String uri = root + route;
		if (query != null) {
			uri += (root.contains("?") ? "&" : "?") + query;
		}
		return URI.create(uri);
	}

	/**
	 * Creates a post.
	 * @throws WordPressUnavailableException when the site did not take the request
	 * @throws WordPressApiMissingException when the site answered a page, not the API
	 */
	WordPressResult createPost(String apiRoot, String username, String applicationPassword, WordPressPost post) {
		return write(route(apiRoot, "wp/v2/posts", null), username, applicationPassword, post);
	}

	/**
	 * Updates post {@code id}: the fields {@code post} has are replaced, the others kept.
	 * Repeating an update has the effect of making it once.
	 */
	WordPressResult updatePost(String apiRoot, String username, String applicationPassword, long id,
			WordPressPost post) {
		return write(route(apiRoot, "wp/v2/posts/" + id, null), username, applicationPassword, post);
	}

	private WordPressResult write(URI uri, String username, String applicationPassword, WordPressPost post) {
		try {
			return this.restClient.post()
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, basic(username, applicationPassword))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(this.jsonMapper.writeValueAsBytes(post))
				.exchange((request, response) -> toResult(response.getStatusCode().value(),
						response.getBody().readAllBytes()), true);
		}
		catch (ResourceAccessException ex) {
			if (ex.getCause() instanceof ConnectException) {
				throw new WordPressUnavailableException("WordPress site " + uri.getHost() + " refused the connection",
						ex);
			}
			// Timed out after the request was sent: the post may exist, so no automatic
			// retry.
			return new WordPressResult.Failed(0, "io_error", ex.getMessage());
		}
	}

	/**
	 * Moves post {@code id} to the trash ({@code DELETE} without {@code force}, so an
	 * editor of the site can still restore it).
	 */
	WordPressTrashResult trash(String apiRoot, String username, String applicationPassword, long id) {
		URI uri = route(apiRoot, "wp/v2/posts/" + id, null);
		try {
			return this.restClient.delete()
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, basic(username, applicationPassword))
				.accept(MediaType.APPLICATION_JSON)
				.exchange((request, response) -> toTrashResult(id, response.getStatusCode().value(),
						response.getBody().readAllBytes()), true);
		}
		catch (ResourceAccessException ex) {
			if (ex.getCause() instanceof ConnectException) {
				return new WordPressTrashResult.Failed(0, "connection_refused",
						"WordPress site " + uri.getHost() + " refused the connection", true);
			}
			return new WordPressTrashResult.Failed(0, "io_error", ex.getMessage(), false);
		}
	}

	/**
	 * Who the credentials belong to ({@code GET /wp/v2/users/me?context=edit}), and
	 * whether that account may publish posts.
	 */
	WordPressAccount me(String apiRoot, String username, String applicationPassword) {
		URI uri = route(apiRoot, "wp/v2/users/me", "context=edit");
		try {
			return this.restClient.get()
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, basic(username, applicationPassword))
				.accept(MediaType.APPLICATION_JSON)
				.exchange((request, response) -> toAccount(response.getStatusCode().value(),
						response.getBody().readAllBytes()), true);
		}
		catch (ResourceAccessException ex) {
			return new WordPressAccount.Refused(0, "unreachable",
					"WordPress site " + uri.getHost() + " cannot be reached: " + ex.getMessage());
		}
	}

	private WordPressAccount toAccount(int status, byte[] body) {
		JsonNode json = parse(body);
		if (status == 200 && json != null && json.has("id")) {
			java.util.List<String> roles = json.path("roles").valueStream().map(JsonNode::asString).toList();
			JsonNode capabilities = json.path("capabilities");
			boolean publish = !capabilities.isObject() || capabilities.path("publish_posts").asBoolean(false);
			return new WordPressAccount.Known(json.path("slug").asString(json.path("name").asString("")), roles,
					publish);
		}
		if (status == 200) {
			throw new WordPressApiMissingException();
		}
		return new WordPressAccount.Refused(status, code(json, status), message(json, body));
	}

	private WordPressTrashResult toTrashResult(long id, int status, byte[] body) {
		JsonNode json = parse(body);
		if (status == 200) {
			if (json == null) {
				throw new WordPressApiMissingException();
			}
			return new WordPressTrashResult.Trashed(id, json.path("status").asString(null),
					json.path("link").asString(null));
		}
		String code = code(json, status);
		// Only WordPress's own "no such post" counts: a 404 page from a wrong base-url
		// (rest_no_route, an HTML page) says nothing about the post.
		if (status == 410 || (status == 404 && "rest_post_invalid_id".equals(code))) {
			return new WordPressTrashResult.Gone(status, code);
		}
		return new WordPressTrashResult.Failed(status, code, message(json, body), status >= 500);
	}

	private WordPressResult toResult(int status, byte[] body) {
		JsonNode json = parse(body);
		if (status == 201 || status == 200) {
			if (json == null) {
				// A page, not the API (a site with plain permalinks answers its front
				// page): nothing was created.
				throw new WordPressApiMissingException();
			}
			if (!json.path("id").canConvertToLong()) {
				return new WordPressResult.Failed(status, "invalid_answer", "WordPress answered without a post id");
			}
			return new WordPressResult.Created(status, json.path("id").asLong(), json.path("link").asString(null),
					json.path("status").asString(null));
		}
		String code = code(json, status);
		String message = message(json, body);
		if (status == 429 || status == 503) {
			throw new WordPressUnavailableException(status, code,
					"WordPress answered " + status + " " + code + ": " + message);
		}
		if (status >= 400 && status < 500) {
			return new WordPressResult.Rejected(status, code, message);
		}
		return new WordPressResult.Failed(status, code, message);
	}

	private static String code(JsonNode json, int status) {
		return (json != null) ? json.path("code").asString("http_" + status) : "http_" + status;
	}

	private static String message(JsonNode json, byte[] body) {
		return (json != null && json.hasNonNull("message")) ? json.path("message").asString() : excerpt(body);
	}

	private JsonNode parse(byte[] body) {
		return ChannelHttp.jsonObject(this.jsonMapper, body);
	}

	static String excerpt(byte[] body) {
		return ChannelHttp.excerpt(body, EXCERPT_LIMIT);
	}

	private static String basic(String username, String applicationPassword) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + applicationPassword).getBytes(StandardCharsets.UTF_8));
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
