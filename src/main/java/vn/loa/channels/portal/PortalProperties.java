package vn.loa.channels.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Loa's own public portal, configured in {@code channels/portal.yml}.
 *
 * @param enabled whether publications may target the portal
 * @param baseUrl the public address readers use; feeds and canonical links need absolute
 * URLs, and behind a proxy Loa cannot guess them
 * @param title the portal's name in pages and feeds
 * @param description the meta description of the list page and the feeds' description
 * @param template the channel template for an article body
 * @param feedSize how many newest articles the feeds carry
 */
@ConfigurationProperties("loa.channels.portal")
record PortalProperties(@DefaultValue("true") boolean enabled, @DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("Cổng thông tin cải cách hành chính") String title,
		@DefaultValue("Tin bài, thông báo về cải cách hành chính và thủ tục hành chính.") String description,
		@DefaultValue("portal/article.html") String template, @DefaultValue("20") int feedSize) {

	String absolute(String path) {
		String base = this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl;
		return base + path;
	}

}
