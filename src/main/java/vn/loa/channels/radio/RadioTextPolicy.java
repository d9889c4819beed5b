package vn.loa.channels.radio;

import java.util.Map;

import org.springframework.stereotype.Component;

import vn.loa.content.ContentVersion;
import vn.loa.rendering.ChannelTextPolicy;
import vn.loa.rendering.RadioScript;
import vn.loa.rendering.RadioScriptWriter;

/**
 * Radio renditions are read aloud: the rendered Markdown becomes an announcer's script
 * and the rendition's metrics carry its reading time at the default pace (each station's
 * own pace is applied when the script goes into its feed).
 */
@Component
class RadioTextPolicy implements ChannelTextPolicy {

	private final RadioScriptWriter writer;

	RadioTextPolicy(RadioScriptWriter writer) {
		this.writer = writer;
	}

	@Override
	public String channel() {
		return RadioChannel.ID;
	}

	@Override
	public String finish(String text, Map<String, String> options) {
		return this.writer.write(text).text();
	}

	@Override
	public Map<String, Object> metrics(String text, Map<String, String> options) {
		int pace = this.writer.defaultWordsPerMinute();
		int words = RadioScriptWriter.countWords(text);
		return Map.of("words", words, "wordsPerMinute", pace, "readSeconds",
				RadioScriptWriter.readingSeconds(words, pace));
	}

	/**
	 * The program templates' own variables ({@code date}, {@code count}), with sample
	 * values so that previews and the templates health check can render them; a program
	 * fills in the real ones.
	 */
	@Override
	public Map<String, Object> variables(ContentVersion content) {
		return Map.of("date", java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy")
			.format(java.time.LocalDate.now(vn.loa.common.LoaClock.ZONE)), "count", 1);
	}

	RadioScript script(String markdown, int wordsPerMinute) {
		return this.writer.write(markdown, wordsPerMinute);
	}

}
