package vn.loa.rendering;

import java.util.Map;

/**
 * One content version rendered for one channel.
 *
 * @param templateVersion a hash of the template source, pinned on delivery rows
 * @param metrics characters, words, and whatever the channel's text policy measures
 */
public record Rendition(String channel, String template, String templateVersion, String text,
		Map<String, Object> metrics) {
}
