package vn.loa.channels.zalo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code channels/zalo.yml}: the Zalo Official Account channel. The four credentials come
 * only from {@code ZALO_APP_ID}, {@code ZALO_APP_SECRET}, {@code ZALO_OA_ID} and
 * {@code ZALO_OA_SECRET_KEY}; in sandbox mode fixed, non-secret values stand in for those
 * that are not set (the simulator inside Loa knows them too), and live mode refuses to
 * run without them.
 *
 * @param enabled whether publications may target the channel
 * @param mode {@code sandbox} points the client at Loa's own Zalo simulator, {@code live}
 * at Zalo
 * @param template the consultation message template under {@code templates/zalo/}
 * @param appId the Zalo app that holds the OA's permission
 * @param appSecret the app's secret key, sent to the token endpoint only
 * @param oaId the Official Account
 * @param oaSecretKey the OA secret key that signs webhook calls
 * @param oauthBaseUrl Zalo's OAuth server; empty means the simulator (sandbox only)
 * @param openapiBaseUrl Zalo's OA API; empty means the simulator (sandbox only)
 * @param redirectUri where Zalo sends the admin back with the code; empty means
 * {@code <public base url>/console/zalo/callback}
 * @param interactionWindow how long after a follower's last interaction a consultation
 * message may still go (Zalo: free within 48 h, billable up to 7 days, refused after)
 * @param refreshAhead how long before the access token expires it is refreshed
 * @param refreshCheck how often a node looks whether the token is due
 * @param articleUrl the link to an OA article sent in the message; {@code {oaId}} and
 * {@code {articleId}} are replaced
 * @param articleAuthor the author an OA article shows
 * @param batchSize followers read, written and sent per batch
 * @param pollInterval how often the send worker looks for runnable jobs
 * @param lease how long a node holds a send job without renewing it
 * @param http timeouts of the client
 * @param simulator the sandbox Zalo simulator
 */
@ConfigurationProperties("loa.channels.zalo")
public record ZaloProperties(@DefaultValue("true") boolean enabled, @DefaultValue("sandbox") String mode,
		@DefaultValue("message.txt") String template, String appId, String appSecret, String oaId, String oaSecretKey,
		String oauthBaseUrl, String openapiBaseUrl, String redirectUri, @DefaultValue("7d") Duration interactionWindow,
		@DefaultValue("1h") Duration refreshAhead, @DefaultValue("1m") Duration refreshCheck,
		@DefaultValue("https://oa.zalo.me/{oaId}/article/{articleId}") String articleUrl,
		@DefaultValue("Loa") String articleAuthor, @DefaultValue("200") int batchSize,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("1m") Duration lease, @DefaultValue Http http,
		@DefaultValue Simulator simulator) {

	/** Stand-ins for sandbox mode: the simulator inside Loa, so not secrets. */
	public static final String SANDBOX_APP_ID = "1000000000000000001";

	public static final String SANDBOX_APP_SECRET = "loa-sandbox-app-secret";

	public static final String SANDBOX_OA_ID = "2000000000000000002";

	public static final String SANDBOX_OA_SECRET_KEY = "loa-sandbox-oa-secret-key";

	public boolean sandbox() {
		return !"live".equalsIgnoreCase(this.mode);
	}

	public String effectiveAppId() {
		return effective(this.appId, SANDBOX_APP_ID, "ZALO_APP_ID");
	}

	public String effectiveAppSecret() {
		return effective(this.appSecret, SANDBOX_APP_SECRET, "ZALO_APP_SECRET");
	}

	public String effectiveOaId() {
		return effective(this.oaId, SANDBOX_OA_ID, "ZALO_OA_ID");
	}

	public String effectiveOaSecretKey() {
		return effective(this.oaSecretKey, SANDBOX_OA_SECRET_KEY, "ZALO_OA_SECRET_KEY");
	}

	private String effective(String value, String sandboxValue, String variable) {
		return credential(value, sandboxValue, variable, sandbox(), "Zalo");
	}

	/**
	 * A Zalo credential as both Zalo channels read it: the configured value, else in
	 * sandbox mode the simulator's stand-in, else a refusal naming the variable to set.
	 */
	public static String credential(String value, String sandboxValue, String variable, boolean sandbox,
			String channel) {
		if (value != null && !value.isBlank()) {
			return value;
		}
		if (sandbox) {
			return sandboxValue;
		}
		throw new IllegalStateException(
				variable + " is not set: the " + channel + " channel cannot run live without it");
	}

	public record Http(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout) {

	}

	/**
	 * @param accessTokenLifetime how long an access token the simulator issues lives
	 * (Zalo: 25 h)
	 * @param refreshTokenLifetime how long a refresh token lives (Zalo: about 3 months)
	 * @param codeLifetime how long an authorisation code lives (Zalo: 10 minutes)
	 * @param keepPerUser how many messages the simulator keeps per follower
	 */
	public record Simulator(@DefaultValue("90000s") Duration accessTokenLifetime,
			@DefaultValue("90d") Duration refreshTokenLifetime, @DefaultValue("10m") Duration codeLifetime,
			@DefaultValue("50") int keepPerUser) {

	}

}
