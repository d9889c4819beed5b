package vn.loa.channels.portal;

import java.util.Map;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import org.springframework.stereotype.Component;

import vn.loa.content.ContentVersion;
import vn.loa.rendering.ChannelTextPolicy;

/** Gives portal templates {@code bodyHtml}: the Markdown body as HTML, sanitised. */
@Component
class PortalTextPolicy implements ChannelTextPolicy {

	private static final Parser MARKDOWN = Parser.builder().build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

	private static final PolicyFactory SAFE = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.IMAGES)
		.and(Sanitizers.TABLES);

	@Override
	public String channel() {
		return PortalChannel.ID;
	}

	@Override
	public Map<String, Object> metrics(String text, Map<String, String> options) {
		return Map.of();
	}

	@Override
	public Map<String, Object> variables(ContentVersion content) {
		return Map.of("bodyHtml", sanitisedHtml(content.body()));
	}

	static String sanitisedHtml(String markdown) {
		return SAFE.sanitize(HTML.render(MARKDOWN.parse(markdown)));
	}

}
