package vn.loa.channels.zalo;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.loa.common.LoaProperties;

/**
 * Where Zalo is: the configured URLs in live mode, Loa's own simulator in sandbox mode.
 * Loa calls the simulator over its local port (known only once the web server runs, so it
 * is read per call); the admin's browser is sent to it at the public address.
 */
@Component
class ZaloEndpoints {

	static final String SANDBOX_OAUTH = "/sandbox/zalo/oauth";

	static final String SANDBOX_OPENAPI = "/sandbox/zalo/openapi";

	private final ZaloProperties properties;

	private final LoaProperties loa;

	private final Environment environment;

	ZaloEndpoints(ZaloProperties properties, LoaProperties loa, Environment environment) {
		this.properties = properties;
		this.loa = loa;
		this.environment = environment;
	}

	/** Base of {@code /v4/oa/access_token}, called by Loa. */
	String oauth() {
		return configuredOr(this.properties.oauthBaseUrl(), "oauth-base-url", local(SANDBOX_OAUTH));
	}

	/** Base of {@code /v4/oa/permission}, opened by the admin's browser. */
	String oauthForBrowser() {
		return configuredOr(this.properties.oauthBaseUrl(), "oauth-base-url", this.loa.publicUrl(SANDBOX_OAUTH));
	}

	/** Base of {@code /v3.0/oa/...} and {@code /v2.0/...}. */
	String openapi() {
		return configuredOr(this.properties.openapiBaseUrl(), "openapi-base-url", local(SANDBOX_OPENAPI));
	}

	/** Where Zalo sends the admin back after the permission page. */
	String redirectUri() {
		String configured = this.properties.redirectUri();
		return (configured != null && !configured.isBlank()) ? configured
				: this.loa.publicUrl("/console/zalo/callback");
	}

	private String configuredOr(String configured, String name, String sandbox) {
		if (configured != null && !configured.isBlank()) {
			return trim(configured);
		}
		if (!this.properties.sandbox()) {
			throw new IllegalStateException("loa.channels.zalo." + name + " is empty: live mode needs Zalo's address");
		}
		return sandbox;
	}

	private String local(String path) {
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		return "http://127.0.0.1:" + port + contextPath + path;
	}

	private static String trim(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
