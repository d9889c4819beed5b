package vn.loa.units;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the units CSV: a header naming {@code code, name, parent, kind, area} (any order,
 * case-insensitive; Vietnamese headers {@code mã, tên, đơn vị cấp trên, loại,
 * địa bàn} also work), comma or semicolon separated, UTF-8 with or without a BOM.
 */
final class UnitCsv {

	private static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("code", "code"), Map.entry("mã", "code"),
			Map.entry("name", "name"), Map.entry("tên", "name"), Map.entry("parent", "parent"),
			Map.entry("đơn vị cấp trên", "parent"), Map.entry("kind", "kind"), Map.entry("loại", "kind"),
			Map.entry("area", "area"), Map.entry("areapath", "area"), Map.entry("địa bàn", "area"));

	private UnitCsv() {
	}

	record Row(int number, String code, String name, String parent, String kind, String area) {
	}

	static List<Row> parse(String text) {
		String csv = vn.loa.common.OfficeCsv.text(text);
		CSVFormat format = vn.loa.common.OfficeCsv.format(csv);
		try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
			Map<String, Integer> header = parser.getHeaderMap();
			if (header == null || header.isEmpty()) {
				throw new IllegalArgumentException(
						"The file is empty: it needs a header row code,name,parent,kind,area");
			}
			Map<String, String> columns = new java.util.HashMap<>();
			for (String name : header.keySet()) {
				String canonical = HEADERS.get(java.text.Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT),
						java.text.Normalizer.Form.NFC));
				if (canonical != null) {
					columns.put(canonical, name);
				}
			}
			for (String required : List.of("code", "name", "kind")) {
				if (!columns.containsKey(required)) {
					throw new IllegalArgumentException(
							"The header has no column " + required + " (expected code,name,parent,kind,area)");
				}
			}
			List<Row> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				if (record.stream().allMatch(String::isBlank)) {
					continue;
				}
				rows.add(new Row((int) record.getRecordNumber() + 1, value(record, columns, "code"),
						value(record, columns, "name"), value(record, columns, "parent"),
						value(record, columns, "kind"), value(record, columns, "area")));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.io.UncheckedIOException | IllegalStateException ex) {
			throw new IllegalArgumentException("The file is not valid CSV: " + ex.getMessage());
		}
	}

	private static String value(CSVRecord record, Map<String, String> columns, String column) {
		String name = columns.get(column);
		if (name == null || !record.isMapped(name) || !record.isSet(name)) {
			return null;
		}
		String value = record.get(name);
		return value.isBlank() ? null : value;
	}

}
