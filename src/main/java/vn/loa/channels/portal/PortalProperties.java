package vn.loa.channels.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code channels/portal.yml}: Loa's own public portal. */
@ConfigurationProperties("loa.channels.portal")
record PortalProperties(@DefaultValue("true") boolean enabled, @DefaultValue("article.html") String template,
		@DefaultValue("Cổng thông tin") String title) {
}
