package vn.loa.channels.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.loa.channels.RetractionRetry;

/**
 * The generic signed webhook channel, configured in {@code channels/webhook.yml}.
 *
 * @param enabled whether publications may target webhook endpoints
 * @param mode {@code sandbox} turns on Loa's own receiver under {@code /sandbox/webhook}
 * @param template the channel template for the payload's {@code content}, under
 * {@code templates/webhook/}
 * @param connectTimeout how long to wait for an endpoint to accept the connection
 * @param readTimeout how long to wait for its answer
 * @param withdrawal how withdrawal notices an endpoint did not accept are sent again
 * @param endpoints the endpoints a publication can target; one delivery row each
 * @param sandbox the secret the sandbox receiver uses when no environment variable is set
 */
@ConfigurationProperties("loa.channels.webhook")
record WebhookProperties(@DefaultValue("true") boolean enabled, @DefaultValue("sandbox") Mode mode,
		@DefaultValue("payload.json") String template, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("15s") Duration readTimeout, @DefaultValue RetractionRetry withdrawal,
		@DefaultValue List<Endpoint> endpoints, @DefaultValue Sandbox sandbox) {

	enum Mode {

		LIVE, SANDBOX

	}

	/**
	 * @param name the target name used in publications, delivery rows and the sandbox
	 * receiver's path
	 * @param url where to POST; empty means Loa's own receiver (sandbox mode only)
	 * @param secretEnv the environment variable holding the HMAC secret
	 * @param retry the endpoint's retry policy
	 */
	record Endpoint(String name, String url, String secretEnv, @DefaultValue Retry retry) {
	}

	/**
	 * @param maxAttempts attempts in all, the first one included
	 * @param delay pause before the first retry; doubled for each further retry
	 * @param receiverDropsDuplicates the receiver ignores a repeated
	 * {@code X-Loa-Delivery}; only then is a retry after a 5xx or a timeout safe
	 */
	record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("2s") Duration delay,
			@DefaultValue("false") boolean receiverDropsDuplicates) {
	}

	/**
	 * @param secret used when an endpoint's variable is unset in sandbox mode
	 */
	record Sandbox(@DefaultValue("loa-sandbox-webhook-secret") String secret) {
	}

}
