package vn.loa.channels.zalo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import vn.loa.channels.ChannelHttp;

/**
 * Loa's own typed client of the Zalo OA API (the Java SDK is not on Maven Central): the
 * consultation message, OA articles (create, verify), image upload, followers (list,
 * detail) and the per-user message quota. Every call carries header {@code access_token};
 * answers are {@code {error, message, data}} and a non-zero {@code error}, though sent
 * with HTTP 200, is a refusal classified by {@link ZaloStatusTable}. When Zalo says the
 * token is invalid (-201: nothing was sent) the token is refreshed and the call made once
 * more; nothing else is retried here.
 */
@Component
class ZaloOaClient {

	private final RestClient http;

	private final ZaloEndpoints endpoints;

	private final ZaloTokenSource tokens;

	private final JsonMapper json;

	ZaloOaClient(ZaloEndpoints endpoints, ZaloTokenSource tokens, ZaloProperties properties, JsonMapper json) {
		this.http = ChannelHttp.restClient(properties.http().connectTimeout(), properties.http().readTimeout());
		this.endpoints = endpoints;
		this.tokens = tokens;
		this.json = json;
	}

	/** An OA article as {@code /v2.0/article/create} takes it. */
	record Article(String title, String author, String coverUrl, String description, List<Block> body) {

	}

	/** A body block: text, or an image with its caption. */
	record Block(String type, String content, String url, String caption) {

		static Block text(String content) {
			return new Block("text", content, null, null);
		}

		static Block image(String url, String caption) {
			return new Block("image", null, url, caption);
		}

	}

	record FollowerPage(int total, List<String> userIds) {

	}

	record FollowerDetail(String userId, String displayName, boolean follower, String phone, String name) {

	}

	/**
	 * A consultation (customer service) text message to one user.
	 * @return Zalo's {@code message_id}
	 */
	String sendText(String userId, String text) {
		Map<String, Object> body = Map.of("recipient", Map.of("user_id", userId), "message", Map.of("text", text));
		return call((token) -> post("/v3.0/oa/message/cs", token, body)).path("message_id").asString();
	}

	/** Creates an article; Zalo answers a token to verify it with. */
	String createArticle(Article article) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "normal");
		body.put("title", article.title());
		body.put("author", article.author());
		body.put("cover", Map.of("cover_type", "photo", "photo_url", article.coverUrl(), "status", "show"));
		body.put("description", article.description());
		List<Map<String, Object>> blocks = new ArrayList<>();
		for (Block block : article.body()) {
			Map<String, Object> b = new LinkedHashMap<>();
			b.put("type", block.type());
			if ("image".equals(block.type())) {
				b.put("url", block.url());
				b.put("caption", (block.caption() != null) ? block.caption() : "");
			}
			else {
				b.put("content", block.content());
			}
			blocks.add(b);
		}
		body.put("body", blocks);
		body.put("status", "show");
		return call((token) -> post("/v2.0/article/create", token, body)).path("token").asString();
	}

	/** Verifies a created article; returns the article id. */
	String verifyArticle(String articleToken) {
		JsonNode data = call((token) -> post("/v2.0/article/verify", token, Map.of("token", articleToken)));
		String id = data.path("id").asString("");
		return id.isBlank() ? data.path("article_id").asString("") : id;
	}

	/** Uploads an image (JPG/PNG, ≤ 1 MB at Zalo); returns its {@code attachment_id}. */
	String uploadImage(byte[] bytes, String fileName, MediaType mediaType) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		return call((token) -> envelope(this.http.post()
			.uri(this.endpoints.openapi() + "/v2.0/oa/upload/image")
			.header("access_token", token)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts))).path("attachment_id").asString();
	}

	/** One page of the OA's followers ({@code count} ≤ 50). */
	FollowerPage followers(int offset, int count) {
		JsonNode data = call((token) -> get("/v3.0/oa/user/getlist", token,
				Map.of("offset", offset, "count", Math.min(count, 50), "is_follower", true)));
		List<String> ids = new ArrayList<>();
		data.path("users").forEach((user) -> ids.add(user.path("user_id").asString()));
		return new FollowerPage(data.path("total").asInt(ids.size()), ids);
	}

	FollowerDetail follower(String userId) {
		JsonNode data = call((token) -> get("/v3.0/oa/user/detail", token, Map.of("user_id", userId)));
		JsonNode shared = data.path("shared_info");
		return new FollowerDetail(userId, data.path("display_name").asString(null),
				data.path("user_is_follower").asBoolean(false), blankToNull(shared.path("phone").asString("")),
				blankToNull(shared.path("name").asString("")));
	}

	/** The user's consultation message quota, as Zalo reports it. */
	JsonNode quota(String userId) {
		return call((token) -> post("/v3.0/oa/quota/message", token, Map.of("user_id", userId)));
	}

	private JsonNode call(Function<String, JsonNode> request) {
		String token = this.tokens.accessToken();
		try {
			return request.apply(token);
		}
		catch (ZaloApiError error) {
			if (!Integer.toString(ZaloStatusTable.INVALID_TOKEN).equals(error.code())) {
				throw error;
			}
			this.tokens.refused(token);
			return request.apply(this.tokens.accessToken());
		}
	}

	private JsonNode post(String path, String token, Object body) {
		return envelope(this.http.post()
			.uri(this.endpoints.openapi() + path)
			.header("access_token", token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.json.writeValueAsString(body)));
	}

	private JsonNode get(String path, String token, Map<String, Object> data) {
		String query = URLEncoder.encode(this.json.writeValueAsString(data), StandardCharsets.UTF_8);
		return envelope(this.http.get()
			.uri(URI.create(this.endpoints.openapi() + path + "?data=" + query))
			.header("access_token", token));
	}

	private JsonNode envelope(RestClient.RequestHeadersSpec<?> request) {
		String answer;
		try {
			answer = request.retrieve().body(String.class);
		}
		catch (RestClientResponseException ex) {
			ZaloStatusTable.Verdict verdict = ZaloStatusTable.classifyHttp(ex.getStatusCode().value());
			throw new ZaloApiError(verdict, "HTTP_" + ex.getStatusCode().value(),
					"Zalo answered HTTP " + ex.getStatusCode().value() + ": " + ex.getResponseBodyAsString(), ex);
		}
		catch (RestClientException ex) {
			ZaloStatusTable.Verdict verdict = ZaloStatusTable.classifyHttp(599);
			throw new ZaloApiError(verdict, "IO", "No answer from Zalo: " + ex.getMessage(), ex);
		}
		JsonNode node = this.json.readTree((answer != null) ? answer : "{}");
		int error = node.path("error").asInt(0);
		if (error != 0) {
			throw new ZaloApiError(ZaloStatusTable.classify(error), Integer.toString(error),
					node.path("message").asString("Zalo error " + error), null);
		}
		return node.path("data");
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s;
	}

}
