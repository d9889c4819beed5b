package vn.loa.rendering;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Vietnamese SMS text: normalisation, accent stripping and the encoding/part count the
 * operator will bill. Pure functions, safe to call from any thread.
 */
public final class SmsText {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private SmsText() {
	}

	/** Unicode NFC, the form Loa stores and sends ({@code null} becomes empty). */
	public static String normalize(String text) {
		return (text != null) ? Normalizer.normalize(text, Normalizer.Form.NFC) : "";
	}

	/**
	 * Vietnamese without diacritics: decompose, drop the combining marks, then map đ/Đ
	 * (which do not decompose) to d/D. "Thủ tục hành chính" becomes "Thu tuc hanh chinh".
	 */
	public static String withoutDiacritics(String text) {
		String decomposed = Normalizer.normalize(normalize(text), Normalizer.Form.NFD);
		String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("");
		StringBuilder out = new StringBuilder(stripped.length());
		for (int i = 0; i < stripped.length(); i++) {
			char c = stripped.charAt(i);
			switch (c) {
				case 'đ' -> out.append('d');
				// U+00D0 (Icelandic eth) is a frequent look-alike typed for Đ.
				case 'Đ', 'Ð' -> out.append('D');
				default -> out.append(c);
			}
		}
		return Normalizer.normalize(out, Normalizer.Form.NFC);
	}

	/**
	 * Analyses the body as it would be sent. With {@code diacritics == false} the accents
	 * are stripped and typographic punctuation that word processors insert (curly quotes,
	 * dashes, ellipsis, no-break space) is replaced by its GSM-7 equivalent, because one
	 * such character would silently turn the whole message into UCS-2 and more than
	 * double its cost.
	 */
	public static SmsAnalysis analyze(String text, boolean diacritics) {
		String body = diacritics ? normalize(text) : gsmPunctuation(withoutDiacritics(text));
		SmsEncoding encoding = isGsm7(body) ? SmsEncoding.GSM_7 : SmsEncoding.UCS_2;
		int units = 0;
		// Fill parts greedily; an escape pair or a surrogate pair never straddles two
		// parts.
		int fullParts = 0;
		int lastPartUnits = 0;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			int size;
			if (encoding == SmsEncoding.GSM_7) {
				size = Gsm7.septets(c);
			}
			else if (Character.isHighSurrogate(c) && i + 1 < body.length()
					&& Character.isLowSurrogate(body.charAt(i + 1))) {
				size = 2;
				i++;
			}
			else {
				size = 1;
			}
			units += size;
			if (lastPartUnits + size > encoding.multiPartCapacity()) {
				fullParts++;
				lastPartUnits = 0;
			}
			lastPartUnits += size;
		}
		if (units == 0) {
			return new SmsAnalysis(body, encoding, 0, 0, encoding.singlePartCapacity());
		}
		if (units <= encoding.singlePartCapacity()) {
			return new SmsAnalysis(body, encoding, units, 1, encoding.singlePartCapacity() - units);
		}
		return new SmsAnalysis(body, encoding, units, fullParts + 1, encoding.multiPartCapacity() - lastPartUnits);
	}

	/**
	 * Whether every character of {@code text} is in the GSM 03.38 default alphabet or its
	 * extension.
	 */
	public static boolean isGsm7(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Gsm7.septets(text.charAt(i)) == 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Cost of sending {@code analysis} to {@code recipients} numbers: parts × recipients
	 * × price per part. The price and currency come from the SMS channel's descriptor
	 * ({@code channels/sms.yml}).
	 */
	public static SmsCostEstimate estimateCost(SmsAnalysis analysis, long recipients, BigDecimal pricePerPart,
			String currency) {
		if (recipients < 0) {
			throw new IllegalArgumentException("recipients must not be negative");
		}
		BigDecimal total = pricePerPart.multiply(BigDecimal.valueOf(analysis.parts()))
			.multiply(BigDecimal.valueOf(recipients));
		return new SmsCostEstimate(analysis.parts(), recipients, (long) analysis.parts() * recipients, pricePerPart,
				total, currency);
	}

	private static String gsmPunctuation(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> out.append('"');
				case '\u2018', '\u2019', '\u201A', '\u00B4', '`' -> out.append('\'');
				case '\u2013', '\u2014', '\u2212' -> out.append('-');
				case '\u2026' -> out.append("...");
				case '\u00A0', '\u2007', '\u202F', '\t' -> out.append(' ');
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
