package vn.loa.audience;

import java.util.regex.Pattern;

/**
 * Area codes are paths of administrative unit codes, province first: {@code 48} (Đà
 * Nẵng), {@code 48.490} (a district), {@code 48.490.20194} (a commune), or two levels
 * since the 2025 reorganisation removed districts ({@code 48.20194}). The national unit
 * codes are not nested (a commune's code does not start with its province's), so the path
 * is what makes "everyone in province 48" a prefix match.
 */
public final class AreaCodes {

	/** Deepest level Loa keeps (province, district, commune). */
	public static final int MAX_LEVELS = 3;

	private static final Pattern LEVEL = Pattern.compile("[A-Z0-9]{1,10}");

	private static final Pattern SEPARATOR = Pattern.compile("\\s*[.\\-/>\\s]\\s*");

	private AreaCodes() {
	}

	/**
	 * The canonical path ({@code .} between levels, upper case) of {@code code} written
	 * with {@code .}, {@code -}, {@code /}, {@code >} or spaces between levels;
	 * {@code null} for a blank input.
	 * @throws IllegalArgumentException when a level is not 1–10 letters or digits or
	 * there are more than {@link #MAX_LEVELS} levels
	 */
	public static String normalize(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String[] levels = SEPARATOR.split(code.strip().toUpperCase(java.util.Locale.ROOT));
		if (levels.length > MAX_LEVELS) {
			throw new IllegalArgumentException("area code '" + code + "' has more than " + MAX_LEVELS + " levels");
		}
		for (String level : levels) {
			if (!LEVEL.matcher(level).matches()) {
				throw new IllegalArgumentException(
						"area code '" + code + "' is not a path of unit codes like 48.490.20194");
			}
		}
		return String.join(".", levels);
	}

	/** Number of levels of a canonical path. */
	static int depth(String path) {
		return (int) path.chars().filter((c) -> c == '.').count() + 1;
	}

	/**
	 * The first {@code levels} levels of a canonical path, or {@code null} if it is
	 * shallower.
	 */
	static String prefix(String path, int levels) {
		if (path == null) {
			return null;
		}
		int end = -1;
		for (int i = 0; i < levels; i++) {
			end = path.indexOf('.', end + 1);
			if (end < 0) {
				return (i == levels - 1) ? path : null;
			}
		}
		return path.substring(0, end);
	}

	/** Whether {@code path} lies in the area {@code prefix} (same unit or below it). */
	static boolean contains(String prefix, String path) {
		return path.equals(prefix) || path.startsWith(prefix + ".");
	}

}
