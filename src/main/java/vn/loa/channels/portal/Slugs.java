package vn.loa.channels.portal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * URL slugs from Vietnamese titles: tone and vowel marks are removed (NFD, then the
 * combining marks), đ/Đ become d since they do not decompose, and everything that is not
 * a letter or digit becomes a single hyphen.
 */
final class Slugs {

	static final int MAX_LENGTH = 80;

	private Slugs() {
	}

	static String of(String title) {
		String ascii = Normalizer.normalize((title != null) ? title : "", Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.replace('đ', 'd')
			.replace('Đ', 'D')
			.toLowerCase(Locale.ROOT);
		String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > MAX_LENGTH) {
			slug = slug.substring(0, MAX_LENGTH);
			int cut = slug.lastIndexOf('-');
			slug = (cut > MAX_LENGTH / 2) ? slug.substring(0, cut) : slug;
		}
		return slug.isEmpty() ? "bai-viet" : slug;
	}

}
