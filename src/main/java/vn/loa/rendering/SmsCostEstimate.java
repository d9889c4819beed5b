package vn.loa.rendering;

import java.math.BigDecimal;

/**
 * Estimated cost of one SMS broadcast.
 *
 * @param partsPerMessage parts each recipient receives
 * @param recipients numbers the broadcast goes to
 * @param totalParts parts billed in all
 * @param pricePerPart price of one part
 * @param total parts × recipients × price per part
 * @param currency ISO 4217 code of the prices, e.g. {@code VND}
 */
public record SmsCostEstimate(int partsPerMessage, long recipients, long totalParts, BigDecimal pricePerPart,
		BigDecimal total, String currency) {
}
