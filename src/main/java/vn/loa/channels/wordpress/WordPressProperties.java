package vn.loa.channels.wordpress;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.loa.channels.RetractionRetry;

/**
 * The WordPress channel, configured in {@code channels/wordpress.yml}.
 *
 * @param enabled whether publications may target WordPress sites
 * @param mode {@code sandbox} turns on Loa's own WordPress-compatible simulator under
 * {@code /sandbox/wordpress}
 * @param template the channel template for the post body, under
 * {@code templates/wordpress/}
 * @param connectTimeout how long to wait for a site to accept the connection
 * @param readTimeout how long to wait for a site's answer
 * @param retry how often to try again when a site did not take the request at all
 * @param probeInterval how often each site is asked who Loa's credentials belong to
 * ({@code GET /wp/v2/users/me}), for the channel's health; also at start
 * @param withdrawal how a withdrawn item's posts (and a cancelled publication's scheduled
 * posts) keep being trashed when a site refused
 * @param sites the sites a publication can target; one delivery row per site
 * @param sandbox the account the simulator accepts
 */
@ConfigurationProperties("loa.channels.wordpress")
record WordPressProperties(@DefaultValue("true") boolean enabled, @DefaultValue("sandbox") Mode mode,
		@DefaultValue("post.html") String template, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("20s") Duration readTimeout, @DefaultValue Retry retry,
		@DefaultValue("5m") Duration probeInterval, @DefaultValue RetractionRetry withdrawal,
		@DefaultValue List<Site> sites, @DefaultValue Sandbox sandbox) {

	enum Mode {

		LIVE, SANDBOX

	}

	/**
	 * @param name the target name used in publications and delivery rows
	 * @param baseUrl the site's address (its home page); empty means Loa's own simulator
	 * (sandbox mode only), and in sandbox mode a path such as
	 * {@code /sandbox/wordpress/plain} is one of the simulator's sites
	 * @param apiRoot the site's REST API root, when it cannot be found from the site
	 * itself (e.g. {@code https://site/?rest_route=/}); empty means as WordPress
	 * announces it
	 * @param username the WordPress user that owns the application password
	 * @param passwordEnv the environment variable holding the application password
	 */
	record Site(String name, String baseUrl, String apiRoot, String username, String passwordEnv) {
	}

	/**
	 * @param maxAttempts attempts in all, the first one included
	 * @param delay pause before the first retry; doubled for each further retry
	 */
	record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("2s") Duration delay) {
	}

	/**
	 * @param username the administrator the simulator knows
	 * @param applicationPassword the application password it accepts; not a secret, it
	 * only opens the in-process simulator
	 */
	record Sandbox(@DefaultValue("loa-sandbox") String username,
			@DefaultValue("sandbox app password 0000") String applicationPassword) {
	}

}
