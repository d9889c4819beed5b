package vn.loa.channels.webhook;

import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Resolves a configured endpoint: its address (empty means Loa's own receiver, sandbox
 * mode only) and its HMAC secret in the environment variable its descriptor names. In
 * sandbox mode an unset variable falls back to the sandbox secret, so the embedded
 * default works with nothing configured; live mode never falls back.
 */
@Component
class WebhookEndpoints {

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
		// The port is only known once the web server runs, so it is read per call.
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		return "http://127.0.0.1:" + port + contextPath + "/sandbox/webhook/" + endpoint.name();
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
