package vn.loa.rendering;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns written Vietnamese (Markdown) into an announcer's read-aloud script: Markdown and
 * link targets removed, abbreviations expanded from the admins' dictionary, dates,
 * numbers, percentages and decimals written out in words, phone numbers read digit by
 * digit and web addresses spelled for the ear. Anything no rule recognises is passed
 * through exactly as written.
 */
@Component
public class RadioScriptWriter {

	/**
	 * 180 syllables a minute (three a second): a measured, clear pace for administrative
	 * announcements on district and commune stations; conversational presenters run
	 * faster (about 4–5 a second), so stations configure their own pace.
	 */
	public static final int DEFAULT_WORDS_PER_MINUTE = 180;

	public static final int MIN_WORDS_PER_MINUTE = 60;

	public static final int MAX_WORDS_PER_MINUTE = 400;

	private final AbbreviationDictionary abbreviations;

	private final int defaultWordsPerMinute;

	@Autowired
	RadioScriptWriter(RadioScriptProperties properties, TemplateStore templates) {
		this((properties.abbreviations() != null) ? properties.abbreviations()
				: templates.overrideDir().resolve("radio").resolve("abbreviations.tsv"), properties.wordsPerMinute());
	}

	/**
	 * A writer outside Spring (tests, tools).
	 * @param abbreviations the abbreviation dictionary file; while there is none, the one
	 * built into the jar
	 * @param defaultWordsPerMinute the pace when none is given
	 */
	public RadioScriptWriter(java.nio.file.Path abbreviations, int defaultWordsPerMinute) {
		this.abbreviations = new AbbreviationDictionary(abbreviations);
		this.defaultWordsPerMinute = defaultWordsPerMinute;
	}

	public int defaultWordsPerMinute() {
		return this.defaultWordsPerMinute;
	}

	/** The abbreviations currently in force, as the dictionary file says now. */
	public Map<String, String> abbreviations() {
		return this.abbreviations.entries();
	}

	public RadioScript write(String markdown) {
		return write(markdown, this.defaultWordsPerMinute);
	}

	public RadioScript write(String markdown, int wordsPerMinute) {
		if (wordsPerMinute < MIN_WORDS_PER_MINUTE || wordsPerMinute > MAX_WORDS_PER_MINUTE) {
			throw new IllegalArgumentException(
					"wordsPerMinute must be between " + MIN_WORDS_PER_MINUTE + " and " + MAX_WORDS_PER_MINUTE);
		}
		String text = Normalizer.normalize((markdown != null) ? markdown : "", Normalizer.Form.NFC);
		List<String> lines = MarkdownText.lines(text);
		String script = lines.stream()
			.map(ReadAloud::numbersAndAddresses)
			.map(this.abbreviations::expand)
			.collect(Collectors.joining("\n\n"));
		script = Normalizer.normalize(script, Normalizer.Form.NFC);
		int words = countWords(script);
		return new RadioScript(script, words, wordsPerMinute, readingSeconds(words, wordsPerMinute));
	}

	/**
	 * Reading time in whole seconds, rounded up so a program is never planned too short.
	 */
	public static int readingSeconds(int words, int wordsPerMinute) {
		return (int) Math.ceil(words * 60.0 / wordsPerMinute);
	}

	/** Counts tokens that contain a letter or digit: punctuation alone is not said. */
	public static int countWords(String script) {
		int words = 0;
		for (String token : script.split("\\s+")) {
			if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
				words++;
			}
		}
		return words;
	}

}
