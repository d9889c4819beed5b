package vn.loa.channels.wordpress;

import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Resolves a configured site into where to post and with which credentials. In sandbox
 * mode a site without a base URL is Loa's own simulator, and an unset password variable
 * falls back to the simulator's password; live mode never falls back.
 */
@Component
class WordPressSites {

	private final WordPressProperties properties;

	private final Environment environment;

	WordPressSites(WordPressProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	Optional<WordPressProperties.Site> site(String name) {
		return this.properties.sites().stream().filter((s) -> s.name().equals(name)).findFirst();
	}

	String baseUrl(WordPressProperties.Site site) {
		if (site.baseUrl() != null && !site.baseUrl().isBlank()) {
			return site.baseUrl();
		}
		if (!sandbox()) {
			throw new IllegalStateException("WordPress site " + site.name() + " has no base-url");
		}
		// The port is only known once the web server runs, so it is read per call.
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		return "http://127.0.0.1:" + port + contextPath + "/sandbox/wordpress";
	}

	String username(WordPressProperties.Site site) {
		return (site.username() != null && !site.username().isBlank()) ? site.username()
				: this.properties.sandbox().username();
	}

	Optional<String> password(WordPressProperties.Site site) {
		String value = (site.passwordEnv() != null) ? this.environment.getProperty(site.passwordEnv()) : null;
		if (value != null && !value.isBlank()) {
			return Optional.of(value);
		}
		return sandbox() ? Optional.of(this.properties.sandbox().applicationPassword()) : Optional.empty();
	}

	private boolean sandbox() {
		return this.properties.mode() == WordPressProperties.Mode.SANDBOX;
	}

}
