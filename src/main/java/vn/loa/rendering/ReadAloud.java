package vn.loa.rendering;

import java.util.ArrayList;
import java.util.List;
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

	/**
	 * A phone number as officers write it: an optional country code, an optional area
	 * code in brackets, then digit groups joined by one space, dot or hyphen. A group
	 * glued to a letter ("7h30") or starting a date or decimal ("15/9") is not part of
	 * it, and neither is a bracket or a dash with spaces around it, so what follows a
	 * number ("1022 (7h30 – 17h00)") is left for the rules that read it.
	 */
	private static final String PHONE_BODY = "(?:\\+\\s?84[ .\\-]?|\\(\\+?84\\)\\s?)?(?:\\(0\\d{1,4}\\)[ .\\-]?)?"
			+ "\\d+(?:[ .\\-]\\d{2,})*" + "(?![\\p{L}\\p{N}])(?![.,/:]\\d)";

	private static final String PHONE_WORDS = "(?:hotline|đường dây nóng|điện thoại|số máy|tổng đài|sđt|đt|zalo|fax)";

	/**
	 * A number right after a phone word ("Hotline: 1022", "điện thoại số 0258 3822 222").
	 */
	private static final Pattern PHONE_KEYWORD = Pattern.compile("(?iu)((?<![\\p{L}])" + PHONE_WORDS
			+ "(?![\\p{L}])[\\s:\\-]*(?:(?:số|là|miễn phí)[\\s:]*)?)(" + PHONE_BODY + ")");

	/**
	 * A phone word, a short name, then a number that ends the phrase ("Tổng đài Dịch vụ
	 * công 1022."): a number followed by a word is more likely a quantity.
	 */
	private static final Pattern PHONE_NAMED = Pattern.compile(
			"(?iu)((?<![\\p{L}])" + PHONE_WORDS + "(?:\\s+\\p{L}+){1,4}\\s*:?\\s*)(" + PHONE_BODY + ")(?!\\s*\\p{L})");

	private static final Pattern PHONE_SHAPE = Pattern
		.compile("(?<![\\p{L}\\p{N}.,/])(?:\\+\\s?84|\\(0\\d{1,3}\\)|0\\d)(?:[ .\\-]?\\d){7,10}" + NOT_BEFORE_DIGIT
				+ "|(?<![\\p{L}\\p{N}.,/])84[35789]\\d{8}" + NOT_BEFORE_DIGIT
				+ "|(?<![\\p{L}\\p{N}.,/])\\(0\\d{2,3}\\)[ .\\-]?\\d{3,8}(?:[ .\\-]\\d{2,})*" + NOT_BEFORE_DIGIT
				+ "|(?<![\\p{L}\\p{N}.,/])1[89]00[ .\\-]?\\d{3,4}(?:[ .\\-]?\\d{1,4})?" + NOT_BEFORE_DIGIT);

	/**
	 * An area code or other number with a leading zero ("(0251)") is said digit by digit.
	 */
	private static final Pattern LEADING_ZERO = Pattern
		.compile("(?<![\\p{L}\\p{N}.,/])0\\d{2,}" + NOT_BEFORE_DIGIT + "(?![.,/]\\d)(?![\\p{L}])");

	/**
	 * A document's number and symbol: "590/QĐ-UBND", "23/2015/NĐ-CP", "09-NQ/TW",
	 * "59C/QĐ-UBND". The number is said, each slash is "trên"; the symbol is left as
	 * written (the abbreviation dictionary may expand parts of it).
	 */
	private static final Pattern DOCUMENT = Pattern.compile("(?<![\\p{L}\\p{N}/.,])(\\d{1,6})(\\p{Lu})?"
			+ "(?:\\s?/\\s?(\\d{4}))?(\\s?/\\s?|-\\s?)(?=\\p{Lu}[\\p{L}]*(?:[-/ ]|$|[\\p{N}]))");

	private static final String DAY_MONTH = "(\\d{1,2})\\s*/\\s*(\\d{1,2})";

	/**
	 * "15/9 – 15/10/2021", "15/9/2021 - 15/10/2021": the first date may omit the year.
	 */
	private static final Pattern DATE_RANGE = Pattern.compile("(?iu)(ngày\\s+)?" + NOT_AFTER_DIGIT + DAY_MONTH
			+ "(?:\\s*/\\s*(\\d{4}))?\\s*[-–—]\\s*(?:ngày\\s+)?" + DAY_MONTH + "\\s*/\\s*(\\d{4})" + NOT_BEFORE_DIGIT);

	private static final Pattern DATE = Pattern.compile("(?iu)(ngày\\s+)?" + NOT_AFTER_DIGIT
			+ "(\\d{1,2})\\s*([/.\\-])\\s*(\\d{1,2})\\s*\\3\\s*(\\d{4})" + NOT_BEFORE_DIGIT);

	/**
	 * A day and month without a year is only taken for a date where the words around say
	 * so ("ngày 15/9", "từ 15/9", "trước 25/12"): "24/7" alone is not a date.
	 */
	private static final Pattern DATE_NO_YEAR = Pattern
		.compile("(?iu)(?<![\\p{L}])((?:ngày|từ|đến|tới|trước|sau|hết|hạn|vào)\\s+(?:ngày\\s+)?)" + NOT_AFTER_DIGIT
				+ DAY_MONTH + NOT_BEFORE_DIGIT + "(?![/.\\-]\\d)");

	private static final Pattern MONTH_YEAR = Pattern
		.compile("(?iu)(tháng)\\s+(\\d{1,2})\\s*[/\\-]\\s*(\\d{4})" + NOT_BEFORE_DIGIT);

	/** "quý I/2021", "quý 3 năm 2021". */
	private static final Pattern QUARTER = Pattern
		.compile("(?iu)(?<![\\p{L}])(quý)\\s+(IV|I{1,3}|[1-4])(?![\\p{L}\\p{N}])(?:\\s*/\\s*(\\d{4})" + NOT_BEFORE_DIGIT
				+ ")?");

	/**
	 * Roman numerals after the words that take them: "khóa XII", "lần thứ IV", "mục II".
	 */
	private static final Pattern ROMAN = Pattern.compile(
			"(?u)(?<![\\p{L}])((?i:khóa|khoá|thứ|mục|phần|chương|kỳ|nhiệm kỳ|giai đoạn))\\s+([IVX]{1,5})(?![\\p{L}\\p{N}])");

	private static final Pattern ORDINAL = Pattern
		.compile("(?iu)(?<![\\p{L}])(thứ|tháng)\\s+(\\d{1,2})" + NOT_BEFORE_DIGIT + "(?![.,/]\\d)");

	/** "7h", "7h30", "17h00", "7:30", "7g30", "17g". */
	private static final String CLOCK = "(\\d{1,2})(?:[hg](\\d{2})?(?![\\p{L}\\p{N}])|:(\\d{2})" + NOT_BEFORE_DIGIT
			+ "(?!:))";

	/** "7h30 – 17h00", "7:30-11:30". */
	private static final Pattern TIME_RANGE = Pattern.compile(NOT_AFTER_DIGIT + CLOCK + "\\s*[-–—]\\s*" + CLOCK);

	private static final Pattern TIME = Pattern.compile(NOT_AFTER_DIGIT + CLOCK);

	private static final String NUMBER = "(\\d{1,3}(?:\\.\\d{3})+(?![.,]?\\d)|\\d+)(?:,(\\d+)|\\.(\\d{1,2})(?![\\d.]\\d))?";

	private static final Pattern RANGE = Pattern.compile(
			NOT_AFTER_DIGIT + "(?<![.,])" + NUMBER + "(\\s?%)?\\s*[-–]\\s*" + NUMBER + NOT_BEFORE_DIGIT + "(\\s?%)?");

	/** What is left of "24/7" and "3/4" after the dates: "hai mươi tư trên bảy". */
	private static final Pattern SLASHED = Pattern
		.compile(NOT_AFTER_DIGIT + "(?<![.,/])(\\d{1,4})\\s?/\\s?(\\d{1,4})" + NOT_BEFORE_DIGIT + "(?![.,/]\\d)");

	/** "3 tháng/lần", "(bài)/tháng", "200 nghìn đồng/người". */
	private static final Pattern PER = Pattern
		.compile("(?iu)(?<=[\\p{L})])\\s?/\\s?(lần|tháng|năm|quý|tuần|ngày|người|hộ|hồ sơ|kỳ)(?![\\p{L}])");

	/** "Covid-19", "QH15": the number is said as a word of its own. */
	private static final Pattern GLUED_NUMBER = Pattern.compile("(?<=\\p{L})-?(?=\\d)");

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
		out = replace(PHONE_KEYWORD, out, ReadAloud::keywordPhone);
		out = replace(PHONE_NAMED, out, ReadAloud::keywordPhone);
		out = replace(PHONE_SHAPE, out, (m) -> phone(m.group()));
		out = replace(LEADING_ZERO, out, (m) -> VietnameseNumbers.digits(m.group()));
		out = replace(DATE_RANGE, out, ReadAloud::dateRange);
		out = replace(DATE, out, ReadAloud::date);
		out = replace(DATE_NO_YEAR, out, ReadAloud::dateWithoutYear);
		out = replace(MONTH_YEAR, out, (m) -> m.group(1) + " " + VietnameseNumbers.month(Integer.parseInt(m.group(2)))
				+ " năm " + VietnameseNumbers.words(Long.parseLong(m.group(3))));
		out = replace(DOCUMENT, out, ReadAloud::document);
		out = replace(QUARTER, out, ReadAloud::quarter);
		out = replace(ROMAN, out, ReadAloud::roman);
		out = replace(ORDINAL, out, ReadAloud::ordinal);
		out = replace(TIME_RANGE, out,
				(m) -> time(m.group(1), (m.group(2) != null) ? m.group(2) : m.group(3), m.group()) + " đến "
						+ time(m.group(4), (m.group(5) != null) ? m.group(5) : m.group(6), m.group()));
		out = replace(TIME, out, (m) -> time(m.group(1), (m.group(2) != null) ? m.group(2) : m.group(3), m.group()));
		out = replace(RANGE, out,
				(m) -> number(m.group(1), m.group(2), m.group(3)) + ((m.group(4) != null) ? " phần trăm" : "") + " đến "
						+ number(m.group(5), m.group(6), m.group(7)) + ((m.group(8) != null) ? " phần trăm" : ""));
		out = replace(SLASHED, out, (m) -> number(m.group(1), null, null) + " trên " + number(m.group(2), null, null));
		out = replace(PER, out, (m) -> m.group(1).equalsIgnoreCase("lần") ? " một lần" : " mỗi " + m.group(1));
		out = replace(GLUED_NUMBER, out, (m) -> " ");
		String spaced = out;
		// "59C" reads "năm mươi chín C": the words need a space before a letter code.
		out = replace(QUANTITY, spaced, (m) -> quantity(m)
				+ ((m.end() < spaced.length() && Character.isLetter(spaced.charAt(m.end()))) ? " " : ""));
		// a sentence that began with a number still begins with a capital
		if (!line.isEmpty() && Character.isDigit(line.charAt(0)) && !out.isEmpty()
				&& Character.isLowerCase(out.charAt(0))) {
			out = Character.toUpperCase(out.charAt(0)) + out.substring(1);
		}
		return out;
	}

	private static String keywordPhone(MatchResult m) {
		return (m.group(2).replaceAll("\\D", "").length() < 3) ? m.group() : m.group(1) + phone(m.group(2));
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
			said = ordinal(n);
		}
		return word + " " + said;
	}

	/** A clock time, or the text as written when it cannot be one ("25h"). */
	private static String time(String hourDigits, String minutes, String written) {
		int hour = Integer.parseInt(hourDigits);
		if (hour > 24 || (minutes != null && Integer.parseInt(minutes) > 59)) {
			return written;
		}
		String out = VietnameseNumbers.words(hour) + " giờ";
		if (minutes != null && Integer.parseInt(minutes) > 0) {
			out += " " + VietnameseNumbers.words(Integer.parseInt(minutes)) + " phút";
		}
		return out;
	}

	private static String dateRange(MatchResult m) {
		int fromDay = Integer.parseInt(m.group(2));
		int fromMonth = Integer.parseInt(m.group(3));
		int toDay = Integer.parseInt(m.group(5));
		int toMonth = Integer.parseInt(m.group(6));
		if (!validDay(fromDay, fromMonth) || !validDay(toDay, toMonth)) {
			return m.group();
		}
		String prefix = (m.group(1) != null) ? m.group(1) : "ngày ";
		String from = dayMonth(fromDay, fromMonth);
		if (m.group(4) != null && !m.group(4).equals(m.group(7))) {
			from += " năm " + VietnameseNumbers.words(Long.parseLong(m.group(4)));
		}
		return prefix + from + " đến ngày " + dayMonth(toDay, toMonth) + " năm "
				+ VietnameseNumbers.words(Long.parseLong(m.group(7)));
	}

	private static String dateWithoutYear(MatchResult m) {
		int day = Integer.parseInt(m.group(2));
		int month = Integer.parseInt(m.group(3));
		if (!validDay(day, month)) {
			return m.group();
		}
		String lead = m.group(1);
		String prefix = lead.toLowerCase(Locale.ROOT).contains("ngày") ? lead : lead + "ngày ";
		return prefix + dayMonth(day, month);
	}

	private static boolean validDay(int day, int month) {
		return day >= 1 && day <= 31 && month >= 1 && month <= 12;
	}

	private static String dayMonth(int day, int month) {
		return VietnameseNumbers.words(day) + " tháng " + VietnameseNumbers.month(month);
	}

	private static String document(MatchResult m) {
		StringBuilder out = new StringBuilder(VietnameseNumbers.words(Long.parseLong(m.group(1))));
		if (m.group(2) != null) {
			out.append(' ').append(m.group(2));
		}
		if (m.group(3) != null) {
			out.append(" trên ").append(VietnameseNumbers.words(Long.parseLong(m.group(3))));
		}
		out.append(m.group(4).contains("/") ? " trên " : " ");
		return out.toString();
	}

	private static String quarter(MatchResult m) {
		String written = m.group(2);
		int n = Character.isDigit(written.charAt(0)) ? Integer.parseInt(written) : roman(written);
		String out = m.group(1) + " " + VietnameseNumbers.words(n);
		if (m.group(3) != null) {
			out += " năm " + VietnameseNumbers.words(Long.parseLong(m.group(3)));
		}
		return out;
	}

	private static String roman(MatchResult m) {
		int n = roman(m.group(2));
		if (n <= 0) {
			return m.group();
		}
		String word = m.group(1);
		if (word.toLowerCase(Locale.ROOT).equals("thứ")) {
			return word + " " + ordinal(n);
		}
		return word + " " + VietnameseNumbers.words(n);
	}

	/** The value of a Roman numeral up to 39, or 0 when it is not one. */
	static int roman(String numeral) {
		int total = 0;
		int previous = 0;
		for (int i = numeral.length() - 1; i >= 0; i--) {
			int value = switch (numeral.charAt(i)) {
				case 'I' -> 1;
				case 'V' -> 5;
				case 'X' -> 10;
				default -> 0;
			};
			if (value == 0) {
				return 0;
			}
			total += (value < previous) ? -value : value;
			previous = Math.max(previous, value);
		}
		return total;
	}

	/** "thứ nhất", "thứ tư": the ordinals that differ from the cardinal numbers. */
	private static String ordinal(int n) {
		return switch (n) {
			case 1 -> "nhất";
			case 4 -> "tư";
			default -> VietnameseNumbers.words(n);
		};
	}

	/**
	 * Phone numbers are said digit by digit in the groups they were written in; an
	 * ungrouped number is cut into the groups people say (0905 123 456, 0262 385 2255).
	 */
	static String phone(String written) {
		StringBuilder out = new StringBuilder();
		String text = written.strip();
		if (text.startsWith("+") || text.startsWith("(+")) {
			out.append("cộng ");
			text = text.substring(text.indexOf('+') + 1);
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
			List<String> chunks;
			if (single && group.startsWith("84") && group.length() == 11) {
				// 84905123456: the country code, then the mobile number without its 0
				chunks = new ArrayList<>(List.of("84"));
				chunks.addAll(chunks(group.substring(2), false));
			}
			else {
				chunks = chunks(group, single && group.startsWith("0") && group.length() >= 9);
			}
			for (String chunk : chunks) {
				if (!firstGroup) {
					out.append(", ");
				}
				out.append(VietnameseNumbers.digits(chunk));
				firstGroup = false;
			}
		}
		return out.toString();
	}

	private static List<String> chunks(String group, boolean prefixFirst) {
		List<String> chunks = new ArrayList<>();
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
