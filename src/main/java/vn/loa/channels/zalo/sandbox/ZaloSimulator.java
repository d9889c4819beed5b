package vn.loa.channels.zalo.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import vn.loa.channels.zalo.ZaloProperties;

/**
 * A Zalo stand-in for sandbox mode, under {@code /sandbox/zalo}: Zalo's OAuth v4 server
 * for an OA ({@code /oauth/v4/oa/permission}, {@code /oauth/v4/oa/access_token} with
 * PKCE, codes valid 10 minutes and single-use refresh tokens) and the OA API
 * ({@code /openapi/v3.0/oa/message/cs}, {@code /v2.0/article/create|verify},
 * {@code /v2.0/oa/upload/image}, {@code /v3.0/oa/user/getlist|detail},
 * {@code /v3.0/oa/quota/message}) with Zalo's {@code {error, message, data}} envelope and
 * its habit of answering errors with HTTP 200. Loa's real client talks to it, so sandbox
 * runs exercise the same code as live ones. {@code POST /oauth/sandbox/expire} and
 * {@code /oauth/sandbox/refuse-refresh} play a token expiring early and a revoked app.
 */
@RestController
@ConditionalOnProperty(prefix = "loa.channels.zalo", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class ZaloSimulator {

	private final ZaloSandbox sandbox;

	private final ZaloProperties properties;

	private final JsonMapper json;

	ZaloSimulator(ZaloSandbox sandbox, ZaloProperties properties, JsonMapper json) {
		this.sandbox = sandbox;
		this.properties = properties;
		this.json = json;
	}

	// OAuth v4

	/** The page where an OA admin grants the app access. */
	@GetMapping(path = "/sandbox/zalo/oauth/v4/oa/permission", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> permission(@RequestParam(name = "app_id", required = false) String appId,
			@RequestParam(name = "redirect_uri", required = false) String redirectUri,
			@RequestParam(name = "code_challenge", required = false) String challenge,
			@RequestParam(name = "state", required = false) String state) {
		if (!this.properties.effectiveAppId().equals(appId) || blank(redirectUri) || blank(challenge)) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.TEXT_HTML)
				.body(page("<p id=\"oauth-error\">Yêu cầu không hợp lệ: thiếu app_id, redirect_uri hoặc "
						+ "code_challenge.</p>"));
		}
		String form = "<form method=\"post\" action=\"/sandbox/zalo/oauth/v4/oa/permission\">" + hidden("app_id", appId)
				+ hidden("redirect_uri", redirectUri) + hidden("code_challenge", challenge)
				+ hidden("state", (state != null) ? state : "")
				+ "<button type=\"submit\" id=\"zalo-allow\">Cho phép</button></form>";
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_HTML)
			.body(page("<h1>Zalo (mô phỏng): cấp quyền cho ứng dụng</h1><p>Ứng dụng <code>" + escape(appId)
					+ "</code> xin quyền quản lý Official Account <code>" + escape(this.properties.effectiveOaId())
					+ "</code>: gửi tin tư vấn, đăng bài viết, đọc danh sách người theo dõi.</p>" + form));
	}

	/** The admin allowed: back to the app with a code. */
	@PostMapping(path = "/sandbox/zalo/oauth/v4/oa/permission")
	ResponseEntity<Void> allow(@RequestParam("app_id") String appId, @RequestParam("redirect_uri") String redirectUri,
			@RequestParam("code_challenge") String challenge,
			@RequestParam(name = "state", required = false) String state) {
		if (!this.properties.effectiveAppId().equals(appId)) {
			return ResponseEntity.badRequest().build();
		}
		String code = this.sandbox.issueCode(challenge, redirectUri);
		String location = UriComponentsBuilder.fromUriString(redirectUri)
			.queryParam("code", code)
			.queryParam("oa_id", this.properties.effectiveOaId())
			.queryParam("state", (state != null) ? state : "")
			.encode()
			.build()
			.toUriString();
		return ResponseEntity.status(302).header("Location", location).build();
	}

	@PostMapping(path = "/sandbox/zalo/oauth/v4/oa/access_token", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> accessToken(@RequestHeader(name = "secret_key", required = false) String secretKey,
			@RequestParam MultiValueMap<String, String> form) {
		if (!this.properties.effectiveAppSecret().equals(secretKey)) {
			return oauthError(-14002, "Invalid secret key");
		}
		if (!this.properties.effectiveAppId().equals(form.getFirst("app_id"))) {
			return oauthError(-14001, "Invalid app_id");
		}
		String grant = form.getFirst("grant_type");
		if ("authorization_code".equals(grant)) {
			var code = this.sandbox.takeCode(form.getFirst("code"));
			if (code.isEmpty()) {
				return oauthError(-14019, "Invalid authorization code");
			}
			String verifier = form.getFirst("code_verifier");
			if (blank(verifier) || !ZaloSandbox.challenge(verifier).equals(code.get().challenge())) {
				return oauthError(-14020, "Invalid code verifier");
			}
			return pair(this.sandbox.issuePair());
		}
		if ("refresh_token".equals(grant)) {
			if (!this.sandbox.spendRefreshToken(form.getFirst("refresh_token"))) {
				return oauthError(-14014, "Invalid refresh token");
			}
			return pair(this.sandbox.issuePair());
		}
		return oauthError(-14003, "Invalid grant_type");
	}

	@PostMapping("/sandbox/zalo/oauth/sandbox/expire")
	Map<String, Object> expire() {
		this.sandbox.expireAccessTokens();
		return Map.of("expired", true);
	}

	@PostMapping("/sandbox/zalo/oauth/sandbox/refuse-refresh")
	Map<String, Object> refuseRefresh(@RequestParam(name = "refuse", defaultValue = "true") boolean refuse) {
		this.sandbox.refuseRefresh(refuse);
		return Map.of("refuseRefresh", refuse);
	}

	// OA API

	@PostMapping(path = "/sandbox/zalo/openapi/v3.0/oa/message/cs", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> consultation(@RequestHeader(name = "access_token", required = false) String token,
			@RequestBody(required = false) byte[] body) {
		if (!this.sandbox.validAccessToken(token)) {
			return error(-201, "Access token is invalid");
		}
		JsonNode request = read(body);
		if (request == null) {
			return error(-203, "Invalid parameter");
		}
		String userId = request.path("recipient").path("user_id").asString("");
		String text = request.path("message").path("text").asString("");
		if (text.isBlank() || text.length() > 2000) {
			return error(-204, "Message is invalid");
		}
		var citizen = this.sandbox.citizen(userId);
		if (citizen.isEmpty()) {
			return error(-207, "User id is invalid");
		}
		if (citizen.get().lastInteraction().isBefore(this.sandbox.now().minus(ZaloSandbox.INTERACTION_WINDOW))) {
			return error(-230, "User has not interacted with the OA in the last 7 days");
		}
		var received = this.sandbox.deliver(citizen.get(), text);
		return ok(Map.of("message_id", received.messageId(), "user_id", userId));
	}

	@PostMapping(path = "/sandbox/zalo/openapi/v2.0/article/create", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> createArticle(@RequestHeader(name = "access_token", required = false) String token,
			@RequestBody(required = false) byte[] body) {
		if (!this.sandbox.validAccessToken(token)) {
			return error(-201, "Access token is invalid");
		}
		JsonNode request = read(body);
		if (request == null || request.path("title").asString("").isBlank()
				|| request.path("cover").path("photo_url").asString("").isBlank() || !request.path("body").isArray()
				|| request.path("body").isEmpty()) {
			return error(-203, "Invalid parameter: title, cover.photo_url and body are required");
		}
		StringBuilder text = new StringBuilder();
		request.path("body")
			.forEach((block) -> text.append(block.path("type").asString())
				.append(": ")
				.append(block.path("content").asString(block.path("url").asString("")))
				.append('\n'));
		var article = this.sandbox.createArticle(request.path("title").asString(),
				request.path("cover").path("photo_url").asString(), text.toString());
		return ok(Map.of("token", article.token()));
	}

	@PostMapping(path = "/sandbox/zalo/openapi/v2.0/article/verify", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> verifyArticle(@RequestHeader(name = "access_token", required = false) String token,
			@RequestBody(required = false) byte[] body) {
		if (!this.sandbox.validAccessToken(token)) {
			return error(-201, "Access token is invalid");
		}
		JsonNode request = read(body);
		var article = this.sandbox.verifyArticle((request != null) ? request.path("token").asString(null) : null);
		if (article.isEmpty()) {
			return error(-203, "Invalid parameter: token");
		}
		return ok(Map.of("id", article.get().id()));
	}

	@PostMapping(path = "/sandbox/zalo/openapi/v2.0/oa/upload/image", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> uploadImage(@RequestHeader(name = "access_token", required = false) String token,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		if (!this.sandbox.validAccessToken(token)) {
			return error(-201, "Access token is invalid");
		}
		if (file == null || file.isEmpty()) {
			return error(-203, "Invalid parameter: file");
		}
		if (file.getSize() > 1024 * 1024) {
			return error(-210, "Image is larger than 1MB");
		}
		return ok(Map.of("attachment_id", this.sandbox.attach()));
	}

	@GetMapping(path = "/sandbox/zalo/openapi/v3.0/oa/user/getlist", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> followers(@RequestHeader(name = "access_token", required = false) String token,
			@RequestParam(name = "data", required = false) String data) {
		if (!this.sandbox.validAccessToken(token)) {
			return error(-201, "Access token is invalid");
		}
		JsonNode request = read((data != null) ? data.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null);
		int offset = (request != null) ? request.path("offset").asInt(-1) : -1;
		int count = (request != null) ? request.path("count").asInt(-1) : -1;
		if (offset < 0 || count < 1 || count > 50) {
			return error(-203, "Invalid parameter: offset, count (1-50)");
		}
		var followers = this.sandbox.followers();
		List<Map<String, Object>> users = followers.stream()
			.skip(offset)
			.limit(count)
			.map((c) -> Map.<String, Object>of("user_id", c.userId()))
			.toList();
		return ok(Map.of("total", followers.size(), "count", users.size(), "offset", offset, "users", users));
	}

	@GetMapping(path = "/sandbox/zalo/openapi/v3.0/oa/user/detail", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> detail(@RequestHeader(name = "access_token", required = false) String token,
			@RequestParam(name = "data", required = false) String data) {
		if (!this.sandbox.validAccessToken(token)) {
			return error(-201, "Access token is invalid");
		}
		JsonNode request = read((data != null) ? data.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null);
		var citizen = this.sandbox.citizen((request != null) ? request.path("user_id").asString(null) : null);
		if (citizen.isEmpty()) {
			return error(-207, "User id is invalid");
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("user_id", citizen.get().userId());
		detail.put("display_name", citizen.get().name());
		detail.put("user_is_follower", citizen.get().follower());
		Map<String, Object> shared = new LinkedHashMap<>();
		if (citizen.get().phone() != null) {
			shared.put("phone", citizen.get().phone());
			shared.put("name", citizen.get().name());
		}
		detail.put("shared_info", shared);
		return ok(detail);
	}

	@PostMapping(path = "/sandbox/zalo/openapi/v3.0/oa/quota/message", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> quota(@RequestHeader(name = "access_token", required = false) String token,
			@RequestBody(required = false) byte[] body) {
		if (!this.sandbox.validAccessToken(token)) {
			return error(-201, "Access token is invalid");
		}
		JsonNode request = read(body);
		var citizen = this.sandbox.citizen((request != null) ? request.path("user_id").asString(null) : null);
		if (citizen.isEmpty()) {
			return error(-207, "User id is invalid");
		}
		boolean open = !citizen.get()
			.lastInteraction()
			.isBefore(this.sandbox.now().minus(ZaloSandbox.INTERACTION_WINDOW));
		return ok(Map.of("user_id", citizen.get().userId(), "quota_type", open ? "reply" : "none", "remain",
				open ? 8 : 0, "expired_date",
				Long.toString(citizen.get().lastInteraction().plus(ZaloSandbox.INTERACTION_WINDOW).toEpochMilli())));
	}

	private JsonNode read(byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static Map<String, Object> ok(Map<String, Object> data) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("data", data);
		answer.put("error", 0);
		answer.put("message", "Success");
		return answer;
	}

	/** Zalo's error envelope, sent with HTTP 200. */
	private static Map<String, Object> error(int code, String message) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("error", code);
		answer.put("message", message);
		return answer;
	}

	private static Map<String, Object> oauthError(int code, String description) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("error_name", "Invalid parameter");
		answer.put("error_reason", description);
		answer.put("ref_doc",
				"https://developers.zalo.me/docs/official-account/bat-dau/xac-thuc-va-uy-quyen-cho-ung-dung-new");
		answer.put("error_description", description);
		answer.put("error", code);
		return answer;
	}

	private static Map<String, Object> pair(ZaloSandbox.Pair pair) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("access_token", pair.accessToken());
		answer.put("refresh_token", pair.refreshToken());
		answer.put("expires_in", Long.toString(pair.expiresInSeconds()));
		return answer;
	}

	private static String page(String body) {
		return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"><title>Zalo (mô phỏng)</title></head>"
				+ "<body>" + body + "</body></html>";
	}

	private static String hidden(String name, String value) {
		return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
	}

	private static String escape(String s) {
		return HtmlUtils.htmlEscape((s != null) ? s : "");
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
