package vn.loa.audience;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.loa.audience.SubscriberImportReport.DuplicateRow;
import vn.loa.audience.SubscriberImportReport.RejectedRow;

/**
 * Reads a subscriber CSV as officers export it from a spreadsheet: UTF-8 with or without
 * BOM, comma, semicolon or tab separated, Vietnamese or English headers, numbers in any
 * spelling. Checks every row on its own, so a bad row is reported and the others kept;
 * rows with the same number are merged here, before anything touches the database.
 */
final class SubscriberCsv {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");

	// Header spellings, folded (no accents, lower case, '_' between words).
	private static final Map<String, Column> HEADERS = headers();

	private SubscriberCsv() {
	}

	static Parsed parse(InputStream input) {
		try {
			BufferedReader reader = new BufferedReader(new InputStreamReader(input,
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)),
					1 << 16);
			skipBom(reader);
			return parse(reader, delimiter(reader));
		}
		catch (CharacterCodingException ex) {
			throw new SubscriberImportException("the file is not UTF-8 text; save it as \"CSV UTF-8\"");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Parsed parse(BufferedReader reader, char delimiter) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(false)
			.setIgnoreSurroundingSpaces(true)
			.setTrim(true)
			.get();
		Parsed parsed = new Parsed();
		Map<String, ImportRow> byPhone = new LinkedHashMap<>();
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			try {
				for (CSVRecord record : parser) {
					int row = (int) record.getRecordNumber();
					if (parsed.columns == null) {
						parsed.columns = columns(record, parsed.columnNames);
						if (parsed.columns.containsKey(Column.PHONE)) {
							continue;
						}
						if (!PhoneNumbers.check(record.get(0)).valid()) {
							throw new SubscriberImportException("no phone number column: name one "
									+ "\"số điện thoại\", \"so_dien_thoai\", \"sdt\" or \"phone\"");
						}
						// A file of bare numbers without a header: the first row is data.
						parsed.columns = Map.of(Column.PHONE, 0);
						parsed.columnNames.put(Column.PHONE, "phone");
					}
					if (blank(record)) {
						continue;
					}
					parsed.rowsRead++;
					ImportRow candidate = read(record, row, parsed);
					if (candidate == null) {
						continue;
					}
					ImportRow first = byPhone.get(candidate.phone);
					if (first == null) {
						byPhone.put(candidate.phone, candidate);
					}
					else {
						first.merge(candidate);
						parsed.duplicateCount++;
						if (parsed.duplicates.size() < SubscriberImportReport.MAX_DETAILS) {
							parsed.duplicates.add(new DuplicateRow(row, first.row, candidate.written, candidate.phone));
						}
					}
				}
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				if (ex.getCause() instanceof CharacterCodingException) {
					throw new SubscriberImportException("the file is not UTF-8 text; save it as \"CSV UTF-8\"");
				}
				// An unterminated quote swallows the rest of the file; the rows before it
				// are kept.
				parsed.reject(new RejectedRow((int) parser.getRecordNumber() + 1, null, null,
						"CSV syntax error, the rest of the file was not read: "
								+ ((ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage())));
			}
		}
		if (parsed.columns == null) {
			throw new SubscriberImportException("the file is empty");
		}
		parsed.rows.addAll(byPhone.values());
		return parsed;
	}

	private static ImportRow read(CSVRecord record, int row, Parsed parsed) {
		Map<Column, Integer> columns = parsed.columns;
		String phoneCell = cell(record, columns, Column.PHONE);
		PhoneNumbers.PhoneNumberCheck phone = PhoneNumbers.check(phoneCell);
		if (!phone.valid()) {
			parsed.reject(new RejectedRow(row, header(parsed, Column.PHONE), phoneCell, phone.reason()));
			return null;
		}
		String area;
		try {
			// Few distinct values repeat over thousands of rows; fold each once.
			area = parsed.areas.computeIfAbsent(Objects.toString(areaCell(record, columns), ""), AreaCodes::normalize);
		}
		catch (IllegalArgumentException ex) {
			parsed
				.reject(new RejectedRow(row, header(parsed, Column.AREA), areaCell(record, columns), ex.getMessage()));
			return null;
		}
		Set<String> topics;
		try {
			topics = parsed.topics.computeIfAbsent(Objects.toString(cell(record, columns, Column.TOPICS), ""),
					Topics::keys);
		}
		catch (IllegalArgumentException ex) {
			parsed.reject(new RejectedRow(row, header(parsed, Column.TOPICS), cell(record, columns, Column.TOPICS),
					ex.getMessage()));
			return null;
		}
		String language = cell(record, columns, Column.LANGUAGE);
		if (language != null && !language.isBlank()) {
			language = language.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
			if (!LANGUAGE.matcher(language).matches()) {
				parsed.reject(new RejectedRow(row, header(parsed, Column.LANGUAGE), language,
						"language must be a language tag such as vi"));
				return null;
			}
		}
		else {
			language = null;
		}
		return new ImportRow(row, phoneCell, phone.e164(), area, topics, language);
	}

	/**
	 * The area path: an area column, or the unit-code columns (province, district,
	 * commune) joined.
	 */
	private static String areaCell(CSVRecord record, Map<Column, Integer> columns) {
		String area = cell(record, columns, Column.AREA);
		if (area != null && !area.isBlank()) {
			return area;
		}
		List<String> levels = new ArrayList<>();
		for (Column level : List.of(Column.PROVINCE, Column.DISTRICT, Column.COMMUNE)) {
			String code = cell(record, columns, level);
			if (code != null && !code.isBlank()) {
				levels.add(code.strip());
			}
		}
		return levels.isEmpty() ? null : String.join(".", levels);
	}

	private static Map<Column, Integer> columns(CSVRecord header, Map<Column, String> names) {
		Map<Column, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			Column column = HEADERS.get(Texts.slug(header.get(i), '_'));
			if (column != null && !columns.containsKey(column)) {
				columns.put(column, i);
				names.put(column, header.get(i));
			}
		}
		return columns;
	}

	private static String cell(CSVRecord record, Map<Column, Integer> columns, Column column) {
		Integer index = columns.get(column);
		return (index != null && index < record.size()) ? record.get(index) : null;
	}

	private static String header(Parsed parsed, Column column) {
		return parsed.columnNames.getOrDefault(column, column.name().toLowerCase(java.util.Locale.ROOT));
	}

	private static boolean blank(CSVRecord record) {
		for (String value : record) {
			if (value != null && !value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static void skipBom(BufferedReader reader) throws IOException {
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
	}

	/**
	 * The separator the header line uses most: spreadsheets in Vietnamese locales write
	 * ';'.
	 */
	private static char delimiter(BufferedReader reader) throws IOException {
		reader.mark(1 << 15);
		char[] head = new char[(1 << 15) - 1];
		int read = reader.read(head);
		reader.reset();
		int commas = 0;
		int semicolons = 0;
		int tabs = 0;
		boolean quoted = false;
		for (int i = 0; i < Math.max(read, 0); i++) {
			char c = head[i];
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted) {
				commas += (c == ',') ? 1 : 0;
				semicolons += (c == ';') ? 1 : 0;
				tabs += (c == '\t') ? 1 : 0;
			}
		}
		if (semicolons > commas && semicolons >= tabs) {
			return ';';
		}
		return (tabs > commas) ? '\t' : ',';
	}

	private static Map<String, Column> headers() {
		Map<String, Column> headers = new LinkedHashMap<>();
		for (String name : List.of("so_dien_thoai", "sdt", "so_dt", "dien_thoai", "dien_thoai_di_dong", "di_dong",
				"so_di_dong", "so_thue_bao", "thue_bao", "phone", "phone_number", "mobile", "msisdn", "tel")) {
			headers.put(name, Column.PHONE);
		}
		for (String name : List.of("ma_dia_ban", "dia_ban", "ma_khu_vuc", "khu_vuc", "ma_don_vi_hanh_chinh", "area",
				"area_code")) {
			headers.put(name, Column.AREA);
		}
		for (String name : List.of("ma_tinh", "tinh", "tinh_thanh_pho", "province", "province_code")) {
			headers.put(name, Column.PROVINCE);
		}
		for (String name : List.of("ma_huyen", "huyen", "quan_huyen", "district", "district_code")) {
			headers.put(name, Column.DISTRICT);
		}
		for (String name : List.of("ma_xa", "xa", "phuong_xa", "ma_phuong_xa", "commune", "commune_code", "ward",
				"ward_code")) {
			headers.put(name, Column.COMMUNE);
		}
		for (String name : List.of("chu_de", "cac_chu_de", "linh_vuc", "topic", "topics")) {
			headers.put(name, Column.TOPICS);
		}
		for (String name : List.of("ngon_ngu", "language", "lang")) {
			headers.put(name, Column.LANGUAGE);
		}
		return headers;
	}

	enum Column {

		PHONE, AREA, PROVINCE, DISTRICT, COMMUNE, TOPICS, LANGUAGE

	}

	/** A row to store; duplicates of its number are merged into it. */
	static final class ImportRow {

		final int row;

		final String written;

		final String phone;

		String areaCode;

		final Set<String> topics;

		String language;

		ImportRow(int row, String written, String phone, String areaCode, Set<String> topics, String language) {
			this.row = row;
			this.written = written;
			this.phone = phone;
			this.areaCode = areaCode;
			this.topics = new LinkedHashSet<>(topics);
			this.language = language;
		}

		/** A later row wins for area and language, topics add up. */
		void merge(ImportRow later) {
			if (later.areaCode != null) {
				this.areaCode = later.areaCode;
			}
			if (later.language != null) {
				this.language = later.language;
			}
			this.topics.addAll(later.topics);
		}

	}

	static final class Parsed {

		final List<ImportRow> rows = new ArrayList<>();

		final List<RejectedRow> rejected = new ArrayList<>();

		final List<DuplicateRow> duplicates = new ArrayList<>();

		int rowsRead;

		int rejectedCount;

		int duplicateCount;

		Map<Column, Integer> columns;

		final Map<String, String> areas = new HashMap<>();

		final Map<String, Set<String>> topics = new HashMap<>();

		final Map<Column, String> columnNames = new java.util.EnumMap<>(Column.class);

		void reject(RejectedRow row) {
			this.rejectedCount++;
			if (this.rejected.size() < SubscriberImportReport.MAX_DETAILS) {
				this.rejected.add(row);
			}
		}

	}

}
