package vn.loa.units;

import java.util.List;

/**
 * What a units CSV import did. Row numbers are spreadsheet rows: the header is row 1.
 *
 * @param rowsRead data rows read (blank rows not counted)
 * @param created new units
 * @param updated existing units whose name, parent, kind or area changed
 * @param applied whether the file was written; false when any row was rejected, so that a
 * file is taken whole or not at all
 * @param rejected each rejected row, with the column and why
 */
public record UnitImportReport(int rowsRead, int created, int updated, boolean applied, List<RejectedRow> rejected) {

	/**
	 * @param row spreadsheet row number
	 * @param column the column at fault, or {@code null} for the whole row
	 * @param value the value at fault
	 * @param reason why
	 */
	public record RejectedRow(int row, String column, String value, String reason) {
	}

}
