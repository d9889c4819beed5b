package vn.loa.rendering;

/**
 * What an SMS body costs on the air.
 *
 * @param text the body exactly as it would be sent (NFC; accents stripped when the
 * officer chose to send without diacritics)
 * @param encoding GSM-7 or UCS-2
 * @param characters length in the encoding's units: septets for GSM-7 (an extension
 * character such as {@code €} counts 2), UTF-16 units for UCS-2
 * @param parts number of SMS parts the operator bills (0 for an empty body)
 * @param charactersLeft units still free in the last part before another part is needed
 */
public record SmsAnalysis(String text, SmsEncoding encoding, int characters, int parts, int charactersLeft) {
}
