package vn.loa.audience;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.loa.audience.SubscriberCsv.ImportRow;
import vn.loa.audience.SubscriberCsv.Parsed;
import vn.loa.audience.SubscriberImportReport.DuplicateRow;
import vn.loa.audience.SubscriberImportReport.RejectedRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubscriberCsvTest {

	@Test
	void readsVietnameseHeadersWithBomAndSemicolons() {
		Parsed parsed = parse("\uFEFFHọ và tên;Số điện thoại;Mã địa bàn;Chủ đề\n"
				+ "Nguyễn Văn An;0905 123 456;48.490.20194;Cải cách hành chính; Dịch vụ công\n"
				+ "Trần Thị Bình;+84 91 234 5678;48-490;CCHC\n");
		assertThat(parsed.rowsRead).isEqualTo(2);
		assertThat(parsed.rejected).isEmpty();
		assertThat(parsed.rows).extracting((row) -> row.phone, (row) -> row.areaCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("+84905123456", "48.490.20194"),
					org.assertj.core.groups.Tuple.tuple("+84912345678", "48.490"));
		// The topic cell holds a ';' list inside a ';' separated file only when quoted;
		// here the
		// extra cell is an unnamed column and ignored.
		assertThat(parsed.rows.get(0).topics).containsExactly("cai-cach-hanh-chinh");
		assertThat(parsed.rows.get(1).topics).containsExactly("cchc");
	}

	@Test
	void readsAsciiAndEnglishHeaders() {
		Parsed parsed = parse("so_dien_thoai,ma_tinh,ma_huyen,ma_xa,chu_de,ngon_ngu\n"
				+ "0905123456,48,490,20194,\"cchc; dich vu cong\",vi\n" + "0388123456,48,,,,km\n");
		assertThat(parsed.rejected).isEmpty();
		ImportRow first = parsed.rows.get(0);
		assertThat(first.areaCode).isEqualTo("48.490.20194");
		assertThat(first.topics).containsExactly("cchc", "dich-vu-cong");
		assertThat(parsed.rows.get(1).areaCode).isEqualTo("48");
		assertThat(parsed.rows.get(1).language).isEqualTo("km");

		Parsed english = parse("phone\tarea\ttopics\n+84905123456\t48\tcchc\n");
		assertThat(english.rows).singleElement().satisfies((row) -> assertThat(row.areaCode).isEqualTo("48"));
	}

	@Test
	void reportsBadRowsWithSpreadsheetRowNumberAndReasonAndKeepsTheRest() {
		Parsed parsed = parse("Số điện thoại,Mã địa bàn,Chủ đề\n" // row 1
				+ "0905 123 456,48,cchc\n" // row 2
				+ "024 3825 1234,48,cchc\n" // row 3 fixed line
				+ "0123 456 7890,48,cchc\n" // row 4 old 11 digits
				+ "\n" // row 5 blank, skipped
				+ "0912345678,Đà Nẵng,cchc\n" // row 6 bad area
				+ ",48,cchc\n" // row 7 no number
				+ "0388123456,48,cchc\n"); // row 8
		assertThat(parsed.rowsRead).isEqualTo(6);
		assertThat(parsed.rows).extracting((row) -> row.phone).containsExactly("+84905123456", "+84388123456");
		assertThat(parsed.rejectedCount).isEqualTo(4);
		assertThat(parsed.rejected).extracting(RejectedRow::row).containsExactly(3, 4, 6, 7);
		assertThat(parsed.rejected.get(0).column()).isEqualTo("Số điện thoại");
		assertThat(parsed.rejected.get(0).value()).isEqualTo("024 3825 1234");
		assertThat(parsed.rejected.get(0).reason()).contains("fixed line");
		assertThat(parsed.rejected.get(1).reason()).contains("not a valid Vietnamese number");
		assertThat(parsed.rejected.get(2).column()).isEqualTo("Mã địa bàn");
		assertThat(parsed.rejected.get(2).reason()).contains("not a path of unit codes");
		assertThat(parsed.rejected.get(3).reason()).isEqualTo("phone number is empty");
	}

	@Test
	void mergesOnePersonWrittenSeveralWays() {
		Parsed parsed = parse("phone,area,topics\n" + "0905 123 456,48,cchc\n" + "84905123456,,dich vu cong\n"
				+ "(090) 512-3456,48.490,\n" + "0912345678,48,\n");
		assertThat(parsed.rows).hasSize(2);
		ImportRow merged = parsed.rows.get(0);
		assertThat(merged.row).isEqualTo(2);
		assertThat(merged.areaCode).as("the later area wins").isEqualTo("48.490");
		assertThat(merged.topics).containsExactly("cchc", "dich-vu-cong");
		assertThat(parsed.duplicateCount).isEqualTo(2);
		assertThat(parsed.duplicates).containsExactly(new DuplicateRow(3, 2, "84905123456", "+84905123456"),
				new DuplicateRow(4, 2, "(090) 512-3456", "+84905123456"));
	}

	@Test
	void acceptsAHeaderlessListOfNumbers() {
		Parsed parsed = parse("0905123456\n0912345678\n");
		assertThat(parsed.rows).extracting((row) -> row.phone).containsExactly("+84905123456", "+84912345678");
	}

	@Test
	void anUnterminatedQuoteRejectsTheRestButKeepsEarlierRows() {
		Parsed parsed = parse("phone,area\n0905123456,48\n0912345678,\"48\n0388123456,48\n");
		assertThat(parsed.rows).extracting((row) -> row.phone).containsExactly("+84905123456");
		assertThat(parsed.rejected).singleElement()
			.satisfies((row) -> assertThat(row.reason()).startsWith("CSV syntax error"));
	}

	@Test
	void refusesFilesItCannotRead() {
		assertThatExceptionOfType(SubscriberImportException.class).isThrownBy(() -> parse("ho_ten,dia_chi\nAn,x\n"))
			.withMessageContaining("no phone number column");
		assertThatExceptionOfType(SubscriberImportException.class)
			// "Đà" as a Windows-1258 spreadsheet writes it: 0xD0 is not followed by a
			// continuation byte.
			.isThrownBy(() -> SubscriberCsv
				.parse(new ByteArrayInputStream(new byte[] { 'p', 'h', 'o', 'n', 'e', ',', 'a', '\n', '0', '9', '0',
						'5', '1', '2', '3', '4', '5', '6', ',', (byte) 0xD0, (byte) 0xE0, '\n' })))
			.withMessageContaining("not UTF-8");
		assertThatExceptionOfType(SubscriberImportException.class).isThrownBy(() -> parse(""))
			.withMessageContaining("empty");
	}

	private static Parsed parse(String csv) {
		return SubscriberCsv.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

}
