package vn.loa.rendering;

import java.util.Map;

/**
 * The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038, 6.2.1 and
 * 6.2.1.1), as Unicode characters indexed by septet value.
 */
final class Gsm7 {

	/** Septet used to switch to the extension table; it is not a character itself. */
	static final int ESCAPE = 0x1B;

	// Position = septet value. Position 0x1B (escape) holds a placeholder that is never
	// looked up.
	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅå" + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ" + " !\"#¤%&'()*+,-./"
			+ "0123456789:;<=>?" + "¡ABCDEFGHIJKLMNO" + "PQRSTUVWXYZÄÖÑÜ§" + "¿abcdefghijklmno" + "pqrstuvwxyzäöñüà";

	private static final Map<Character, Integer> EXTENSION = Map.of('\f', 0x0A, '^', 0x14, '{', 0x28, '}', 0x29, '\\',
			0x2F, '[', 0x3C, '~', 0x3D, ']', 0x3E, '|', 0x40, '€', 0x65);

	private static final int[] BASIC_SEPTET = new int[0x10000];

	static {
		java.util.Arrays.fill(BASIC_SEPTET, -1);
		for (int septet = 0; septet < BASIC.length(); septet++) {
			if (septet != ESCAPE) {
				BASIC_SEPTET[BASIC.charAt(septet)] = septet;
			}
		}
	}

	private Gsm7() {
	}

	/** Septet of {@code c} in the basic table, or -1. */
	static int basicSeptet(char c) {
		return BASIC_SEPTET[c];
	}

	/** Septet of {@code c} in the extension table (sent after an escape), or -1. */
	static int extensionSeptet(char c) {
		Integer septet = EXTENSION.get(c);
		return (septet != null) ? septet : -1;
	}

	/** Septets {@code c} takes: 1 (basic), 2 (escape + extension) or 0 (not in GSM-7). */
	static int septets(char c) {
		if (BASIC_SEPTET[c] >= 0) {
			return 1;
		}
		return EXTENSION.containsKey(c) ? 2 : 0;
	}

}
