package vn.loa.channels.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import vn.loa.channels.ChannelHttp;

/**
 * A narrow client for the WordPress REST API: it creates one post, or moves one to the
 * trash, with an application password (HTTP Basic) and maps WordPress's answers,
 * including its {@code {code, message, data:{status}}} errors, to a
 * {@link WordPressResult} or {@link WordPressTrashResult}.
 */
class WordPressClient {

	private static final int EXCERPT_LIMIT = 500;

	private final RestClient restClient;

	private final JsonMapper jsonMapper;

	WordPressClient(JsonMapper jsonMapper, Duration connectTimeout, Duration readTimeout) {
		this.restClient = ChannelHttp.restClient(connectTimeout, readTimeout);
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Creates a post on the site at {@code baseUrl} (the address in front of
	 * {@code /wp-json}).
	 * @throws WordPressUnavailableException when the site did not take the request
	 */
	WordPressResult createPost(String baseUrl, String username, String applicationPassword, WordPressPost post) {
		URI uri = URI.create(stripSlash(baseUrl) + "/wp-json/wp/v2/posts");
		try {
			return this.restClient.post()
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, basic(username, applicationPassword))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(this.jsonMapper.writeValueAsBytes(post))
				.exchange(
						(request, response) -> toResult(response.getStatusCode().value(), readAll(response.getBody())),
						true);
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
	WordPressTrashResult trash(String baseUrl, String username, String applicationPassword, long id) {
		URI uri = URI.create(stripSlash(baseUrl) + "/wp-json/wp/v2/posts/" + id);
		try {
			return this.restClient.delete()
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, basic(username, applicationPassword))
				.accept(MediaType.APPLICATION_JSON)
				.exchange((request, response) -> toTrashResult(id, response.getStatusCode().value(),
						readAll(response.getBody())), true);
		}
		catch (ResourceAccessException ex) {
			if (ex.getCause() instanceof ConnectException) {
				return new WordPressTrashResult.Failed(0, "connection_refused",
						"WordPress site " + uri.getHost() + " refused the connection", true);
			}
			return new WordPressTrashResult.Failed(0, "io_error", ex.getMessage(), false);
		}
	}

	private WordPressTrashResult toTrashResult(long id, int status, byte[] body) {
		JsonNode json = parse(body);
		if (status == 200) {
			return new WordPressTrashResult.Trashed(id, (json != null) ? json.path("status").asString(null) : null);
		}
		String code = (json != null) ? json.path("code").asString("http_" + status) : "http_" + status;
		// Only WordPress's own "no such post" counts: a 404 page from a wrong base-url
		// (rest_no_route, an HTML page) says nothing about the post.
		if (status == 410 || (status == 404 && "rest_post_invalid_id".equals(code))) {
			return new WordPressTrashResult.Gone(status, code);
		}
		String message = (json != null && json.hasNonNull("message")) ? json.path("message").asString() : excerpt(body);
		return new WordPressTrashResult.Failed(status, code, message, status >= 500);
	}

	private WordPressResult toResult(int status, byte[] body) {
		JsonNode json = parse(body);
		if (status == 201 || status == 200) {
			if (json == null || !json.path("id").canConvertToLong()) {
				return new WordPressResult.Failed(status, "invalid_answer", "WordPress answered without a post id");
			}
			return new WordPressResult.Created(json.path("id").asLong(), json.path("link").asString(null),
					json.path("status").asString(null));
		}
		String code = (json != null) ? json.path("code").asString("http_" + status) : "http_" + status;
		String message = (json != null && json.hasNonNull("message")) ? json.path("message").asString() : excerpt(body);
		if (status == 429 || status == 503) {
			throw new WordPressUnavailableException("WordPress answered " + status + " " + code + ": " + message, null);
		}
		if (status >= 400 && status < 500) {
			return new WordPressResult.Rejected(status, code, message);
		}
		return new WordPressResult.Failed(status, code, message);
	}

	private JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = this.jsonMapper.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	static String excerpt(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		return (text.length() <= EXCERPT_LIMIT) ? text : text.substring(0, EXCERPT_LIMIT) + "…";
	}

	private static String basic(String username, String applicationPassword) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + applicationPassword).getBytes(StandardCharsets.UTF_8));
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
