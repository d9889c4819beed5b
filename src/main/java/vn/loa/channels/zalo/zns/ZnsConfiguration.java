package vn.loa.channels.zalo.zns;

import java.util.function.Supplier;

import vn.loa.channels.ChannelHttp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the ZNS client: Zalo's API live, Loa's own simulator in sandbox mode. */
@Configuration(proxyBeanMethods = false)
class ZnsConfiguration {

	@Bean
	ZnsClient znsClient(ZnsProperties properties, Environment environment) {
		return new ZnsClient(
				ChannelHttp.restClient(properties.http().connectTimeout(), properties.http().readTimeout()),
				new BaseUrl(properties, environment));
	}

	/**
	 * The base URL, worked out per call until it is settled (configured, or the
	 * simulator's port known), then kept: a broadcast asks for it once a message.
	 */
	static final class BaseUrl implements Supplier<String> {

		private final ZnsProperties properties;

		private final Environment environment;

		private volatile String settled;

		BaseUrl(ZnsProperties properties, Environment environment) {
			this.properties = properties;
			this.environment = environment;
		}

		@Override
		public String get() {
			String known = this.settled;
			if (known != null) {
				return known;
			}
			String url = baseUrl(this.properties, this.environment);
			boolean configured = this.properties.baseUrl() != null && !this.properties.baseUrl().isBlank();
			if (configured || this.environment.getProperty("local.server.port") != null) {
				this.settled = url;
			}
			return url;
		}

	}

	/**
	 * The simulator's port is only known once the web server runs, so it is read per
	 * call.
	 */
	static String baseUrl(ZnsProperties properties, Environment environment) {
		if (properties.baseUrl() != null && !properties.baseUrl().isBlank()) {
			return properties.baseUrl();
		}
		if (!properties.sandbox()) {
			throw new IllegalStateException("loa.channels.zalo-zns.base-url is empty: set LOA_ZALO_ZNS_URL for live "
					+ "mode (https://business.openapi.zalo.me)");
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String contextPath = environment.getProperty("server.servlet.context-path", "");
		return "http://127.0.0.1:" + port + contextPath + "/sandbox/zalo/business";
	}

}
