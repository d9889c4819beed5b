package vn.loa.rendering;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Short links to portal articles, {@code /s/{code}}: the code is the content item's id in
 * base 36, so a link needs no table of its own and stays the same across versions. An SMS
 * pays for every character, and a full article address takes about 120 of them. Only
 * published, visible articles answer a code, so a guessed code reveals nothing.
 */
public final class ShortLinks {

	/** The path under which short links live. */
	public static final String PREFIX = "/s/";

	private static final Pattern CODE = Pattern.compile("[0-9a-z]{1,12}");

	private ShortLinks() {
	}

	public static String code(long contentId) {
		return Long.toString(contentId, 36);
	}

	public static String path(long contentId) {
		return PREFIX + code(contentId);
	}

	/** The content id a code stands for, or empty when it is not a code. */
	public static Optional<Long> contentId(String code) {
		String lower = (code != null) ? code.strip().toLowerCase(Locale.ROOT) : "";
		if (!CODE.matcher(lower).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(lower, 36));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
