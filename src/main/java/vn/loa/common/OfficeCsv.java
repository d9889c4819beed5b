package vn.loa.common;

import org.apache.commons.csv.CSVFormat;

/**
 * How Loa reads a CSV file an officer saved from a spreadsheet: a byte-order mark is
 * dropped, the first row is the header, and the delimiter is a semicolon when the header
 * has semicolons and no commas (as spreadsheets write in locales with a decimal comma),
 * else a comma.
 */
public final class OfficeCsv {

	private OfficeCsv() {
	}

	/** The text without a byte-order mark; empty for none. */
	public static String text(String text) {
		return (text == null) ? "" : text.replace("\uFEFF", "");
	}

	/** The format to read {@code csv} (already through {@link #text}) with. */
	public static CSVFormat format(String csv) {
		String firstLine = csv.lines().findFirst().orElse("");
		char delimiter = (firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0) ? ';' : ',';
		return CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
	}

}
