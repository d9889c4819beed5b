package vn.loa.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.loa.plans.PlanProgress.Line;
import vn.loa.plans.PlanProgress.Progress;
import vn.loa.plans.Plans.StoredTask;
import vn.loa.units.MemberKind;
import vn.loa.units.Unit;
import vn.loa.units.UnitScope;
import vn.loa.units.Units;

/**
 * The notices the console shows an officer whose unit owes a task: within
 * {@code loa.plans.reminder-days} (5) days before a due date of the current cadence
 * period (the month, quarter or year the task's cadence counts in), when the unit has
 * done less than the period's quota. Worked out from the daily counts when a page is
 * shown, so a notice disappears as soon as the work is counted.
 */
@Component("planReminders")
public class PlanReminders {

	private final Plans plans;

	private final PlanProgress progress;

	private final Units units;

	private final Clock clock;

	private final PlansProperties properties;

	PlanReminders(Plans plans, PlanProgress progress, Units units, Clock clock, PlansProperties properties) {
		this.plans = plans;
		this.progress = progress;
		this.units = units;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * One notice.
	 *
	 * @param planId the plan
	 * @param plan its name
	 * @param period the cadence period's key, for the link to the plan's page
	 * @param task the task's code
	 * @param title the task
	 * @param unitName the unit that owes it
	 * @param achieved what the unit has done in the period
	 * @param target the period's quota
	 * @param due the due date
	 * @param daysLeft days from today to the due date (0: today)
	 */
	public record Reminder(long planId, String plan, String period, String task, String title, String unitName,
			long achieved, long target, LocalDate due, long daysLeft) {
	}

	/** The notices for the officer's own unit; none for an officer without a unit. */
	public List<Reminder> of(String username) {
		if (username == null || this.properties.reminderDays() < 0) {
			return List.of();
		}
		Optional<Unit> unit = this.units.unitOf(MemberKind.USER, username);
		if (unit.isEmpty()) {
			return List.of();
		}
		LocalDate today = Plans.today(this.clock);
		List<Reminder> reminders = new ArrayList<>();
		for (Plan plan : this.plans.list()) {
			if (plan.year() != today.getYear()) {
				continue;
			}
			Map<String, Progress> byPeriod = new HashMap<>();
			for (StoredTask task : this.plans.tasks(plan.id())) {
				Period period = cadencePeriod(task.cadence(), today);
				LocalDate due = PlanProgress.nextDue(task, period, today);
				if (due == null) {
					continue;
				}
				long daysLeft = ChronoUnit.DAYS.between(today, due);
				if (daysLeft > this.properties.reminderDays()) {
					continue;
				}
				Progress answer = byPeriod.computeIfAbsent(period.key(),
						(key) -> this.progress.progress(plan.id(), period, UnitScope.ALL, false, unit.get().code()));
				for (Line line : answer.tasks()) {
					if (line.code().equals(task.task().code()) && line.achieved() < line.target()) {
						reminders.add(new Reminder(plan.id(), plan.name(), period.key(), line.code(), line.title(),
								line.unitName(), line.achieved(), line.target(), due, daysLeft));
					}
				}
			}
		}
		reminders.sort(java.util.Comparator.comparing(Reminder::due).thenComparing(Reminder::task));
		return reminders;
	}

	/** The period a task's quota is counted in that holds {@code day}. */
	static Period cadencePeriod(Cadence cadence, LocalDate day) {
		return switch (cadence) {
			case MONTHLY -> Period.parse("period", java.time.YearMonth.from(day).toString());
			case QUARTERLY -> Period.quarterOf(day);
			case YEARLY, CONTINUOUS -> Period.parse("period", String.valueOf(day.getYear()));
		};
	}

}
