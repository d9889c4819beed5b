package vn.loa.channels;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

import vn.loa.channels.portal.SafeHtml;
import vn.loa.content.ContentVersion;
import vn.loa.rendering.ChannelTextPolicy;

/**
 * How the web channels (Loa's portal, WordPress sites) treat an article: the title and
 * the summary are plain text wherever they go, and only the body is HTML, sanitised. An
 * officer who types {@code <img onerror=…>} into a title means those characters, and a
 * site whose Loa account may post unfiltered HTML must not turn them into markup; the
 * portal shows them escaped, so WordPress receives them escaped, and the two never
 * disagree about what a title says.
 */
public abstract class ArticleText implements ChannelTextPolicy {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/**
	 * A title or summary as plain text: NFC (as the console stores Vietnamese), control
	 * and format characters dropped, runs of white space (line breaks included) made one
	 * space.
	 */
	public static String plain(String text) {
		if (text == null) {
			return "";
		}
		String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
		return SPACES.matcher(CONTROL.matcher(nfc).replaceAll("")).replaceAll(" ").strip();
	}

	/**
	 * The same plain text for a field that a site renders as HTML (WordPress's
	 * {@code title} and {@code excerpt}): the five characters that could start markup or
	 * an entity are escaped, nothing else, so Vietnamese letters arrive as they are.
	 */
	public static String html(String text) {
		String plain = plain(text);
		StringBuilder out = new StringBuilder(plain.length() + 16);
		for (int i = 0; i < plain.length(); i++) {
			char c = plain.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#039;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** The finished article is sanitised once more, since an admin may edit templates. */
	@Override
	public String finish(String text, Map<String, String> options) {
		return SafeHtml.sanitize(text);
	}

	@Override
	public Map<String, Object> metrics(String text, Map<String, String> options) {
		return Map.of();
	}

	/** Templates get {@code bodyHtml}: the Markdown body as sanitised HTML. */
	@Override
	public Map<String, Object> variables(ContentVersion content) {
		return Map.of("bodyHtml", SafeHtml.fromMarkdown(content.body()));
	}

}
