package vn.loa.rendering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RadioScriptWriterTest {

	@TempDir
	Path dir;

	private Path dictionary;

	private RadioScriptWriter writer;

	@BeforeEach
	void setUp() throws IOException {
		this.dictionary = this.dir.resolve("abbreviations.tsv");
		Files.copy(Path.of("templates/radio/abbreviations.tsv"), this.dictionary);
		this.writer = new RadioScriptWriter(this.dictionary, 180);
	}

	private String script(String markdown) {
		return this.writer.write(markdown).text();
	}

	@Test
	void expandsAdministrativeAbbreviations() {
		assertThat(script("UBND tỉnh chỉ đạo đẩy mạnh CCHC, giảm TTHC và nâng chất lượng DVCTT."))
			.isEqualTo("Ủy ban nhân dân tỉnh chỉ đạo đẩy mạnh cải cách hành chính, giảm thủ tục hành chính"
					+ " và nâng chất lượng dịch vụ công trực tuyến.");
		assertThat(script("Tập huấn cho CBCCVC về DVC và HĐND xã."))
			.isEqualTo("Tập huấn cho cán bộ, công chức, viên chức về dịch vụ công và Hội đồng nhân dân xã.");
	}

	@Test
	void expandsAbbreviationsInsideDocumentCodesButNotInsideWords() {
		assertThat(script("Công văn số 373/SNV-CCHC")).contains("Sở Nội vụ-cải cách hành chính");
		assertThat(script("UBNDX và XCCHC")).isEqualTo("UBNDX và XCCHC");
	}

	@Test
	void doesNotReadAnAbbreviationTwiceWhereTheTextIntroducesIt() {
		assertThat(script("Niêm yết thủ tục hành chính (TTHC) và hướng dẫn CBCCVC (cán bộ, công chức, viên chức)."))
			.isEqualTo("Niêm yết thủ tục hành chính và hướng dẫn cán bộ, công chức, viên chức.");
		assertThat(script("Ủy ban (cơ quan hành chính) họp.")).isEqualTo("Ủy ban (cơ quan hành chính) họp.");
	}

	@Test
	void picksUpAbbreviationsAdminsAddWhileRunning() throws IOException {
		assertThat(script("Kết quả PAPI và VNeID.")).doesNotContain("định danh");
		Files.writeString(this.dictionary, "VNeID\tứng dụng định danh điện tử\n", StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.APPEND);
		// Some file systems keep whole-second time stamps; the size changed anyway, but
		// make
		// the time stamp differ too so the test does not depend on either alone.
		Files.setLastModifiedTime(this.dictionary, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(script("Cài đặt VNeID.")).isEqualTo("Cài đặt ứng dụng định danh điện tử.");
		assertThat(this.writer.abbreviations()).containsEntry("VNeID", "ứng dụng định danh điện tử");
	}

	@Test
	void withoutItsFileTheDictionaryBuiltIntoTheJarIsUsed() {
		RadioScriptWriter bare = new RadioScriptWriter(this.dir.resolve("none.tsv"), 180);
		assertThat(bare.write("UBND tỉnh").text()).isEqualTo("Ủy ban nhân dân tỉnh");
	}

	@Test
	void readsDates() {
		assertThat(script("Kế hoạch ban hành 11/3/2021."))
			.isEqualTo("Kế hoạch ban hành ngày mười một tháng ba năm hai nghìn không trăm hai mươi mốt.");
		assertThat(script("Quyết định ngày 11 / 3 /2021 của UBND tỉnh")).isEqualTo(
				"Quyết định ngày mười một tháng ba năm hai nghìn không trăm hai mươi mốt của Ủy ban nhân dân tỉnh");
		assertThat(script("hạn chót 25/04/2022"))
			.isEqualTo("hạn chót ngày hai mươi lăm tháng tư năm hai nghìn không trăm hai mươi hai");
	}

	@Test
	void readsWrittenOutDatesMonthsAndOrdinals() {
		assertThat(script("ngày 26 tháng 02 năm 2021"))
			.isEqualTo("ngày hai mươi sáu tháng hai năm hai nghìn không trăm hai mươi mốt");
		assertThat(script("trong tháng 4 và tháng 3/2021"))
			.isEqualTo("trong tháng tư và tháng ba năm hai nghìn không trăm hai mươi mốt");
		assertThat(script("vào thứ 4 hằng tuần, lần thứ 1")).isEqualTo("vào thứ tư hằng tuần, lần thứ nhất");
	}

	@Test
	void readsNumbersWithVietnameseRules() {
		assertThat(script("Có 21 xã, 104 thôn và 15 tổ dân phố."))
			.isEqualTo("Có hai mươi mốt xã, một trăm linh bốn thôn và mười lăm tổ dân phố.");
		assertThat(script("Đã tiếp nhận 1.200 hồ sơ, trong đó 1.005 hồ sơ trực tuyến.")).isEqualTo(
				"Đã tiếp nhận một nghìn hai trăm hồ sơ, trong đó một nghìn không trăm linh năm hồ sơ trực tuyến.");
		assertThat(script("nhiệm kỳ 2020 - 2025"))
			.isEqualTo("nhiệm kỳ hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi lăm");
		assertThat(script("Lệ phí 50.000đ")).isEqualTo("Lệ phí năm mươi nghìn đồng");
	}

	@Test
	void readsPercentagesAndDecimals() {
		assertThat(script("Phấn đấu đạt từ 30% trở lên.")).isEqualTo("Phấn đấu đạt từ ba mươi phần trăm trở lên.");
		assertThat(script("Tỷ lệ hài lòng đạt 81,5%; 100% hồ sơ đúng hạn."))
			.isEqualTo("Tỷ lệ hài lòng đạt tám mươi mốt phẩy năm phần trăm; một trăm phần trăm hồ sơ đúng hạn.");
		assertThat(script("chỉ số tăng 2,25 điểm")).isEqualTo("chỉ số tăng hai phẩy hai mươi lăm điểm");
	}

	@Test
	void readsTimes() {
		assertThat(script("Phát lúc 7h30 và 17h")).isEqualTo("Phát lúc bảy giờ ba mươi phút và mười bảy giờ");
		assertThat(script("từ 6:00 sáng")).isEqualTo("từ sáu giờ sáng");
	}

	@Test
	void readsPhoneNumbersDigitByDigitInGroups() {
		assertThat(script("đường dây nóng của Chương trình (0262.8552255)"))
			.isEqualTo("đường dây nóng của Chương trình (không hai sáu hai, tám năm năm, hai hai năm năm)");
		assertThat(script("Gọi 0905 123 456 để được hỗ trợ"))
			.isEqualTo("Gọi không chín không năm, một hai ba, bốn năm sáu để được hỗ trợ");
		assertThat(script("Hotline: 1022")).isEqualTo("Hotline: một không hai hai");
		assertThat(script("Tổng đài 1900 9090")).isEqualTo("Tổng đài một chín không không, chín không chín không");
		assertThat(script("Điện thoại: +84 905 123 456"))
			.isEqualTo("Điện thoại: cộng tám bốn, chín không năm, một hai ba, bốn năm sáu");
		assertThat(script("0905123456")).isEqualTo("Không chín không năm, một hai ba, bốn năm sáu");
	}

	@Test
	void spellsWebAddressesForTheEar() {
		assertThat(script("Truy cập website <https://cchc.khanhhoa.gov.vn/>."))
			.isEqualTo("Truy cập website xê xê hát xê chấm khanhhoa chấm gờ o vê chấm vê en.");
		assertThat(script("Cổng Dịch vụ công Quốc gia (địa chỉ <https://dichvucong.gov.vn>)"))
			.isEqualTo("Cổng Dịch vụ công Quốc gia (địa chỉ dichvucong chấm gờ o vê chấm vê en)");
		assertThat(script("([www.phapluatkhanhhoa.vn](http://www.phapluatkhanhhoa.vn))"))
			.isEqualTo("(vê kép vê kép vê kép chấm phapluatkhanhhoa chấm vê en)");
		assertThat(script("Gửi thư tới sonoivu@khanhhoa.gov.vn"))
			.isEqualTo("Gửi thư tới sonoivu a còng khanhhoa chấm gờ o vê chấm vê en");
	}

	@Test
	void removesMarkdownAndLinkTargets() {
		String markdown = """
				## **KẾ HOẠCH**

				### Tuyên truyền *cải cách hành chính*

				- Đăng tin trên [Cổng thông tin](http://khanhhoa.gov.vn/tin-tuc) của tỉnh;
				- Phát trên ![logo](x.png)sóng phát thanh.

				<div>bỏ</div>
				""";
		assertThat(script(markdown)).isEqualTo("""
				KẾ HOẠCH.

				Tuyên truyền cải cách hành chính.

				Đăng tin trên Cổng thông tin của tỉnh;

				Phát trên sóng phát thanh.""");
	}

	@Test
	void passesUnknownCharactersThroughUnchanged() {
		String text = "Ký hiệu ≥ ½ § ★ 😊 漢字 Ω — «trích dẫn» ¶";
		assertThat(script(text)).isEqualTo(text);
		assertThat(script("Mã 59C/QĐ-UBND")).isEqualTo("Mã năm mươi chín C trên QĐ-Ủy ban nhân dân");
	}

	@Test
	void normalizesToNfc() {
		String decomposed = Normalizer.normalize("Ủy ban nhân dân tỉnh Khánh Hòa", Normalizer.Form.NFD);
		String script = script(decomposed);
		assertThat(script).isEqualTo("Ủy ban nhân dân tỉnh Khánh Hòa");
		assertThat(Normalizer.isNormalized(script, Normalizer.Form.NFC)).isTrue();
	}

	@Test
	void estimatesReadingTimeFromWordsPerMinute() {
		RadioScript script = this.writer.write("UBND tỉnh thông báo.", 120);
		// "Ủy ban nhân dân tỉnh thông báo." is seven spoken words: 7 × 60 / 120 = 3.5 → 4
		// s
		assertThat(script.words()).isEqualTo(7);
		assertThat(script.seconds()).isEqualTo(4);
		assertThat(this.writer.write("UBND tỉnh thông báo.").seconds()).isEqualTo(3);
		assertThat(RadioScriptWriter.readingSeconds(180, 180)).isEqualTo(60);
	}

	@Test
	void refusesAnImplausiblePace() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.write("x", 10))
			.withMessageContaining("wordsPerMinute");
	}

}
