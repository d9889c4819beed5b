package vn.loa.channels.wordpress;

import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelHttp;

/**
 * Resolves a configured site into where it is and with which credentials. In sandbox mode
 * a site without a base URL is Loa's own simulator, a base URL that is a path is one of
 * the simulator's sites, and an unset password variable falls back to the simulator's
 * password; live mode never falls back.
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
		String configured = (site.baseUrl() != null) ? site.baseUrl().strip() : "";
		if (!configured.isEmpty() && !configured.startsWith("/")) {
			return configured;
		}
		if (!sandbox()) {
			throw new IllegalStateException("WordPress site " + site.name() + " has no base-url");
		}
		return ChannelHttp.loopback(this.environment, configured.isEmpty() ? "/sandbox/wordpress" : configured);
	}

	/**
	 * Whether the site is Loa's own simulator while no web server runs (a test without
	 * one): there is nothing to probe then.
	 */
	boolean simulatorWithoutServer(WordPressProperties.Site site) {
		String configured = (site.baseUrl() != null) ? site.baseUrl().strip() : "";
		return sandbox() && (configured.isEmpty() || configured.startsWith("/"))
				&& this.environment.getProperty("local.server.port") == null;
	}

	/** The API root the site's configuration names, if any. */
	Optional<String> configuredApiRoot(WordPressProperties.Site site) {
		return Optional.ofNullable(site.apiRoot()).map(String::strip).filter((root) -> !root.isEmpty());
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
