package vn.loa.channels;

import java.util.List;

import vn.loa.channels.portal.SafeHtml;

/**
 * What the web channels' HTML filter will take out of an article body, for the console to
 * tell the editor when the item is saved and previewed: the filter's decisions are right,
 * but made silently they leave a broken image or an empty link.
 */
public final class HtmlFilterReport {

	private HtmlFilterReport() {
	}

	/**
	 * Each kind of removal once: {@code kind} is ELEMENT, TAG, HANDLER, LINK or
	 * ATTRIBUTE; {@code attribute} is null for elements.
	 */
	public static List<Removal> of(String markdownBody) {
		return SafeHtml.removals(markdownBody)
			.stream()
			.map((r) -> new Removal(r.kind().name(), r.element(), r.attribute()))
			.toList();
	}

	public record Removal(String kind, String element, String attribute) {

	}

}
