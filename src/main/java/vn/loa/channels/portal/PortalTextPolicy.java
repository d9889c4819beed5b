package vn.loa.channels.portal;

import java.util.Map;

import org.springframework.stereotype.Component;

import vn.loa.content.ContentVersion;
import vn.loa.rendering.ChannelTextPolicy;

/**
 * Gives portal templates {@code bodyHtml}: the Markdown body as HTML, sanitised, and
 * sanitises the finished article once more, since an admin may edit the template.
 */
@Component
class PortalTextPolicy implements ChannelTextPolicy {

	@Override
	public String channel() {
		return PortalChannel.ID;
	}

	@Override
	public String finish(String text, Map<String, String> options) {
		return SafeHtml.sanitize(text);
	}

	@Override
	public Map<String, Object> metrics(String text, Map<String, String> options) {
		return Map.of();
	}

	@Override
	public Map<String, Object> variables(ContentVersion content) {
		return Map.of("bodyHtml", SafeHtml.fromMarkdown(content.body()));
	}

}
