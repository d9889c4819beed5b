package vn.loa.plans;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.loa.common.Problems;

/**
 * A reporting period as officers name it: a month ({@code 2026-11}), a quarter
 * ({@code 2026-Q4}), a half ({@code 2026-H2}), the first nine months ({@code 2026-9M},
 * the "9 tháng" report) or a year ({@code 2026}).
 *
 * @param key the period's key
 * @param from first day
 * @param to last day
 */
public record Period(String key, LocalDate from, LocalDate to) {

	private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])|(9M)))?");

	/** Parses a key, or a 400 naming {@code field}. */
	public static Period parse(String field, String key) {
		Matcher m = (key != null) ? KEY.matcher(key.strip().toUpperCase(java.util.Locale.ROOT)) : null;
		if (m == null || !m.matches()) {
			throw Problems.invalid(field, "must be a period like 2026-11, 2026-Q4, 2026-H2, 2026-9M or 2026");
		}
		int year = Integer.parseInt(m.group(1));
		if (year < 2000 || year > 2100) {
			throw Problems.invalid(field, "the year must be between 2000 and 2100");
		}
		if (m.group(2) != null) {
			YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
			return new Period(month.toString(), month.atDay(1), month.atEndOfMonth());
		}
		if (m.group(3) != null) {
			int q = Integer.parseInt(m.group(3));
			return months(year + "-Q" + q, year, 3 * q - 2, 3 * q);
		}
		if (m.group(4) != null) {
			int h = Integer.parseInt(m.group(4));
			return months(year + "-H" + h, year, 6 * h - 5, 6 * h);
		}
		if (m.group(5) != null) {
			return months(year + "-9M", year, 1, 9);
		}
		return months(String.valueOf(year), year, 1, 12);
	}

	/** The quarter a day falls in. */
	public static Period quarterOf(LocalDate day) {
		return parse("period", day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
	}

	private static Period months(String key, int year, int first, int last) {
		return new Period(key, LocalDate.of(year, first, 1), YearMonth.of(year, last).atEndOfMonth());
	}

	/** Whole months in the period. */
	public int months() {
		return (this.to.getYear() - this.from.getYear()) * 12 + this.to.getMonthValue() - this.from.getMonthValue() + 1;
	}

	public int year() {
		return this.from.getYear();
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(this.from) && !day.isAfter(this.to);
	}

	/**
	 * How the report's title names the period: "tháng 11", "quý IV", "6 tháng cuối năm"…
	 */
	public String vietnamese() {
		String k = this.key;
		if (k.contains("-Q")) {
			return "quý " + new String[] { "I", "II", "III", "IV" }[Integer.parseInt(k.substring(k.length() - 1)) - 1]
					+ " năm " + year();
		}
		if (k.endsWith("-H1")) {
			return "6 tháng đầu năm " + year();
		}
		if (k.endsWith("-H2")) {
			return "6 tháng cuối năm " + year();
		}
		if (k.endsWith("-9M")) {
			return "9 tháng năm " + year();
		}
		if (k.length() == 7) {
			return "tháng " + this.from.getMonthValue() + " năm " + year();
		}
		return "năm " + year();
	}

}
