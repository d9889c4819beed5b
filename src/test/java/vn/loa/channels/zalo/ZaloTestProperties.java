package vn.loa.channels.zalo;

import java.time.Duration;

/** Zalo settings for tests that build the client by hand. */
final class ZaloTestProperties {

	private ZaloTestProperties() {
	}

	static ZaloProperties live(String oauthBaseUrl, String openapiBaseUrl) {
		return new ZaloProperties(true, "live", "message.txt", "111", "app-secret", "222", "oa-secret",
				trim(oauthBaseUrl), trim(openapiBaseUrl), "http://localhost/console/zalo/callback", Duration.ofDays(7),
				Duration.ofHours(1), Duration.ofMinutes(1), "https://oa.zalo.me/{oaId}/article/{articleId}", "Loa", 50,
				Duration.ofSeconds(1), Duration.ofMinutes(1),
				new ZaloProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(2)),
				new ZaloProperties.Simulator(Duration.ofHours(25), Duration.ofDays(90), Duration.ofMinutes(10), 50));
	}

	private static String trim(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
