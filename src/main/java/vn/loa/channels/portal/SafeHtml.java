package vn.loa.channels.portal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns an article body written in Markdown into HTML that is safe to show on a public
 * page or to push to another site. Markdown may carry raw HTML (officers paste tables
 * from office documents), so the Markdown output is never trusted: everything goes
 * through one OWASP sanitizer policy that keeps document structure and drops scripts,
 * styles, event handlers and non-web URLs.
 */
public final class SafeHtml {

	private static final Pattern HTTP_OR_RELATIVE = Pattern.compile("(?i)https?://\\S+|[^:\\s]+|[^:/?#\\s]*[/?#]\\S*");

	private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+-]{1,30}");

	private static final Pattern CLASS_NAMES = Pattern
		.compile("[A-Za-z][A-Za-z0-9_-]{0,40}( [A-Za-z][A-Za-z0-9_-]{0,40}){0,4}");

	private static final Pattern SMALL_NUMBER = Pattern.compile("[1-9][0-9]?");

	static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
				"code", "em", "strong", "b", "i", "u", "s", "del", "sub", "sup", "a", "img", "table", "caption",
				"thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "div", "span", "section",
				"article")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href", "title")
		.onElements("a")
		.requireRelsOnLinks("nofollow", "noopener")
		// Images may come from the web or from Loa itself, never from mailto: or data:
		// URLs.
		.allowAttributes("src")
		.matching(HTTP_OR_RELATIVE)
		.onElements("img")
		.allowAttributes("alt", "title")
		.onElements("img")
		.allowAttributes("start")
		.matching(Pattern.compile("[0-9]{1,4}"))
		.onElements("ol")
		.allowAttributes("colspan", "rowspan")
		.matching(SMALL_NUMBER)
		.onElements("th", "td")
		.allowAttributes("scope")
		.matching(true, "row", "col", "rowgroup", "colgroup")
		.onElements("th")
		.allowAttributes("class")
		.matching(CODE_LANGUAGE)
		.onElements("code")
		// Channel templates may name classes for the page's own style sheet; a class
		// cannot carry script or style, only select rules that already exist.
		.allowAttributes("class")
		.matching(CLASS_NAMES)
		.onElements("p", "div", "span", "section", "article", "ul", "ol", "li", "figure", "blockquote")
		.toFactory();

	private static final Parser PARSER = Parser.builder().build();

	// sanitizeUrls is a first line of defence; the policy above is the one that counts.
	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();

	private static final HtmlRenderer UNSCRUBBED = HtmlRenderer.builder().build();

	/** Elements the sanitiser drops together with their content. */
	private static final Set<String> WITH_CONTENT = Set.of("script", "style", "iframe", "object", "embed", "noscript",
			"template", "textarea", "select", "xmp", "noembed", "noframes");

	private SafeHtml() {
	}

	/** Markdown (possibly with raw HTML) to sanitised HTML. */
	public static String fromMarkdown(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return sanitize(RENDERER.render(PARSER.parse(markdown)));
	}

	/**
	 * What sanitising the Markdown body takes out, each kind once, in order of
	 * appearance, so that an editor learns of an {@code <img onerror>} or a
	 * {@code javascript:} link rather than finding a broken image or an empty link on the
	 * portal. The Markdown is rendered without the renderer's own URL scrubbing here, so
	 * that links it would empty silently are reported too.
	 */
	public static List<Removal> removals(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return List.of();
		}
		Set<Removal> found = new LinkedHashSet<>();
		POLICY.sanitize(UNSCRUBBED.render(PARSER.parse(markdown)), new HtmlChangeListener<Set<Removal>>() {

			@Override
			public void discardedTag(Set<Removal> context, String elementName) {
				String element = elementName.toLowerCase(Locale.ROOT);
				// a link or image is only dropped when its address was refused
				if ("a".equals(element) || "img".equals(element)) {
					context.add(new Removal(Removal.Kind.LINK, element, "a".equals(element) ? "href" : "src"));
					return;
				}
				context.add(new Removal(WITH_CONTENT.contains(element) ? Removal.Kind.ELEMENT : Removal.Kind.TAG,
						element, null));
			}

			@Override
			public void discardedAttributes(Set<Removal> context, String tagName, String... attributeNames) {
				String element = tagName.toLowerCase(Locale.ROOT);
				for (String name : attributeNames) {
					String attribute = name.toLowerCase(Locale.ROOT);
					Removal.Kind kind = attribute.startsWith("on") ? Removal.Kind.HANDLER
							: ("href".equals(attribute) || "src".equals(attribute)) ? Removal.Kind.LINK
									: Removal.Kind.ATTRIBUTE;
					context.add(new Removal(kind, element, attribute));
				}
			}

		}, found);
		return List.copyOf(found);
	}

	/**
	 * One kind of thing the sanitiser took out.
	 *
	 * @param kind what was taken out
	 * @param element the element it was on (lower case)
	 * @param attribute the attribute, for attributes
	 */
	public record Removal(Kind kind, String element, String attribute) {

		public enum Kind {

			/**
			 * An element dropped with what it held ({@code <script>}, {@code <style>}).
			 */
			ELEMENT,
			/** An element not allowed; its text stays ({@code <font>}). */
			TAG,
			/** An event handler ({@code onerror}, {@code onclick}). */
			HANDLER,
			/**
			 * A link or image address that is not http, https, mailto or relative
			 * ({@code javascript:}, {@code data:}).
			 */
			LINK,
			/** Any other attribute not allowed ({@code style}). */
			ATTRIBUTE

		}

	}

	/** Any HTML, e.g. a rendered channel template, reduced to the allowed structure. */
	public static String sanitize(String html) {
		return (html == null) ? "" : POLICY.sanitize(html);
	}

}
