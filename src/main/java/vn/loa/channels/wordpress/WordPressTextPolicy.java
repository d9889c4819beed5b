package vn.loa.channels.wordpress;

import java.util.Map;

import org.springframework.stereotype.Component;

import vn.loa.channels.portal.SafeHtml;
import vn.loa.content.ContentVersion;
import vn.loa.rendering.ChannelTextPolicy;

/**
 * Gives WordPress templates {@code bodyHtml} (the body as sanitised HTML) and sanitises
 * the finished post: a site may let Loa's user post unfiltered HTML, so Loa must not rely
 * on WordPress to strip scripts.
 */
@Component
class WordPressTextPolicy implements ChannelTextPolicy {

	@Override
	public String channel() {
		return WordPressChannel.ID;
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
