package vn.loa.channels.webhook;

import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelHttp;

/**
 * Resolves a configured endpoint: its address (empty means Loa's own receiver, sandbox
 * mode only) and its HMAC secret in the environment variable its descriptor names. In
 * sandbox mode an unset variable falls back to the sandbox secret, so the embedded
 * default works with nothing configured; live mode never falls back.
 */
@Component
public class WebhookEndpoints {

	private final WebhookProperties properties;

	private final Environment environment;

	WebhookEndpoints(WebhookProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	Optional<WebhookProperties.Endpoint> endpoint(String name) {
		return this.properties.endpoints().stream().filter((e) -> e.name().equals(name)).findFirst();
	}

	String url(WebhookProperties.Endpoint endpoint) {
		if (endpoint.url() != null && !endpoint.url().isBlank()) {
			return endpoint.url();
		}
		if (this.properties.mode() != WebhookProperties.Mode.SANDBOX) {
			throw new IllegalStateException("Webhook endpoint " + endpoint.name() + " has no url");
		}
		return ChannelHttp.loopback(this.environment, "/sandbox/webhook/" + endpoint.name());
	}

	/**
	 * The secret of the endpoint named {@code name}, as the sandbox receiver checks it.
	 * @return empty when there is no such endpoint or its secret is not configured
	 */
	public Optional<String> secretOf(String name) {
		return endpoint(name).flatMap(this::secret);
	}

	/**
	 * @return the secret, or empty when it is not configured
	 */
	Optional<String> secret(WebhookProperties.Endpoint endpoint) {
		String value = (endpoint.secretEnv() != null) ? this.environment.getProperty(endpoint.secretEnv()) : null;
		if (value != null && !value.isBlank()) {
			return Optional.of(value);
		}
		return (this.properties.mode() == WebhookProperties.Mode.SANDBOX)
				? Optional.of(this.properties.sandbox().secret()) : Optional.empty();
	}

}
