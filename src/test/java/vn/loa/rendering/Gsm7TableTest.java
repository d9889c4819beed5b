package vn.loa.rendering;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks Loa's GSM-7 tables character for character against 3GPP TS 23.038, 6.2.1
 * (default alphabet) and 6.2.1.1 (extension table). The expected tables are written here
 * independently, in the standard's own layout: 16 rows (bits b4..b1) by 8 columns (bits
 * b7..b5), as Unicode code points.
 */
class Gsm7TableTest {

	private static final int ESC = -1;

	// @formatter:off
	private static final int[][] DEFAULT_ALPHABET_ROWS = {
			/* 0 */ { 0x0040, 0x0394, 0x0020, 0x0030, 0x00A1, 0x0050, 0x00BF, 0x0070 },
			/* 1 */ { 0x00A3, 0x005F, 0x0021, 0x0031, 0x0041, 0x0051, 0x0061, 0x0071 },
			/* 2 */ { 0x0024, 0x03A6, 0x0022, 0x0032, 0x0042, 0x0052, 0x0062, 0x0072 },
			/* 3 */ { 0x00A5, 0x0393, 0x0023, 0x0033, 0x0043, 0x0053, 0x0063, 0x0073 },
			/* 4 */ { 0x00E8, 0x039B, 0x00A4, 0x0034, 0x0044, 0x0054, 0x0064, 0x0074 },
			/* 5 */ { 0x00E9, 0x03A9, 0x0025, 0x0035, 0x0045, 0x0055, 0x0065, 0x0075 },
			/* 6 */ { 0x00F9, 0x03A0, 0x0026, 0x0036, 0x0046, 0x0056, 0x0066, 0x0076 },
			/* 7 */ { 0x00EC, 0x03A8, 0x0027, 0x0037, 0x0047, 0x0057, 0x0067, 0x0077 },
			/* 8 */ { 0x00F2, 0x03A3, 0x0028, 0x0038, 0x0048, 0x0058, 0x0068, 0x0078 },
			/* 9 */ { 0x00C7, 0x0398, 0x0029, 0x0039, 0x0049, 0x0059, 0x0069, 0x0079 },
			/* A */ { 0x000A, 0x039E, 0x002A, 0x003A, 0x004A, 0x005A, 0x006A, 0x007A },
			/* B */ { 0x00D8, ESC,    0x002B, 0x003B, 0x004B, 0x00C4, 0x006B, 0x00E4 },
			/* C */ { 0x00F8, 0x00C6, 0x002C, 0x003C, 0x004C, 0x00D6, 0x006C, 0x00F6 },
			/* D */ { 0x000D, 0x00E6, 0x002D, 0x003D, 0x004D, 0x00D1, 0x006D, 0x00F1 },
			/* E */ { 0x00C5, 0x00DF, 0x002E, 0x003E, 0x004E, 0x00DC, 0x006E, 0x00FC },
			/* F */ { 0x00E5, 0x00C9, 0x002F, 0x003F, 0x004F, 0x00A7, 0x006F, 0x00E0 },
	};

	/** Extension table entries as { column, row, code point }. */
	private static final int[][] EXTENSION_CELLS = {
			{ 0, 0xA, 0x000C }, // FORM FEED (page break)
			{ 1, 0x4, 0x005E }, // ^
			{ 2, 0x8, 0x007B }, // {
			{ 2, 0x9, 0x007D }, // }
			{ 2, 0xF, 0x005C }, // backslash
			{ 3, 0xC, 0x005B }, // [
			{ 3, 0xD, 0x007E }, // ~
			{ 3, 0xE, 0x005D }, // ]
			{ 4, 0x0, 0x007C }, // |
			{ 6, 0x5, 0x20AC }, // euro sign
	};
	// @formatter:on

	@Test
	void defaultAlphabetMatchesTheStandardCellByCell() {
		int checked = 0;
		for (int row = 0; row < 16; row++) {
			for (int column = 0; column < 8; column++) {
				int codePoint = DEFAULT_ALPHABET_ROWS[row][column];
				if (codePoint == ESC) {
					continue;
				}
				int septet = column << 4 | row;
				assertThat(Gsm7.basicSeptet((char) codePoint)).as("U+%04X at column %d row %X", codePoint, column, row)
					.isEqualTo(septet);
				checked++;
			}
		}
		assertThat(checked).isEqualTo(127);
	}

	@Test
	void extensionTableMatchesTheStandardCellByCell() {
		for (int[] cell : EXTENSION_CELLS) {
			int septet = cell[0] << 4 | cell[1];
			assertThat(Gsm7.extensionSeptet((char) cell[2])).as("U+%04X", cell[2]).isEqualTo(septet);
			assertThat(Gsm7.septets((char) cell[2])).as("U+%04X costs escape + septet", cell[2]).isEqualTo(2);
		}
	}

	@Test
	void noOtherCharacterIsGsm7() {
		Map<Integer, Integer> expectedCost = new HashMap<>();
		for (int[] row : DEFAULT_ALPHABET_ROWS) {
			for (int codePoint : row) {
				if (codePoint != ESC) {
					expectedCost.put(codePoint, 1);
				}
			}
		}
		for (int[] cell : EXTENSION_CELLS) {
			expectedCost.put(cell[2], 2);
		}
		assertThat(expectedCost).hasSize(137);
		for (int c = 0; c <= 0xFFFF; c++) {
			assertThat(Gsm7.septets((char) c)).as("U+%04X", c).isEqualTo(expectedCost.getOrDefault(c, 0));
		}
	}

	@Test
	void vietnameseLettersOutsideTheAlphabetAreNotGsm7() {
		assertThat(SmsText.isGsm7("àèéìòù")).isTrue();
		assertThat(SmsText.isGsm7("á")).isFalse();
		assertThat(SmsText.isGsm7("ơ")).isFalse();
		assertThat(SmsText.isGsm7("đ")).isFalse();
		assertThat(SmsText.isGsm7("\u001B")).as("escape is not a character").isFalse();
	}

}
