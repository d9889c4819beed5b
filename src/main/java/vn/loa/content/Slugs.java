package vn.loa.content;

import java.text.Normalizer;
import java.util.Locale;

final class Slugs {

	private Slugs() {
	}

	/** "Cải cách hành chính năm 2021" → "cai-cach-hanh-chinh-nam-2021". */
	static String of(String title) {
		String plain = Normalizer.normalize(title, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('đ', 'd')
			.replace('Đ', 'D')
			.toLowerCase(Locale.ROOT);
		String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (slug.length() > 80) {
			slug = slug.substring(0, 80).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "bai-viet" : slug;
	}

}
