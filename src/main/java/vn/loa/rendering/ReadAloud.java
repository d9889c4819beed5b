package vn.loa.rendering;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that turn one line of written Vietnamese into what an announcer says. Each
 * rule only rewrites what its pattern recognises; every other character is passed through
 * as written. The order matters: addresses and phone numbers are claimed before the
 * general number rule would read them as quantities.
 */
final class ReadAloud {

	private static final String NOT_AFTER_DIGIT = "(?<![\\p{N}])";

	private static final String NOT_BEFORE_DIGIT = "(?![\\p{N}])";

	private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>()\\[\\]\"]+"
			+ "|[\\w.+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+"
			+ "|(?<![\\p{L}\\p{N}@./])[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:vn|com|net|org|gov|edu|info|io)(?![\\p{L}\\p{N}-])(?:/[^\\s<>()\\[\\]\"]*)?");

	private static final Pattern PHONE_KEYWORD = Pattern
		.compile("(?iu)((?<![\\p{L}])(?:hotline|đường dây nóng|điện thoại|số máy|tổng đài|sđt|đt|zalo|fax)(?![\\p{L}])"
				+ "[\\s:(\\-]*(?:(?:số|là|miễn phí)[\\s:]*)?)" + "(\\+?\\(?\\d[\\d().\\- ]*\\d)" + NOT_BEFORE_DIGIT);

	private static final Pattern PHONE_SHAPE = Pattern
		.compile("(?<![\\p{L}\\p{N}.,/])(?:\\+84|\\(0\\d{1,3}\\)|0\\d)(?:[ .\\-]?\\d){7,10}" + NOT_BEFORE_DIGIT
				+ "|(?<![\\p{L}\\p{N}.,/])1[89]00[ .\\-]?\\d{3,4}(?:[ .\\-]?\\d{1,4})?" + NOT_BEFORE_DIGIT);

	private static final Pattern DATE = Pattern.compile("(?iu)(ngày\\s+)?" + NOT_AFTER_DIGIT
			+ "(\\d{1,2})\\s*([/.\\-])\\s*(\\d{1,2})\\s*\\3\\s*(\\d{4})" + NOT_BEFORE_DIGIT);

	private static final Pattern MONTH_YEAR = Pattern
		.compile("(?iu)(tháng)\\s+(\\d{1,2})\\s*[/\\-]\\s*(\\d{4})" + NOT_BEFORE_DIGIT);

	private static final Pattern ORDINAL = Pattern
		.compile("(?iu)(?<![\\p{L}])(thứ|tháng)\\s+(\\d{1,2})" + NOT_BEFORE_DIGIT + "(?![.,/]\\d)");

	private static final Pattern TIME = Pattern
		.compile(NOT_AFTER_DIGIT + "(\\d{1,2})(?:h(\\d{2})?(?![\\p{L}\\p{N}])|:(\\d{2})" + NOT_BEFORE_DIGIT + "(?!:))");

	private static final String NUMBER = "(\\d{1,3}(?:\\.\\d{3})+(?![.,]?\\d)|\\d+)(?:,(\\d+)|\\.(\\d{1,2})(?![\\d.]\\d))?";

	private static final Pattern RANGE = Pattern
		.compile(NOT_AFTER_DIGIT + "(?<![.,])" + NUMBER + "\\s*[-–]\\s*" + NUMBER + NOT_BEFORE_DIGIT);

	private static final Pattern QUANTITY = Pattern.compile(NOT_AFTER_DIGIT + "(?<![\\p{N}][.,])" + NUMBER
			+ NOT_BEFORE_DIGIT + "(?:(\\s?%)|(\\s?(?:VNĐ|VND|đồng|đ))(?![\\p{L}]))?");

	private static final Map<String, String> ADDRESS_WORDS = Map.of("www", "vê kép vê kép vê kép", "vn", "vê en", "gov",
			"gờ o vê", "com", "com", "edu", "e đu", "org", "o rờ gờ", "net", "nét", "http", "hát tê tê pê", "https",
			"hát tê tê pê ét", "html", "hát tê em e lờ");

	private static final Map<Character, String> LETTERS = Map.ofEntries(Map.entry('a', "a"), Map.entry('b', "bê"),
			Map.entry('c', "xê"), Map.entry('d', "dê"), Map.entry('e', "e"), Map.entry('f', "ép"),
			Map.entry('g', "giê"), Map.entry('h', "hát"), Map.entry('i', "i"), Map.entry('j', "giây"),
			Map.entry('k', "ca"), Map.entry('l', "e lờ"), Map.entry('m', "em mờ"), Map.entry('n', "en nờ"),
			Map.entry('o', "o"), Map.entry('p', "pê"), Map.entry('q', "quy"), Map.entry('r', "e rờ"),
			Map.entry('s', "ét"), Map.entry('t', "tê"), Map.entry('u', "u"), Map.entry('v', "vê"),
			Map.entry('w', "vê kép"), Map.entry('x', "ích"), Map.entry('y', "i dài"), Map.entry('z', "dét"));

	private ReadAloud() {
	}

	/** Everything but abbreviations, which depend on the admins' dictionary. */
	static String numbersAndAddresses(String line) {
		String out = replace(URL, line, ReadAloud::address);
		out = replace(PHONE_KEYWORD, out,
				(m) -> (m.group(2).replaceAll("\\D", "").length() < 3) ? m.group() : m.group(1) + phone(m.group(2)));
		out = replace(PHONE_SHAPE, out, (m) -> phone(m.group()));
		out = replace(DATE, out, ReadAloud::date);
		out = replace(MONTH_YEAR, out, (m) -> m.group(1) + " " + VietnameseNumbers.month(Integer.parseInt(m.group(2)))
				+ " năm " + VietnameseNumbers.words(Long.parseLong(m.group(3))));
		out = replace(ORDINAL, out, ReadAloud::ordinal);
		out = replace(TIME, out, ReadAloud::time);
		out = replace(RANGE, out, (m) -> number(m.group(1), m.group(2), m.group(3)) + " đến "
				+ number(m.group(4), m.group(5), m.group(6)));
		String spaced = out;
		// "59C" reads "năm mươi chín C": the words need a space before a letter code.
		return replace(QUANTITY, spaced, (m) -> quantity(m)
				+ ((m.end() < spaced.length() && Character.isLetter(spaced.charAt(m.end()))) ? " " : ""));
	}

	private static String replace(Pattern pattern, String text, Function<MatchResult, String> reader) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder out = new StringBuilder(text.length() + 32);
		boolean found = false;
		while (matcher.find()) {
			found = true;
			matcher.appendReplacement(out, Matcher.quoteReplacement(reader.apply(matcher.toMatchResult())));
		}
		if (!found) {
			return text;
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String quantity(MatchResult m) {
		String words = number(m.group(1), m.group(2), m.group(3));
		if (m.group(4) != null) {
			return words + " phần trăm";
		}
		if (m.group(5) != null) {
			return words + " đồng";
		}
		return words;
	}

	/**
	 * A number as written in Vietnamese: dots group thousands, a comma starts the
	 * decimals ("phẩy"); a dot followed by one or two digits ("4.0") is read "chấm".
	 */
	static String number(String integer, String commaDecimals, String dotDecimals) {
		String digits = integer.replace(".", "");
		if (commaDecimals != null) {
			return VietnameseNumbers.decimal(digits, commaDecimals);
		}
		String words = whole(digits);
		if (dotDecimals != null) {
			return words + " chấm " + whole(dotDecimals);
		}
		return words;
	}

	private static String whole(String digits) {
		// Beyond a long's range nobody reads the magnitude; the digits are still useful.
		if (digits.length() > 18) {
			return VietnameseNumbers.digits(digits);
		}
		return VietnameseNumbers.words(Long.parseLong(digits));
	}

	private static String date(MatchResult m) {
		int day = Integer.parseInt(m.group(2));
		int month = Integer.parseInt(m.group(4));
		if (day < 1 || day > 31 || month < 1 || month > 12) {
			return m.group();
		}
		String prefix = (m.group(1) != null) ? m.group(1) : "ngày ";
		return prefix + VietnameseNumbers.words(day) + " tháng " + VietnameseNumbers.month(month) + " năm "
				+ VietnameseNumbers.words(Long.parseLong(m.group(5)));
	}

	private static String ordinal(MatchResult m) {
		String word = m.group(1);
		int n = Integer.parseInt(m.group(2));
		String said;
		if (word.toLowerCase(Locale.ROOT).equals("tháng")) {
			said = (n >= 1 && n <= 12) ? VietnameseNumbers.month(n) : VietnameseNumbers.words(n);
		}
		else {
			// "thứ nhất", "thứ tư": the ordinals that differ from the cardinal numbers.
			said = switch (n) {
				case 1 -> "nhất";
				case 4 -> "tư";
				default -> VietnameseNumbers.words(n);
			};
		}
		return word + " " + said;
	}

	private static String time(MatchResult m) {
		int hour = Integer.parseInt(m.group(1));
		String minutes = (m.group(2) != null) ? m.group(2) : m.group(3);
		if (hour > 24 || (minutes != null && Integer.parseInt(minutes) > 59)) {
			return m.group();
		}
		String out = VietnameseNumbers.words(hour) + " giờ";
		if (minutes != null && Integer.parseInt(minutes) > 0) {
			out += " " + VietnameseNumbers.words(Integer.parseInt(minutes)) + " phút";
		}
		return out;
	}

	/**
	 * Phone numbers are said digit by digit in the groups they were written in; an
	 * ungrouped number is cut into the groups people say (0905 123 456, 0262 385 2255).
	 */
	static String phone(String written) {
		StringBuilder out = new StringBuilder();
		String text = written.strip();
		if (text.startsWith("+")) {
			out.append("cộng ");
			text = text.substring(1);
		}
		String[] groups = text.split("[^0-9]+");
		boolean single = true;
		int nonEmpty = 0;
		for (String group : groups) {
			if (!group.isEmpty()) {
				nonEmpty++;
			}
		}
		single = nonEmpty == 1;
		boolean firstGroup = true;
		for (String group : groups) {
			if (group.isEmpty()) {
				continue;
			}
			for (String chunk : chunks(group, single && group.startsWith("0") && group.length() >= 9)) {
				if (!firstGroup) {
					out.append(", ");
				}
				out.append(VietnameseNumbers.digits(chunk));
				firstGroup = false;
			}
		}
		return out.toString();
	}

	private static java.util.List<String> chunks(String group, boolean prefixFirst) {
		java.util.List<String> chunks = new java.util.ArrayList<>();
		String rest = group;
		if (prefixFirst) {
			chunks.add(rest.substring(0, 4));
			rest = rest.substring(4);
		}
		if (rest.length() <= 4) {
			if (!rest.isEmpty()) {
				chunks.add(rest);
			}
			return chunks;
		}
		int size = (rest.length() % 4 == 0) ? 4 : 3;
		int i = 0;
		while (i < rest.length()) {
			int end = Math.min(i + size, rest.length());
			if (rest.length() - end == 1) {
				end++;
			}
			chunks.add(rest.substring(i, end));
			i = end;
		}
		return chunks;
	}

	/**
	 * A web or e-mail address as a listener can write it down: the scheme and a trailing
	 * slash dropped, punctuation named, letter clusters that cannot be pronounced
	 * spelled.
	 */
	static String address(MatchResult m) {
		String written = m.group();
		String trailing = "";
		while (!written.isEmpty() && ".,;:!?)”’\"'".indexOf(written.charAt(written.length() - 1)) >= 0) {
			trailing = written.charAt(written.length() - 1) + trailing;
			written = written.substring(0, written.length() - 1);
		}
		String address = written.replaceFirst("(?i)^https?://", "");
		while (address.endsWith("/")) {
			address = address.substring(0, address.length() - 1);
		}
		StringBuilder out = new StringBuilder();
		StringBuilder token = new StringBuilder();
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				token.append(c);
				continue;
			}
			appendToken(out, token);
			String separator = switch (c) {
				case '.' -> "chấm";
				case '/' -> "gạch chéo";
				case '-' -> "gạch ngang";
				case '_' -> "gạch dưới";
				case '@' -> "a còng";
				case ':' -> "hai chấm";
				case '?' -> "chấm hỏi";
				case '=' -> "bằng";
				case '&' -> "và";
				default -> String.valueOf(c);
			};
			appendWord(out, separator);
		}
		appendToken(out, token);
		return out + trailing;
	}

	private static void appendToken(StringBuilder out, StringBuilder token) {
		if (token.isEmpty()) {
			return;
		}
		String word = token.toString();
		token.setLength(0);
		String lower = word.toLowerCase(Locale.ROOT);
		String known = ADDRESS_WORDS.get(lower);
		if (known != null) {
			appendWord(out, known);
			return;
		}
		// Digits and letters are split so "so2" reads "ét o hai".
		StringBuilder run = new StringBuilder();
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			if (Character.isDigit(c)) {
				appendLetters(out, run);
				appendWord(out, VietnameseNumbers.digit(c));
			}
			else {
				run.append(c);
			}
		}
		appendLetters(out, run);
	}

	private static void appendLetters(StringBuilder out, StringBuilder run) {
		if (run.isEmpty()) {
			return;
		}
		String letters = run.toString();
		run.setLength(0);
		if (pronounceable(letters)) {
			appendWord(out, letters);
			return;
		}
		for (int i = 0; i < letters.length(); i++) {
			String name = LETTERS.get(letters.charAt(i));
			appendWord(out, (name != null) ? name : String.valueOf(letters.charAt(i)));
		}
	}

	/** A cluster without a vowel (cchc, sgd) or of one or two letters is spelled. */
	private static boolean pronounceable(String letters) {
		if (letters.length() <= 2) {
			return false;
		}
		for (int i = 0; i < letters.length(); i++) {
			if ("aeiouyăâêôơư".indexOf(letters.charAt(i)) >= 0) {
				return true;
			}
		}
		return !letters.chars().allMatch((c) -> c < 128);
	}

	private static void appendWord(StringBuilder out, String word) {
		if (!out.isEmpty()) {
			out.append(' ');
		}
		out.append(word);
	}

}
