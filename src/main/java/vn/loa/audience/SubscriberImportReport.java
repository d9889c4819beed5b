package vn.loa.audience;

import java.util.List;

/**
 * Outcome of a CSV import. Row numbers are spreadsheet row numbers: the header is row 1.
 *
 * @param source where the file came from (recorded as each new subscriber's opt-in
 * source)
 * @param rowsRead data rows read (blank rows not counted)
 * @param accepted rows whose number was stored (new or existing subscribers)
 * @param created new subscribers
 * @param updated existing subscribers whose area, topics or language were merged
 * @param duplicatesMerged rows that repeated an earlier row's number, possibly spelled
 * differently, and were merged into it
 * @param rejectedCount rows rejected
 * @param optedOutKept existing subscribers who had opted out: their data was merged but
 * they stay opted out, because an import is not consent
 * @param rejected the first rejected rows with the reason (at most {@value #MAX_DETAILS})
 * @param duplicates the first merged duplicates (at most {@value #MAX_DETAILS})
 */
public record SubscriberImportReport(String source, int rowsRead, int accepted, int created, int updated,
		int duplicatesMerged, int rejectedCount, int optedOutKept, List<RejectedRow> rejected,
		List<DuplicateRow> duplicates) {

	/** Detail rows kept in a report, so that a broken file cannot blow up the answer. */
	public static final int MAX_DETAILS = 1000;

	/**
	 * A row that was not imported.
	 *
	 * @param row spreadsheet row number
	 * @param column column name, or {@code null} for the whole row
	 * @param value the offending value
	 * @param reason why
	 */
	public record RejectedRow(int row, String column, String value, String reason) {
	}

	/**
	 * A row merged into an earlier one with the same number.
	 *
	 * @param row spreadsheet row number of the duplicate
	 * @param mergedIntoRow row it was merged into
	 * @param phone the number as written in the duplicate row
	 * @param e164 the normalised number both rows share
	 */
	public record DuplicateRow(int row, int mergedIntoRow, String phone, String e164) {
	}

}
