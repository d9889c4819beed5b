package vn.loa.common;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese without diacritics, for searching: {@code thu tuc} finds {@code thủ tục} and
 * {@code đất} finds {@code dat}. The same folding runs in Java on the query and in SQL on
 * the column ({@code translate} then {@code lower} on ASCII only, identical on PostgreSQL
 * whatever its collation and on H2), so no folded copy of the text is stored.
 */
public final class Folding {

	/**
	 * Every precomposed Vietnamese letter with a diacritic (NFC), lower and upper case.
	 */
	static final String FROM = "àÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆìÌíÍỉỈĩĨịỊòÒóÓỏỎõÕọỌôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰỳỲýÝỷỶỹỸỵỴđĐ";

	/** What each letter of {@link #FROM} folds to. */
	static final String TO = "aAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAeEeEeEeEeEeEeEeEeEeEeEiIiIiIiIiIoOoOoOoOoOoOoOoOoOoOoOoOoOoOoOoOoOuUuUuUuUuUuUuUuUuUuUuUyYyYyYyYyYdD";

	private Folding() {
	}

	/** Lower case, without diacritics, đ as d. */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
	}

	/** The SQL that folds {@code column} as {@link #fold} folds text. */
	public static String sql(String column) {
		return "lower(translate(" + column + ", '" + FROM + "', '" + TO + "'))";
	}

	/**
	 * A {@code like} pattern that finds the folded query anywhere, with {@code !} as the
	 * escape character: {@code like :pattern escape '!'}.
	 */
	public static String containsPattern(String query) {
		String folded = fold(query).strip().replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "%" + folded.replaceAll("\\s+", "%") + "%";
	}

}
