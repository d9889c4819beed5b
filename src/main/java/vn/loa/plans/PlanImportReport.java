package vn.loa.plans;

import java.util.List;

/**
 * What a plan import did: the plan it created, or every fault found, with nothing saved.
 *
 * @param format {@code yaml} or {@code csv}
 * @param tasksRead tasks read from the file
 * @param applied whether the plan was created; false when anything was refused, so that a
 * file is taken whole or not at all
 * @param plan the plan created, or null
 * @param rejected each fault: its spreadsheet row (CSV; the header is row 1) or null
 * (YAML), the CSV column or the YAML field, the value and why
 */
public record PlanImportReport(String format, int tasksRead, boolean applied, Plan plan, List<Rejected> rejected) {

	/**
	 * @param row spreadsheet row number (CSV), or null
	 * @param field the CSV column, or the field's path in the YAML document
	 * @param value the value at fault, or null
	 * @param reason why
	 */
	public record Rejected(Integer row, String field, String value, String reason) {
	}

}
