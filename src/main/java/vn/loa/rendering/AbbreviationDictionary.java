package vn.loa.rendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrative abbreviations and what an announcer says for them, read from a
 * tab-separated file ({@code ABBREVIATION<TAB>expansion}, {@code #} starts a comment).
 * Admins extend the file while Loa runs, so the file's time stamp and size are checked on
 * each use and the dictionary reloaded when they change. While the file does not exist,
 * the dictionary built into the jar ({@code radio/abbreviations.tsv} of the repository's
 * templates) is used.
 */
final class AbbreviationDictionary {

	private static final Logger log = LoggerFactory.getLogger(AbbreviationDictionary.class);

	private final Path file;

	private volatile Snapshot snapshot = new Snapshot(null, -1, Map.of(), null);

	AbbreviationDictionary(Path file) {
		this.file = file;
	}

	Path file() {
		return this.file;
	}

	/**
	 * Replaces every abbreviation that stands as a whole token (not inside a longer
	 * word).
	 */
	String expand(String text) {
		Snapshot current = current();
		if (current.pattern == null) {
			return text;
		}
		Matcher matcher = current.pattern.matcher(text);
		StringBuilder out = new StringBuilder(text.length() + 64);
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(current.entries.get(matcher.group(1))));
		}
		matcher.appendTail(out);
		return dropRepeatedGloss(out.toString());
	}

	private static final Pattern GLOSS = Pattern.compile(" ?\\(([^()]{2,120})\\)");

	/**
	 * Documents introduce an abbreviation as "thủ tục hành chính (TTHC)"; expanded, that
	 * would be read twice, so a parenthesis repeating the words just before it is
	 * dropped.
	 */
	static String dropRepeatedGloss(String text) {
		Matcher matcher = GLOSS.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		int last = 0;
		while (matcher.find()) {
			String before = text.substring(0, matcher.start()).stripTrailing().toLowerCase(java.util.Locale.ROOT);
			String inner = matcher.group(1).strip().toLowerCase(java.util.Locale.ROOT);
			if (!inner.isEmpty() && before.endsWith(inner)) {
				out.append(text, last, matcher.start());
				last = matcher.end();
			}
		}
		if (last == 0) {
			return text;
		}
		out.append(text, last, text.length());
		return out.toString();
	}

	Map<String, String> entries() {
		return current().entries;
	}

	private Snapshot current() {
		Snapshot known = this.snapshot;
		FileTime modified;
		long size;
		try {
			modified = Files.getLastModifiedTime(this.file);
			size = Files.size(this.file);
		}
		catch (NoSuchFileException ex) {
			if (known.modified != null || known.size == -1) {
				this.snapshot = builtIn();
			}
			return this.snapshot;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (modified.equals(known.modified) && size == known.size) {
			return known;
		}
		synchronized (this) {
			Snapshot loaded = load(modified, size);
			this.snapshot = loaded;
			return loaded;
		}
	}

	private Snapshot builtIn() {
		org.springframework.core.io.ClassPathResource resource = new org.springframework.core.io.ClassPathResource(
				TemplateStore.BUILT_IN + "radio/abbreviations.tsv");
		if (!resource.exists()) {
			log.warn("Abbreviation dictionary {} not found and none is built in; abbreviations are left as written",
					this.file);
			return new Snapshot(null, -2, Map.of(), null);
		}
		try (java.io.InputStream in = resource.getInputStream()) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			Map<String, String> entries = parse(lines);
			log.info("Loaded {} abbreviations built in ({} does not exist)", entries.size(), this.file);
			return new Snapshot(null, -2, Map.copyOf(entries), pattern(entries));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Snapshot load(FileTime modified, long size) {
		List<String> lines;
		try {
			lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> entries = parse(lines);
		log.info("Loaded {} abbreviations from {}", entries.size(), this.file);
		return new Snapshot(modified, size, Map.copyOf(entries), pattern(entries));
	}

	private Map<String, String> parse(List<String> lines) {
		Map<String, String> entries = new LinkedHashMap<>();
		for (String raw : lines) {
			String line = Normalizer.normalize(raw, Normalizer.Form.NFC);
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int tab = line.indexOf('\t');
			if (tab <= 0) {
				log.warn("Ignoring abbreviation line without a tab in {}: {}", this.file, line);
				continue;
			}
			String key = line.substring(0, tab).strip();
			String value = line.substring(tab + 1).strip();
			if (!key.isEmpty() && !value.isEmpty()) {
				entries.put(key, value);
			}
		}
		return entries;
	}

	/**
	 * Longest keys first so that DVCTT wins over DVC; the look-arounds keep "UBND" inside
	 * "QĐ-UBND" but not inside a longer run of letters or digits.
	 */
	private static Pattern pattern(Map<String, String> entries) {
		if (entries.isEmpty()) {
			return null;
		}
		StringBuilder alternatives = new StringBuilder();
		entries.keySet()
			.stream()
			.sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
			.forEach((key) -> {
				if (!alternatives.isEmpty()) {
					alternatives.append('|');
				}
				alternatives.append(Pattern.quote(key));
			});
		return Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternatives + ")(?![\\p{L}\\p{N}])");
	}

	private record Snapshot(FileTime modified, long size, Map<String, String> entries, Pattern pattern) {
	}

}
