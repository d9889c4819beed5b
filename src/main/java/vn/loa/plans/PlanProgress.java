package vn.loa.plans;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.loa.common.LoaProperties;
import vn.loa.content.ContentService;
import vn.loa.plans.Plans.StoredTask;
import vn.loa.units.Unit;
import vn.loa.units.UnitScope;
import vn.loa.units.Units;

/**
 * A plan's progress over a period: one line per task, or per unit in scope for a per-unit
 * task, with the target for the period, what was achieved (daily counts of the unit and
 * every unit below it, plus manual entries) and a status. Reads the daily counts once per
 * request, never the delivery log.
 */
@Service
public class PlanProgress {

	/** How a line stands. */
	public enum Status {

		DONE, ON_TRACK, AT_RISK, OVERDUE

	}

	private final Plans plans;

	private final PlanCounter counter;

	private final Units units;

	private final ContentService contents;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final LoaProperties loa;

	PlanProgress(Plans plans, PlanCounter counter, Units units, ContentService contents, JdbcClient jdbc, Clock clock,
			LoaProperties loa) {
		this.plans = plans;
		this.counter = counter;
		this.units = units;
		this.contents = contents;
		this.jdbc = jdbc;
		this.clock = clock;
		this.loa = loa;
	}

	/**
	 * @param plan id, name and issuing document of the plan
	 * @param period the period's key and days
	 * @param tasks one line per task and unit
	 */
	public record Progress(PlanRef plan, Period period, List<Line> tasks) {
	}

	public record PlanRef(long id, String name, String document, String issuer, int year) {
	}

	/**
	 * @param code the task's code
	 * @param title the task
	 * @param unit the unit's code
	 * @param unitName the unit's name
	 * @param channel what counts
	 * @param measure ITEMS or MINUTES
	 * @param target what the period asks
	 * @param achieved what was done: counted items or minutes plus manual entries
	 * @param manual the part of {@code achieved} from manual entries
	 * @param percent achieved over target, capped at 999
	 * @param status DONE, ON_TRACK, AT_RISK or OVERDUE
	 * @param dueDate the next due date within the period, or null when none is left
	 * @param items what was counted (with {@code ?items=true}, and in reports)
	 */
	public record Line(String code, String title, String unit, String unitName, String channel, String measure,
			long target, long achieved, long manual, int percent, Status status, LocalDate dueDate,
			List<CountedItem> items) {
	}

	/**
	 * One thing counted toward a line.
	 *
	 * @param kind PUBLISHED, AIRED or MANUAL
	 * @param date the day it counted for
	 * @param unit the unit's code
	 * @param channel the channel, or the task's kind for a manual entry
	 * @param contentId the content item, or null for a manual entry
	 * @param title the item's title, or the entry's note
	 * @param link where to see it: the item in the console, or the entry's evidence
	 * @param amount 1 per item, minutes aired, or the entry's amount
	 */
	public record CountedItem(String kind, LocalDate date, String unit, String channel, Long contentId, String title,
			String link, long amount) {
	}

	/**
	 * Progress of every line of a plan over a period, narrowed to what the scope sees.
	 */
	public Progress progress(long planId, Period period, UnitScope scope, boolean withItems, String onlyUnit) {
		Plan plan = this.plans.get(planId);
		this.counter.catchUp();
		Map<Long, Unit> unitsById = new HashMap<>();
		this.units.list().forEach((u) -> unitsById.put(u.id(), u));
		Map<Long, Set<Long>> subtrees = new HashMap<>();
		List<Count> counts = counts(period);
		Map<Long, List<Entry>> entries = entries(planId, period);
		Long only = (onlyUnit != null && !onlyUnit.isBlank()) ? this.units.require("unit", onlyUnit).id() : null;
		LocalDate today = Plans.today(this.clock);
		List<Line> lines = new ArrayList<>();
		for (StoredTask task : this.plans.tasks(planId)) {
			for (long unitId : this.plans.lineUnits(task)) {
				if (!scope.includes(unitId) || (only != null && only != unitId)) {
					continue;
				}
				Set<Long> below = subtrees.computeIfAbsent(unitId, this.units::subtree);
				long counted = 0;
				Set<String> channels = new HashSet<>(task.channel().channels);
				for (Count c : counts) {
					if (below.contains(c.unitId()) && channels.contains(c.channel())
							&& (task.task().topic() == null || task.task().topic().equals(c.topic()))) {
						counted += (task.measure() == Measure.MINUTES) ? c.seconds() : c.items();
					}
				}
				if (task.measure() == Measure.MINUTES) {
					counted = Math.round(counted / 60.0);
				}
				long manual = entries.getOrDefault(task.id(), List.of())
					.stream()
					.filter((e) -> below.contains(e.unitId()))
					.mapToLong(Entry::amount)
					.sum();
				long achieved = counted + manual;
				long target = target(task, period);
				Unit unit = unitsById.get(unitId);
				List<CountedItem> items = withItems ? items(task, period, below, entries, unitsById) : List.of();
				lines.add(new Line(task.task().code(), task.task().title(), unit.code(), unit.name(),
						task.task().channel(), task.task().measure(), target, achieved, manual,
						(int) Math.min(999, (target > 0) ? achieved * 100 / target : 0),
						status(task, period, target, achieved, today), nextDue(task, period, today), items));
			}
		}
		String document = "";
		if (plan.document().number() != null) {
			document = plan.document().number();
		}
		if (plan.document().date() != null) {
			document += (document.isEmpty() ? "" : " ") + "ngày " + plan.document().date().getDayOfMonth() + "/"
					+ plan.document().date().getMonthValue() + "/" + plan.document().date().getYear();
		}
		return new Progress(new PlanRef(plan.id(), plan.name(), document, plan.document().issuer(), plan.year()),
				period, lines);
	}

	/**
	 * The target of a task over a period: its quota for each cadence period the period
	 * covers, pro rata (rounded up) when the period is shorter than the cadence.
	 */
	static long target(StoredTask task, Period period) {
		long quota = task.task().quota();
		int months = period.months();
		return (quota * months + task.cadence().months - 1) / task.cadence().months;
	}

	/**
	 * DONE when the target is met; OVERDUE when the period is over, or when a due date in
	 * it has passed with less done than was due by then; AT_RISK when behind the pace the
	 * period's days ask; ON_TRACK otherwise.
	 */
	static Status status(StoredTask task, Period period, long target, long achieved, LocalDate today) {
		if (achieved >= target) {
			return Status.DONE;
		}
		if (today.isAfter(period.to())) {
			return Status.OVERDUE;
		}
		if (today.isBefore(period.from())) {
			return Status.ON_TRACK;
		}
		long dueByNow = 0;
		for (LocalDate due : dueDates(task, period)) {
			if (today.isAfter(due)) {
				dueByNow += task.task().quota();
			}
		}
		if (achieved < Math.min(dueByNow, target)) {
			return Status.OVERDUE;
		}
		long days = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
		long elapsed = ChronoUnit.DAYS.between(period.from(), today) + 1;
		return (achieved * days < target * elapsed) ? Status.AT_RISK : Status.ON_TRACK;
	}

	/**
	 * The due dates inside a period: the due day (else the last day) of the last month of
	 * each cadence period that ends inside it. A continuous task has none but the year's
	 * end.
	 */
	static List<LocalDate> dueDates(StoredTask task, Period period) {
		List<LocalDate> dates = new ArrayList<>();
		int step = task.cadence().months;
		for (int month = step; month <= 12; month += step) {
			YearMonth ym = YearMonth.of(period.year(), month);
			LocalDate due = (task.task().dueDay() != null) ? ym.atDay(task.task().dueDay()) : ym.atEndOfMonth();
			if (period.contains(due) || (period.contains(ym.atDay(1)) && !due.isAfter(period.to()))) {
				dates.add(due);
			}
		}
		return dates;
	}

	static LocalDate nextDue(StoredTask task, Period period, LocalDate today) {
		return dueDates(task, period).stream().filter((d) -> !d.isBefore(today)).findFirst().orElse(null);
	}

	private List<CountedItem> items(StoredTask task, Period period, Set<Long> below, Map<Long, List<Entry>> entries,
			Map<Long, Unit> unitsById) {
		List<CountedItem> items = new ArrayList<>();
		List<String> channels = task.channel().channels;
		if (!channels.isEmpty() && !below.isEmpty()) {
			if (task.measure() == Measure.MINUTES) {
				this.jdbc
					.sql("select station, content_id, on_day, unit_id, seconds from plan_airing where on_day between :from "
							+ "and :to and unit_id in (:units) and (cast(:topic as varchar) is null or topic = :topic) "
							+ "order by aired_at, station")
					.param("from", Date.valueOf(period.from()))
					.param("to", Date.valueOf(period.to()))
					.param("units", List.copyOf(below))
					.param("topic", task.task().topic())
					.query((rs) -> {
						items.add(new CountedItem("AIRED", rs.getDate(3).toLocalDate(), code(unitsById, rs.getLong(4)),
								"radio:" + rs.getString(1), rs.getLong(2), null, null,
								Math.round(rs.getLong(5) / 60.0)));
					});
			}
			else {
				this.jdbc
					.sql("select content_id, channel, on_day, unit_id from plan_item where on_day between :from and :to "
							+ "and unit_id in (:units) and channel in (:channels) "
							+ "and (cast(:topic as varchar) is null or topic = :topic) order by on_day, content_id, channel")
					.param("from", Date.valueOf(period.from()))
					.param("to", Date.valueOf(period.to()))
					.param("units", List.copyOf(below))
					.param("channels", channels)
					.param("topic", task.task().topic())
					.query((rs) -> {
						items.add(new CountedItem("PUBLISHED", rs.getDate(3).toLocalDate(),
								code(unitsById, rs.getLong(4)), rs.getString(2), rs.getLong(1), null, null, 1));
					});
			}
		}
		Map<Long, String> titles = this.contents
			.titles(items.stream().map(CountedItem::contentId).filter(java.util.Objects::nonNull).distinct().toList());
		String base = this.loa.publicBaseUrl();
		List<CountedItem> result = new ArrayList<>(items.stream()
			.map((i) -> new CountedItem(i.kind(), i.date(), i.unit(), i.channel(), i.contentId(),
					titles.getOrDefault(i.contentId(), "#" + i.contentId()),
					base + "/console/contents/" + i.contentId(), i.amount()))
			.toList());
		for (Entry e : entries.getOrDefault(task.id(), List.of())) {
			if (below.contains(e.unitId())) {
				result.add(new CountedItem("MANUAL", e.date(), code(unitsById, e.unitId()), task.task().channel(), null,
						e.note(), e.evidence(), e.amount()));
			}
		}
		result.sort(Comparator.comparing(CountedItem::date).thenComparing(CountedItem::kind));
		return result;
	}

	private static String code(Map<Long, Unit> units, long id) {
		Unit unit = units.get(id);
		return (unit != null) ? unit.code() : null;
	}

	private List<Count> counts(Period period) {
		return this.jdbc.sql(
				"select unit_id, channel, topic, sum(items), sum(seconds) from plan_daily_count where on_day between :from "
						+ "and :to group by unit_id, channel, topic")
			.param("from", Date.valueOf(period.from()))
			.param("to", Date.valueOf(period.to()))
			.query((rs, n) -> new Count(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
			.list();
	}

	Map<Long, List<Entry>> entries(long planId, Period period) {
		Map<Long, List<Entry>> result = new HashMap<>();
		this.jdbc
			.sql("select e.task_id, e.unit_id, e.entry_date, e.amount, e.note, e.evidence_url from plan_entry e "
					+ "join plan_task t on t.id = e.task_id where t.plan_id = :plan and e.entry_date between :from "
					+ "and :to order by e.entry_date, e.id")
			.param("plan", planId)
			.param("from", Date.valueOf(period.from()))
			.param("to", Date.valueOf(period.to()))
			.query((rs) -> {
				result.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
					.add(new Entry(rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getLong(4), rs.getString(5),
							rs.getString(6)));
			});
		return result;
	}

	record Count(long unitId, String channel, String topic, long items, long seconds) {
	}

	record Entry(long unitId, LocalDate date, long amount, String note, String evidence) {
	}

	static Collection<Status> behind() {
		return List.of(Status.AT_RISK, Status.OVERDUE);
	}

}
