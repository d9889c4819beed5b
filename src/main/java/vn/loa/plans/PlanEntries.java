package vn.loa.plans;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.common.Problems;
import vn.loa.plans.Plans.StoredTask;
import vn.loa.units.Unit;
import vn.loa.units.UnitScope;
import vn.loa.units.Units;

/**
 * Manual entries: activities Loa does not send (a conference, printed leaflets, a
 * newspaper article) recorded with their evidence, who recorded them and when. An entry
 * dated in the future, or in a quarter whose report is already due (closed), is refused.
 */
@Service
public class PlanEntries {

	private final Plans plans;

	private final Units units;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PlansProperties properties;

	PlanEntries(Plans plans, Units units, JdbcClient jdbc, Clock clock, PlansProperties properties) {
		this.plans = plans;
		this.units = units;
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * A manual entry as the API takes it.
	 *
	 * @param task the task's code
	 * @param unit the unit's code (one in the task's scope, or below)
	 * @param date the day of the activity
	 * @param amount how many (items, leaflets' print runs, conferences, minutes)
	 * @param note what it was
	 * @param evidence a link to the evidence (minutes, photos, the article)
	 */
	public record EntryInput(String task, String unit, LocalDate date, Integer amount, String note, String evidence) {
	}

	/** A stored entry. */
	public record Entry(long id, String task, String unit, LocalDate date, int amount, String note, String evidence,
			String recordedBy, java.time.Instant recordedAt) {
	}

	@Transactional
	public Entry record(long planId, EntryInput input, String actor, UnitScope scope) {
		this.plans.get(planId);
		if (input == null) {
			throw Problems.invalid("body", "A JSON body is required");
		}
		StoredTask task = this.plans.task(planId, (input.task() != null) ? input.task().strip() : "")
			.orElseThrow(() -> Problems.invalid("task", "no task with code " + input.task() + " in plan " + planId));
		if (input.unit() == null || input.unit().isBlank()) {
			throw Problems.invalid("unit", "must name a unit by its code");
		}
		Unit unit = this.units.require("unit", input.unit());
		boolean inTask = this.plans.lineUnits(task)
			.stream()
			.anyMatch((lineUnit) -> this.units.subtree(lineUnit).contains(unit.id()));
		if (!inTask) {
			throw Problems.invalid("unit", "unit " + unit.code() + " has no share in task " + task.task().code());
		}
		if (!scope.includes(unit.id())) {
			throw Problems.invalid("unit", "you may record only for your own unit and the units below it");
		}
		LocalDate today = Plans.today(this.clock);
		if (input.date() == null) {
			throw Problems.invalid("date", "is required, e.g. 2026-11-20");
		}
		if (input.date().isAfter(today)) {
			throw Problems.invalid("date", "is in the future");
		}
		Period quarter = Period.quarterOf(input.date());
		if (today.isAfter(quarter.to().plusDays(this.properties.entryGraceDays()))) {
			throw Problems.invalid("date", "falls in " + quarter.key() + ", which closed on "
					+ quarter.to().plusDays(this.properties.entryGraceDays()) + " (its report is due)");
		}
		if (input.amount() == null || input.amount() <= 0) {
			throw Problems.invalid("amount", "must be a positive number");
		}
		if (input.note() == null || input.note().isBlank() || input.note().length() > 2000) {
			throw Problems.invalid("note", "must say what was done, in at most 2000 characters");
		}
		String evidence = (input.evidence() != null && !input.evidence().isBlank()) ? input.evidence().strip() : null;
		if (evidence != null && (evidence.length() > 2000 || !evidence.matches("(?i)https?://\\S+"))) {
			throw Problems.invalid("evidence", "must be an http or https link");
		}
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc
			.sql("insert into plan_entry (task_id, unit_id, entry_date, amount, note, evidence_url, recorded_by, "
					+ "recorded_at) values (:task, :unit, :date, :amount, :note, :evidence, :actor, :now)")
			.param("task", task.id())
			.param("unit", unit.id())
			.param("date", Date.valueOf(input.date()))
			.param("amount", input.amount())
			.param("note", java.text.Normalizer.normalize(input.note().strip(), java.text.Normalizer.Form.NFC))
			.param("evidence", evidence)
			.param("actor", actor)
			.param("now", Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		return list(planId).stream().filter((e) -> e.id() == id).findFirst().orElseThrow();
	}

	public List<Entry> list(long planId) {
		return this.jdbc
			.sql("select e.id, t.code, u.code as unit, e.entry_date, e.amount, e.note, e.evidence_url, e.recorded_by, "
					+ "e.recorded_at from plan_entry e join plan_task t on t.id = e.task_id "
					+ "join org_unit u on u.id = e.unit_id where t.plan_id = :plan order by e.entry_date desc, e.id desc")
			.param("plan", planId)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
					rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
			.list();
	}

}
