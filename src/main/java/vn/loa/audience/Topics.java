package vn.loa.audience;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Topic keys: folded, lower case, words joined by '-'. "Cải cách hành chính", "CAI CACH
 * HANH CHINH" and "cai-cach-hanh-chinh" are one topic, so a citizen texting
 * {@code DK cai cach hanh chinh} joins the list an officer imported.
 */
public final class Topics {

	/** Longest topic key stored. */
	public static final int MAX_LENGTH = 50;

	private static final java.util.regex.Pattern LIST_SEPARATOR = java.util.regex.Pattern.compile("[;,|]");

	private Topics() {
	}

	/**
	 * The key of {@code topic}, or {@code null} when it has no letters or digits.
	 * @throws IllegalArgumentException when the key is longer than {@link #MAX_LENGTH}
	 */
	public static String key(String topic) {
		String key = Texts.slug(topic, '-');
		if (key.isEmpty()) {
			return null;
		}
		if (key.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("topic is longer than " + MAX_LENGTH + " characters");
		}
		return key;
	}

	/** Keys of a list written as {@code a; b, c | d}. */
	static Set<String> keys(String list) {
		Set<String> keys = new LinkedHashSet<>();
		if (list != null) {
			for (String topic : LIST_SEPARATOR.split(list)) {
				String key = key(topic);
				if (key != null) {
					keys.add(key);
				}
			}
		}
		return keys;
	}

}
