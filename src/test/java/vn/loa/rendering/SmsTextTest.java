package vn.loa.rendering;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextTest {

	private static final String ANNOUNCEMENT = "UBND tỉnh thông báo: từ ngày 01/12, người dân nộp hồ sơ "
			+ "thủ tục hành chính trực tuyến tại Cổng dịch vụ công, đường dây nóng 1022.";

	@Test
	void stripsVietnameseDiacriticsIncludingDStroke() {
		assertThat(SmsText.withoutDiacritics("Đường dây nóng Cải cách hành chính"))
			.isEqualTo("Duong day nong Cai cach hanh chinh");
		assertThat(SmsText.withoutDiacritics("ĐẮK LẮK, Ðà Nẵng, quận Hải Châu"))
			.isEqualTo("DAK LAK, Da Nang, quan Hai Chau");
		assertThat(SmsText.withoutDiacritics(null)).isEmpty();
	}

	@Test
	void normalisesToNfc() {
		String decomposed = "Thu\u0309 tu\u0323c";
		assertThat(SmsText.normalize(decomposed)).isEqualTo("Thủ tục").hasSize(7);
		// "é" typed as e + combining acute is in the GSM alphabet once composed.
		SmsAnalysis cafe = SmsText.analyze("Cafe\u0301", true);
		assertThat(cafe.text()).isEqualTo("Café");
		assertThat(cafe.encoding()).isEqualTo(SmsEncoding.GSM_7);
		assertThat(cafe.characters()).isEqualTo(4);
	}

	@Test
	void vietnameseWithDiacriticsIsUcs2AndWithoutIsGsm7() {
		SmsAnalysis with = SmsText.analyze(ANNOUNCEMENT, true);
		assertThat(with.encoding()).isEqualTo(SmsEncoding.UCS_2);
		assertThat(with.text()).isEqualTo(ANNOUNCEMENT);
		assertThat(with.characters()).isEqualTo(ANNOUNCEMENT.length());
		assertThat(with.characters()).isBetween(71, 134);
		assertThat(with.parts()).isEqualTo(2);

		SmsAnalysis without = SmsText.analyze(ANNOUNCEMENT, false);
		assertThat(without.encoding()).isEqualTo(SmsEncoding.GSM_7);
		assertThat(without.text()).startsWith("UBND tinh thong bao: tu ngay 01/12, nguoi dan nop ho so");
		assertThat(without.parts()).isEqualTo(1);
		assertThat(without.charactersLeft()).isEqualTo(160 - without.characters());
	}

	@Test
	void withoutDiacriticsReplacesTypographicPunctuation() {
		SmsAnalysis analysis = SmsText.analyze("“Một cửa” – nhanh…\u00A0gọn", false);
		assertThat(analysis.text()).isEqualTo("\"Mot cua\" - nhanh... gon");
		assertThat(analysis.encoding()).isEqualTo(SmsEncoding.GSM_7);
		// With diacritics the officer's text is kept as typed.
		assertThat(SmsText.analyze("“Một cửa”", true).text()).isEqualTo("“Một cửa”");
	}

	@Test
	void emptyTextIsNoPart() {
		assertThat(SmsText.analyze("", false)).isEqualTo(new SmsAnalysis("", SmsEncoding.GSM_7, 0, 0, 160));
		assertThat(SmsText.analyze(null, true)).isEqualTo(new SmsAnalysis("", SmsEncoding.GSM_7, 0, 0, 160));
	}

	@Test
	void gsm7SinglePartHolds160Septets() {
		assertThat(SmsText.analyze("a".repeat(1), false)).extracting(SmsAnalysis::parts, SmsAnalysis::charactersLeft)
			.containsExactly(1, 159);
		assertThat(gsm("a".repeat(160))).containsExactly(160, 1, 0);
		assertThat(gsm("a".repeat(161))).containsExactly(161, 2, 153 * 2 - 161);
	}

	@Test
	void gsm7MultiPartHolds153SeptetsEach() {
		assertThat(gsm("a".repeat(153 * 2))).containsExactly(306, 2, 0);
		assertThat(gsm("a".repeat(153 * 2 + 1))).containsExactly(307, 3, 152);
		assertThat(gsm("a".repeat(153 * 3))).containsExactly(459, 3, 0);
	}

	@Test
	void extensionCharactersCountTwo() {
		assertThat(gsm("€")).containsExactly(2, 1, 158);
		assertThat(gsm("[x]{}|^~\\\f")).containsExactly(19, 1, 141);
		assertThat(gsm("a".repeat(159) + "€")).containsExactly(161, 2, 145);
		assertThat(gsm("a".repeat(158) + "€")).containsExactly(160, 1, 0);
	}

	@Test
	void escapePairIsNeverSplitAcrossParts() {
		// 152 septets + escape pair: the pair moves to part 2, leaving a septet unused.
		assertThat(gsm("a".repeat(152) + "€" + "a".repeat(10))).containsExactly(164, 2, 153 - 12);
		// 306 septets would fit two parts if the pair could be split; it cannot.
		assertThat(gsm("a".repeat(152) + "€" + "a".repeat(152))).containsExactly(306, 3, 152);
		assertThat(gsm("a".repeat(152) + "€" + "a".repeat(151))).containsExactly(305, 2, 0);
		// The pair ending exactly on the boundary stays in part 1.
		assertThat(gsm("a".repeat(151) + "€" + "a".repeat(10))).containsExactly(163, 2, 143);
	}

	@Test
	void ucs2SinglePartHolds70Units() {
		assertThat(ucs2("ệ".repeat(70))).containsExactly(70, 1, 0);
		assertThat(ucs2("ệ".repeat(71))).containsExactly(71, 2, 67 * 2 - 71);
	}

	@Test
	void ucs2MultiPartHolds67UnitsEach() {
		assertThat(ucs2("ệ".repeat(67 * 2))).containsExactly(134, 2, 0);
		assertThat(ucs2("ệ".repeat(67 * 2 + 1))).containsExactly(135, 3, 66);
	}

	@Test
	void oneNonGsmCharacterMakesTheWholeMessageUcs2() {
		SmsAnalysis analysis = SmsText.analyze("a".repeat(100) + "ơ", true);
		assertThat(analysis.encoding()).isEqualTo(SmsEncoding.UCS_2);
		assertThat(analysis.parts()).isEqualTo(2);
	}

	@Test
	void ucs2CountsUtf16UnitsAndKeepsSurrogatePairsTogether() {
		String emoji = "\uD83D\uDCE2"; // loudspeaker
		assertThat(ucs2(emoji)).containsExactly(2, 1, 68);
		assertThat(ucs2("ệ".repeat(68) + emoji)).containsExactly(70, 1, 0);
		// 66 units + a pair: the pair moves to part 2.
		assertThat(ucs2("ệ".repeat(66) + emoji + "ệ".repeat(3))).containsExactly(71, 2, 67 - 5);
	}

	@Test
	void estimatesCostAsPartsTimesRecipientsTimesPrice() {
		SmsAnalysis twoParts = SmsText.analyze("a".repeat(200), false);
		SmsCostEstimate cost = SmsText.estimateCost(twoParts, 1_000_000, new BigDecimal("850"), "VND");
		assertThat(cost.partsPerMessage()).isEqualTo(2);
		assertThat(cost.totalParts()).isEqualTo(2_000_000);
		assertThat(cost.total()).isEqualByComparingTo("1700000000");
		assertThat(cost.currency()).isEqualTo("VND");
		assertThat(SmsText.estimateCost(SmsText.analyze("", true), 10, BigDecimal.TEN, "VND").total())
			.isEqualByComparingTo("0");
	}

	private static int[] gsm(String text) {
		SmsAnalysis analysis = SmsText.analyze(text, false);
		assertThat(analysis.encoding()).isEqualTo(SmsEncoding.GSM_7);
		return new int[] { analysis.characters(), analysis.parts(), analysis.charactersLeft() };
	}

	private static int[] ucs2(String text) {
		SmsAnalysis analysis = SmsText.analyze(text, true);
		assertThat(analysis.encoding()).isEqualTo(SmsEncoding.UCS_2);
		return new int[] { analysis.characters(), analysis.parts(), analysis.charactersLeft() };
	}

}
