package vn.loa.channels.facebook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.loa.channels.RetractionRetry;

/**
 * The Facebook channel, configured in {@code channels/facebook.yml}.
 *
 * @param mode {@code sandbox} points RestFB at Loa's Graph-API-compatible simulator
 * @param graphVersion the pinned Graph API version, e.g. {@code v24.0}
 * @param graphUrl Graph's address in live mode
 * @param post {@code link} or {@code photo}, unless a publication says
 * {@code facebook.post}
 * @param schedule when a post goes to Facebook's own scheduling
 * @param retry how rate-limited and transient failures are tried again
 * @param withdrawal what withdrawing an item does to its posts, and how it is retried
 * @param secrets the environment variables holding the app's secrets
 * @param sandbox the fixed, non-secret stand-ins for the secrets in sandbox mode
 */
@ConfigurationProperties("loa.channels.facebook")
public record FacebookProperties(@DefaultValue("true") boolean enabled, @DefaultValue("sandbox") Mode mode,
		@DefaultValue("post.txt") String template, @DefaultValue("v24.0") String graphVersion,
		@DefaultValue("https://graph.facebook.com") String graphUrl, @DefaultValue("link") String post,
		@DefaultValue Schedule schedule, @DefaultValue Retry retry, @DefaultValue Withdrawal withdrawal,
		@DefaultValue Secrets secrets, @DefaultValue Sandbox sandbox) {

	public enum Mode {

		LIVE, SANDBOX

	}

	/**
	 * @param minLead Facebook refuses scheduled posts less than 10 minutes ahead
	 * @param horizon how far ahead Loa leaves a post to Facebook's scheduling (sources
	 * disagree on Facebook's own limit, from 30 days to 6 months)
	 */
	public record Schedule(@DefaultValue("10m") Duration minLead, @DefaultValue("30d") Duration horizon) {
	}

	public record Retry(@DefaultValue("30s") Duration sweepInterval, @DefaultValue("6") int maxAttempts,
			@DefaultValue("1m") Duration firstDelay, @DefaultValue("1h") Duration maxDelay,
			@DefaultValue("50") int batchSize) {

		RetractionRetry asRetry() {
			return new RetractionRetry(this.sweepInterval, this.maxAttempts, this.firstDelay, this.maxDelay,
					this.batchSize);
		}

	}

	/**
	 * @param action {@code delete} or {@code hide}
	 */
	public record Withdrawal(@DefaultValue("delete") String action, @DefaultValue("1m") Duration sweepInterval,
			@DefaultValue("8") int maxAttempts, @DefaultValue("1m") Duration firstDelay,
			@DefaultValue("6h") Duration maxDelay, @DefaultValue("100") int batchSize) {

		RetractionRetry asRetry() {
			return new RetractionRetry(this.sweepInterval, this.maxAttempts, this.firstDelay, this.maxDelay,
					this.batchSize);
		}

		boolean hide() {
			return "hide".equalsIgnoreCase(this.action);
		}

	}

	public record Secrets(@DefaultValue("FACEBOOK_APP_ID") String appIdEnv,
			@DefaultValue("FACEBOOK_APP_SECRET") String appSecretEnv,
			@DefaultValue("FACEBOOK_VERIFY_TOKEN") String verifyTokenEnv) {
	}

	public record Sandbox(@DefaultValue("100000000000001") String appId,
			@DefaultValue("loa-sandbox-app-secret") String appSecret,
			@DefaultValue("loa-sandbox-verify-token") String verifyToken) {
	}

	boolean sandboxMode() {
		return this.mode == Mode.SANDBOX;
	}

}
