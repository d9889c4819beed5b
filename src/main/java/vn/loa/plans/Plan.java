package vn.loa.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * A communication plan as the API reads and writes it.
 *
 * @param id database id (ignored on input)
 * @param name the plan's title
 * @param document the issuing document
 * @param year the year the plan's quotas run over
 * @param units codes of the units the plan applies to
 * @param tasks its tasks, in the document's order
 */
public record Plan(Long id, String name, Document document, Integer year, List<String> units, List<Task> tasks) {

	/**
	 * The document that issued the plan, e.g. "590/QĐ-UBND" of 11/3/2021 by the People's
	 * Committee of Khánh Hòa province.
	 *
	 * @param number its number and symbol
	 * @param date the day it was signed
	 * @param issuer who issued it
	 */
	public record Document(String number, LocalDate date, String issuer) {
	}

	/**
	 * A task.
	 *
	 * @param code short code, unique in the plan (e.g. {@code III.1.a})
	 * @param title what the document asks
	 * @param leadUnit code of the unit in charge
	 * @param units codes of the coordinating units, or with {@code perUnit} the units
	 * that each owe the quota (empty: the plan's units)
	 * @param channel what counts (see {@link TaskChannel})
	 * @param topic the content topic that counts, or null for every topic
	 * @param measure ITEMS or MINUTES
	 * @param quota how many per cadence period, positive
	 * @param cadence MONTHLY, QUARTERLY, YEARLY or CONTINUOUS
	 * @param dueDay the day of the month by which each period's quota is due (1–28), or
	 * null for the period's last day
	 * @param perUnit whether each unit in scope owes the quota, or the lead unit alone
	 */
	public record Task(String code, String title, String leadUnit, List<String> units, String channel, String topic,
			String measure, Integer quota, String cadence, Integer dueDay, Boolean perUnit) {
	}

}
