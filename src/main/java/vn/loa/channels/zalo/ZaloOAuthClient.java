package vn.loa.channels.zalo;

import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import vn.loa.channels.ChannelHttp;

/**
 * Zalo's OAuth v4 token endpoint for an OA: {@code POST /v4/oa/access_token} with header
 * {@code secret_key} (the app secret) and a form, for the authorisation code (PKCE) and
 * for the single-use refresh token. Zalo answers errors with HTTP 200 and a non-zero
 * {@code error}: those are refusals ({@link Refused}); a transport failure is not, and
 * throws the client's own exception.
 */
@Component
class ZaloOAuthClient {

	private final RestClient http;

	private final ZaloEndpoints endpoints;

	private final ZaloProperties properties;

	private final JsonMapper json;

	ZaloOAuthClient(ZaloEndpoints endpoints, ZaloProperties properties, JsonMapper json) {
		this.http = ChannelHttp.restClient(properties.http().connectTimeout(), properties.http().readTimeout());
		this.endpoints = endpoints;
		this.properties = properties;
		this.json = json;
	}

	/** A token pair as Zalo issued it. */
	record TokenPair(String accessToken, String refreshToken, Duration expiresIn, Duration refreshExpiresIn) {

		@Override
		public String toString() {
			return "TokenPair[expiresIn=" + this.expiresIn + "]";
		}

	}

	/** Zalo answered with a non-zero {@code error}: the code or token will not work. */
	static class Refused extends RuntimeException {

		private final int code;

		Refused(int code, String message) {
			super(message);
			this.code = code;
		}

		int code() {
			return this.code;
		}

	}

	TokenPair exchangeCode(String code, String codeVerifier) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("code", code);
		form.add("app_id", this.properties.effectiveAppId());
		form.add("grant_type", "authorization_code");
		form.add("code_verifier", codeVerifier);
		return post(form);
	}

	TokenPair refresh(String refreshToken) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("refresh_token", refreshToken);
		form.add("app_id", this.properties.effectiveAppId());
		form.add("grant_type", "refresh_token");
		return post(form);
	}

	private TokenPair post(MultiValueMap<String, String> form) {
		String body = this.http.post()
			.uri(this.endpoints.oauth() + "/v4/oa/access_token")
			.header("secret_key", this.properties.effectiveAppSecret())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(String.class);
		JsonNode answer = this.json.readTree((body != null) ? body : "{}");
		int error = answer.path("error").asInt(0);
		String accessToken = answer.path("access_token").asString("");
		if (error != 0 || accessToken.isBlank()) {
			String message = firstText(answer, "error_description", "error_reason", "error_name", "message");
			throw new Refused(error, (message != null) ? message : "Zalo did not issue a token");
		}
		return new TokenPair(accessToken, answer.path("refresh_token").asString(""),
				Duration.ofSeconds(seconds(answer.path("expires_in"), 90000)),
				Duration.ofSeconds(seconds(answer.path("refresh_token_expires_in"), 90L * 24 * 3600)));
	}

	private static String firstText(JsonNode node, String... names) {
		for (String name : names) {
			String value = node.path(name).asString("");
			if (!value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	/** Zalo sends {@code expires_in} as a string ("90000"); accept a number too. */
	private static long seconds(JsonNode node, long fallback) {
		if (node.isNumber()) {
			return node.asLong();
		}
		try {
			return Long.parseLong(node.asString("").trim());
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
