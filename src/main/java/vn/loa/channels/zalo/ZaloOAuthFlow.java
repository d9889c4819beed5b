package vn.loa.channels.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import vn.loa.common.SecretBox;

/**
 * An admin connects the OA with Zalo's OAuth v4 PKCE flow: Loa makes a verifier (43
 * characters) and sends the browser to {@code /v4/oa/permission} with its challenge
 * (base64url SHA-256) and a random state; Zalo sends it back with a code, which Loa
 * exchanges with the verifier for the token pair. The verifier waits sealed in
 * {@code zalo_oauth_request}; a state is good once and for as long as Zalo's code.
 */
@Component
class ZaloOAuthFlow {

	/** Zalo's code lives 10 minutes; a state older than that cannot succeed. */
	static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final ZaloEndpoints endpoints;

	private final ZaloProperties properties;

	private final ZaloOAuthClient oauth;

	private final ZaloOaTokens tokens;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ZaloOAuthFlow(JdbcClient jdbc, SecretBox box, ZaloEndpoints endpoints, ZaloProperties properties,
			ZaloOAuthClient oauth, ZaloOaTokens tokens, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.box = box;
		this.endpoints = endpoints;
		this.properties = properties;
		this.oauth = oauth;
		this.tokens = tokens;
		this.clock = clock;
		this.events = events;
	}

	/** Why a callback did not connect the OA, in words for the admin. */
	static class ConnectFailed extends RuntimeException {

		ConnectFailed(String message) {
			super(message);
		}

	}

	/** Starts a connection: the permission page's address for the admin's browser. */
	String start(String admin) {
		String verifier = randomUrlSafe(32);
		String state = randomUrlSafe(24);
		this.jdbc
			.sql("insert into zalo_oauth_request (state, code_verifier, requested_by, created_at) values (:state, "
					+ ":verifier, :by, :now)")
			.param("state", state)
			.param("verifier", this.box.seal(verifier, "zalo-oauth:" + state))
			.param("by", admin)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return UriComponentsBuilder.fromUriString(this.endpoints.oauthForBrowser() + "/v4/oa/permission")
			.queryParam("app_id", this.properties.effectiveAppId())
			.queryParam("redirect_uri", this.endpoints.redirectUri())
			.queryParam("code_challenge", challenge(verifier))
			.queryParam("state", state)
			.encode()
			.build()
			.toUriString();
	}

	/**
	 * Zalo's callback: takes the state once, exchanges the code and stores the pair.
	 * @throws ConnectFailed with the reason
	 */
	void complete(String code, String oaId, String state, String admin) {
		if (code == null || code.isBlank() || state == null || state.isBlank()) {
			throw new ConnectFailed("Zalo không trả về mã cấp quyền (code) hoặc state");
		}
		int taken = this.jdbc
			.sql("update zalo_oauth_request set used_at = :now where state = :state and used_at is null "
					+ "and created_at > :since")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("state", state)
			.param("since", Timestamp.from(this.clock.instant().minus(STATE_LIFETIME)))
			.update();
		if (taken != 1) {
			throw new ConnectFailed("Yêu cầu kết nối không còn hiệu lực (đã dùng hoặc quá 10 phút): hãy kết nối lại");
		}
		String verifier = this.box
			.open(this.jdbc.sql("select code_verifier from zalo_oauth_request where state = :state")
				.param("state", state)
				.query(String.class)
				.single(), "zalo-oauth:" + state);
		String expectedOa = this.properties.effectiveOaId();
		if (oaId != null && !oaId.isBlank() && !oaId.equals(expectedOa)) {
			throw new ConnectFailed("Zalo cấp quyền cho OA " + oaId + ", không phải OA đã cấu hình " + expectedOa);
		}
		ZaloOAuthClient.TokenPair pair;
		try {
			pair = this.oauth.exchangeCode(code, verifier);
		}
		catch (ZaloOAuthClient.Refused refused) {
			throw new ConnectFailed("Zalo từ chối mã cấp quyền: " + refused.code() + " " + refused.getMessage());
		}
		this.tokens.connect(expectedOa, pair, admin);
		this.events.publishEvent(new ZaloOaConnected(expectedOa));
	}

	static String challenge(String verifier) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** 32 random bytes make the 43-character verifier Zalo asks for. */
	private String randomUrlSafe(int bytes) {
		byte[] raw = new byte[bytes];
		this.random.nextBytes(raw);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
	}

}
