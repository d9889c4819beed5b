package vn.loa.rendering;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for read-aloud scripts, next to the templates they belong to.
 *
 * @param abbreviations the tab-separated abbreviation dictionary admins extend while Loa
 * runs; by default {@code radio/abbreviations.tsv} in the templates directory
 * @param wordsPerMinute default reading pace in spoken words (Vietnamese syllables) per
 * minute, used when a station has none of its own
 */
@ConfigurationProperties("loa.templates.radio")
public record RadioScriptProperties(Path abbreviations,
		@DefaultValue("" + RadioScriptWriter.DEFAULT_WORDS_PER_MINUTE) int wordsPerMinute) {

	public RadioScriptProperties {
		if (wordsPerMinute < RadioScriptWriter.MIN_WORDS_PER_MINUTE
				|| wordsPerMinute > RadioScriptWriter.MAX_WORDS_PER_MINUTE) {
			throw new IllegalArgumentException("loa.templates.radio.words-per-minute must be between "
					+ RadioScriptWriter.MIN_WORDS_PER_MINUTE + " and " + RadioScriptWriter.MAX_WORDS_PER_MINUTE);
		}
	}

}
