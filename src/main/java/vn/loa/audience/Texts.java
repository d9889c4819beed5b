package vn.loa.audience;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folding of Vietnamese text for matching (keywords, CSV headers, topics). Kept here
 * rather than borrowed from rendering because audience depends on no other module.
 */
final class Texts {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

	private Texts() {
	}

	/** NFC, accents removed (đ→d), lower case. */
	static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("");
		return stripped.replace('đ', 'd').replace('Đ', 'D').replace('Ð', 'D').toLowerCase(Locale.ROOT);
	}

	/** Folded text with every run of other characters turned into {@code separator}. */
	static String slug(String text, char separator) {
		String slug = NON_ALNUM.matcher(fold(text)).replaceAll(String.valueOf(separator));
		int start = 0;
		int end = slug.length();
		while (start < end && slug.charAt(start) == separator) {
			start++;
		}
		while (end > start && slug.charAt(end - 1) == separator) {
			end--;
		}
		return slug.substring(start, end);
	}

}
