package vn.loa.rendering;

/**
 * Vietnamese number words as an announcer says them. The irregular forms are the reason
 * this class exists: "mốt" for a final 1 after "mươi", "lăm" for a final 5 after
 * "mười"/"mươi", "tư" for a final 4 after "mươi", "linh" when the tens digit of a hundred
 * is zero, and "không trăm" for an inner group under one hundred.
 */
final class VietnameseNumbers {

	private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };

	private static final String[] SCALES = { "", "nghìn", "triệu" };

	private static final long BILLION = 1_000_000_000L;

	private VietnameseNumbers() {
	}

	/** One digit as its own word, for phone numbers and the leading zeros of decimals. */
	static String digit(char c) {
		return DIGITS[c - '0'];
	}

	/** Reads a string of digits one by one ("1022" → "một không hai hai"). */
	static String digits(CharSequence digits) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			char c = digits.charAt(i);
			if (c < '0' || c > '9') {
				continue;
			}
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(digit(c));
		}
		return out.toString();
	}

	/** A whole number in words ("2021" → "hai nghìn không trăm hai mươi mốt"). */
	static String words(long n) {
		if (n < 0) {
			return "âm " + words(-n);
		}
		if (n == 0) {
			return "không";
		}
		return words(n, true);
	}

	/**
	 * Numbers from a billion up repeat the lower scales in front of "tỷ" ("nghìn tỷ"),
	 * which is how Vietnamese reads them.
	 */
	private static String words(long n, boolean leading) {
		if (n >= BILLION) {
			long high = n / BILLION;
			long rest = n % BILLION;
			String head = words(high, leading) + " tỷ";
			return (rest == 0) ? head : head + " " + words(rest, false);
		}
		int[] groups = new int[3];
		for (int i = 0; i < 3; i++) {
			groups[i] = (int) (n % 1000);
			n /= 1000;
		}
		StringBuilder out = new StringBuilder();
		for (int i = 2; i >= 0; i--) {
			int group = groups[i];
			if (group == 0) {
				continue;
			}
			boolean first = leading && out.isEmpty();
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(group(group, !first));
			if (!SCALES[i].isEmpty()) {
				out.append(' ').append(SCALES[i]);
			}
		}
		return out.toString();
	}

	/**
	 * Three digits. An inner group (not the first one said) keeps its "không trăm" and
	 * "linh" so that 2021 and 2,000,021 do not sound like 221.
	 */
	static String group(int n, boolean inner) {
		int hundreds = n / 100;
		int tens = (n / 10) % 10;
		int units = n % 10;
		StringBuilder out = new StringBuilder();
		if (hundreds > 0 || inner) {
			out.append(DIGITS[hundreds]).append(" trăm");
			if (tens == 0 && units > 0) {
				out.append(" linh ").append(DIGITS[units]);
				return out.toString();
			}
		}
		if (tens == 0) {
			if (units > 0) {
				appendWord(out, DIGITS[units]);
			}
			return out.toString();
		}
		if (tens == 1) {
			appendWord(out, "mười");
			if (units == 5) {
				appendWord(out, "lăm");
			}
			else if (units > 0) {
				appendWord(out, DIGITS[units]);
			}
			return out.toString();
		}
		appendWord(out, DIGITS[tens] + " mươi");
		switch (units) {
			case 0 -> {
			}
			case 1 -> appendWord(out, "mốt");
			case 4 -> appendWord(out, "tư");
			case 5 -> appendWord(out, "lăm");
			default -> appendWord(out, DIGITS[units]);
		}
		return out.toString();
	}

	private static void appendWord(StringBuilder out, String word) {
		if (!out.isEmpty()) {
			out.append(' ');
		}
		out.append(word);
	}

	/**
	 * Reads a decimal written the Vietnamese way: "81,5" → "tám mươi mốt phẩy năm",
	 * "0,05" → "không phẩy không năm" (leading zeros of the fraction are said one by
	 * one).
	 */
	static String decimal(String integerDigits, String fractionDigits) {
		StringBuilder out = new StringBuilder(words(parse(integerDigits))).append(" phẩy");
		int i = 0;
		while (i < fractionDigits.length() - 1 && fractionDigits.charAt(i) == '0') {
			out.append(' ').append(DIGITS[0]);
			i++;
		}
		String rest = fractionDigits.substring(i);
		if (rest.length() > 3) {
			out.append(' ').append(digits(rest));
		}
		else {
			out.append(' ').append(words(parse(rest)));
		}
		return out.toString();
	}

	/** Month names: Vietnamese says "tháng tư" rather than "tháng bốn". */
	static String month(int month) {
		return (month == 4) ? "tư" : words(month);
	}

	static long parse(String digits) {
		return Long.parseLong(digits);
	}

}
