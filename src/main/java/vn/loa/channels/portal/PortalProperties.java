package vn.loa.channels.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code channels/portal.yml}: Loa's own public portal.
 *
 * @param enabled whether publications may target the portal
 * @param template the channel template for an article, under {@code templates/portal/}
 * @param title the portal's name in pages and feeds
 * @param description the meta description of the list page and the feeds' description
 * @param feedSize how many newest articles the feeds carry
 */
@ConfigurationProperties("loa.channels.portal")
record PortalProperties(@DefaultValue("true") boolean enabled, @DefaultValue("article.html") String template,
		@DefaultValue("Cổng thông tin") String title,
		@DefaultValue("Tin bài, thông báo về cải cách hành chính và thủ tục hành chính.") String description,
		@DefaultValue("20") int feedSize) {

}
