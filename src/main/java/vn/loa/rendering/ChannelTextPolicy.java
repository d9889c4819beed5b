package vn.loa.rendering;

import java.util.Map;

import vn.loa.content.ContentVersion;

/**
 * What a channel does to rendered text before it is sent, and what it measures of it. A
 * policy may refuse a rendition (throw a problem naming the field) so that the officer
 * learns at preview time, not at send time.
 */
public interface ChannelTextPolicy {

	/** The metric that holds {@link #card}. */
	String CARD = "card";

	String channel();

	/** The text as the channel will send it (e.g. SMS without diacritics). */
	default String finish(String text, Map<String, String> options) {
		return text;
	}

	Map<String, Object> metrics(String text, Map<String, String> options);

	/**
	 * Refuses a rendition the channel cannot send (throw a problem naming the channel and
	 * what to do), after its metrics were measured. The console measures without this
	 * check so that it can show an officer the numbers of what is refused.
	 */
	default void check(String text, Map<String, Object> metrics, Map<String, String> options) {
	}

	/**
	 * How the readers would see the rendition, when its text alone does not show it: a
	 * Facebook post as a card with its Page, its text up to "See more" and its link
	 * preview or photo. The renderer keeps it as the metric {@value #CARD}; the console
	 * draws it, the API returns it with the other metrics. Values must not be null.
	 * @return empty when the text is the preview
	 */
	default Map<String, Object> card(ContentVersion content, String text, Map<String, String> options) {
		return Map.of();
	}

	/**
	 * Variables this channel's templates may use beyond the common ones (e.g. the
	 * portal's sanitised HTML body). Values given at send time override them, so a
	 * per-recipient value can have a sample here for previews.
	 */
	default Map<String, Object> variables(ContentVersion content) {
		return Map.of();
	}

}
