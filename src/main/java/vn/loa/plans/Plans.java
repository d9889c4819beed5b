package vn.loa.plans;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.common.Problems;
import vn.loa.plans.Plan.Document;
import vn.loa.plans.Plan.Task;
import vn.loa.units.Unit;
import vn.loa.units.Units;

/**
 * Plans and their tasks. Every field is checked before anything is written, so a bad plan
 * is refused whole with the field named ({@code tasks[2].quota}).
 */
@Service
public class Plans {

	static final java.util.regex.Pattern TASK_CODE = java.util.regex.Pattern.compile("[\\p{L}0-9][\\p{L}0-9._-]{0,39}");

	private final JdbcClient jdbc;

	private final Units units;

	private final Clock clock;

	Plans(JdbcClient jdbc, Units units, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	/** A stored task with its ids, for progress and entries. */
	record StoredTask(long id, long planId, Task task, long leadUnitId, List<Long> unitIds) {

		Measure measure() {
			return Measure.valueOf(this.task.measure());
		}

		Cadence cadence() {
			return Cadence.valueOf(this.task.cadence());
		}

		TaskChannel channel() {
			return TaskChannel.valueOf(this.task.channel());
		}

	}

	public List<Plan> list() {
		List<Long> ids = this.jdbc.sql("select id from plan order by plan_year desc, id").query(Long.class).list();
		return ids.stream().map((id) -> get(id)).toList();
	}

	public Plan get(long id) {
		return find(id).orElseThrow(() -> Problems.notFound("Plan", id));
	}

	public Optional<Plan> find(long id) {
		Map<Long, String> codes = unitCodes();
		return this.jdbc
			.sql("select id, name, document_number, document_date, issuer, plan_year from plan where id = :id")
			.param("id", id)
			.query((rs, n) -> {
				Date date = rs.getDate("document_date");
				return new Plan(
						rs.getLong("id"), rs.getString("name"), new Document(rs.getString("document_number"),
								(date != null) ? date.toLocalDate() : null, rs.getString("issuer")),
						rs.getInt("plan_year"), List.of(), List.of());
			})
			.optional()
			.map((plan) -> new Plan(plan.id(), plan.name(), plan.document(), plan.year(),
					planUnitIds(id).stream().map(codes::get).toList(),
					tasks(id).stream().map(StoredTask::task).toList()));
	}

	List<Long> planUnitIds(long planId) {
		return this.jdbc.sql("select unit_id from plan_unit where plan_id = :id order by unit_id")
			.param("id", planId)
			.query(Long.class)
			.list();
	}

	List<StoredTask> tasks(long planId) {
		Map<Long, String> codes = unitCodes();
		Map<Long, List<Long>> taskUnits = new HashMap<>();
		this.jdbc
			.sql("select tu.task_id, tu.unit_id from plan_task_unit tu join plan_task t on t.id = tu.task_id "
					+ "where t.plan_id = :id order by tu.unit_id")
			.param("id", planId)
			.query((rs) -> {
				taskUnits.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getLong(2));
			});
		return this.jdbc
			.sql("select id, code, title, lead_unit_id, channel, topic, measure, quota, cadence, due_day, per_unit "
					+ "from plan_task where plan_id = :id order by task_order")
			.param("id", planId)
			.query((rs, n) -> {
				long taskId = rs.getLong("id");
				List<Long> unitIds = taskUnits.getOrDefault(taskId, List.of());
				Integer dueDay = rs.getInt("due_day");
				if (rs.wasNull()) {
					dueDay = null;
				}
				Task task = new Task(rs.getString("code"), rs.getString("title"), codes.get(rs.getLong("lead_unit_id")),
						unitIds.stream().map(codes::get).toList(), rs.getString("channel"), rs.getString("topic"),
						rs.getString("measure"), rs.getInt("quota"), rs.getString("cadence"), dueDay,
						rs.getBoolean("per_unit"));
				return new StoredTask(taskId, planId, task, rs.getLong("lead_unit_id"), unitIds);
			})
			.list();
	}

	Optional<StoredTask> task(long planId, String code) {
		return tasks(planId).stream().filter((t) -> t.task().code().equalsIgnoreCase(code)).findFirst();
	}

	@Transactional
	public Plan create(Plan input, String actor) {
		Valid valid = validate(input);
		Timestamp now = Timestamp.from(this.clock.instant());
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc
			.sql("insert into plan (name, document_number, document_date, issuer, plan_year, created_by, created_at, "
					+ "updated_at) values (:name, :number, :date, :issuer, :year, :actor, :now, :now)")
			.param("name", valid.name())
			.param("number", valid.document().number())
			.param("date", (valid.document().date() != null) ? Date.valueOf(valid.document().date()) : null)
			.param("issuer", valid.document().issuer())
			.param("year", valid.year())
			.param("actor", actor)
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		writeChildren(id, valid);
		return get(id);
	}

	@Transactional
	public Plan update(long id, Plan input) {
		get(id);
		Valid valid = validate(input);
		this.jdbc
			.sql("update plan set name = :name, document_number = :number, document_date = :date, issuer = :issuer, "
					+ "plan_year = :year, updated_at = :now where id = :id")
			.param("name", valid.name())
			.param("number", valid.document().number())
			.param("date", (valid.document().date() != null) ? Date.valueOf(valid.document().date()) : null)
			.param("issuer", valid.document().issuer())
			.param("year", valid.year())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.update();
		// tasks keep their ids (and so their manual entries) when their code stays
		Map<String, Long> existing = new HashMap<>();
		tasks(id).forEach((t) -> existing.put(t.task().code(), t.id()));
		Set<String> kept = new HashSet<>();
		valid.tasks().forEach((t) -> kept.add(t.code()));
		for (Map.Entry<String, Long> e : existing.entrySet()) {
			if (!kept.contains(e.getKey())) {
				this.jdbc.sql("delete from plan_entry where task_id = :t").param("t", e.getValue()).update();
				this.jdbc.sql("delete from plan_task_unit where task_id = :t").param("t", e.getValue()).update();
				this.jdbc.sql("delete from plan_task where id = :t").param("t", e.getValue()).update();
			}
		}
		this.jdbc.sql("delete from plan_unit where plan_id = :id").param("id", id).update();
		writeChildren(id, valid, existing);
		return get(id);
	}

	@Transactional
	public void delete(long id) {
		get(id);
		this.jdbc.sql("delete from plan_entry where task_id in (select id from plan_task where plan_id = :id)")
			.param("id", id)
			.update();
		this.jdbc.sql("delete from plan_task_unit where task_id in (select id from plan_task where plan_id = :id)")
			.param("id", id)
			.update();
		this.jdbc.sql("delete from plan_task where plan_id = :id").param("id", id).update();
		this.jdbc.sql("delete from plan_unit where plan_id = :id").param("id", id).update();
		this.jdbc.sql("delete from plan where id = :id").param("id", id).update();
	}

	private void writeChildren(long id, Valid valid) {
		writeChildren(id, valid, Map.of());
	}

	private void writeChildren(long id, Valid valid, Map<String, Long> existingTasks) {
		for (long unitId : valid.unitIds()) {
			this.jdbc.sql("insert into plan_unit (plan_id, unit_id) values (:p, :u)")
				.param("p", id)
				.param("u", unitId)
				.update();
		}
		int position = 0;
		for (ValidTask t : valid.tasks()) {
			position++;
			Long taskId = existingTasks.get(t.code());
			if (taskId == null) {
				this.jdbc
					.sql("insert into plan_task (plan_id, task_order, code, title, lead_unit_id, channel, topic, measure, "
							+ "quota, cadence, due_day, per_unit) values (:p, :pos, :code, :title, :lead, :channel, "
							+ ":topic, :measure, :quota, :cadence, :due, :per)")
					.param("p", id)
					.param("pos", position)
					.param("code", t.code())
					.param("title", t.title())
					.param("lead", t.leadUnitId())
					.param("channel", t.channel().name())
					.param("topic", t.topic())
					.param("measure", t.measure().name())
					.param("quota", t.quota())
					.param("cadence", t.cadence().name())
					.param("due", t.dueDay())
					.param("per", t.perUnit())
					.update();
				taskId = this.jdbc.sql("select id from plan_task where plan_id = :p and code = :code")
					.param("p", id)
					.param("code", t.code())
					.query(Long.class)
					.single();
			}
			else {
				this.jdbc
					.sql("update plan_task set task_order = :pos, title = :title, lead_unit_id = :lead, channel = :channel, "
							+ "topic = :topic, measure = :measure, quota = :quota, cadence = :cadence, due_day = :due, "
							+ "per_unit = :per where id = :id")
					.param("pos", position)
					.param("title", t.title())
					.param("lead", t.leadUnitId())
					.param("channel", t.channel().name())
					.param("topic", t.topic())
					.param("measure", t.measure().name())
					.param("quota", t.quota())
					.param("cadence", t.cadence().name())
					.param("due", t.dueDay())
					.param("per", t.perUnit())
					.param("id", taskId)
					.update();
				this.jdbc.sql("delete from plan_task_unit where task_id = :t").param("t", taskId).update();
			}
			for (long unitId : t.unitIds()) {
				this.jdbc.sql("insert into plan_task_unit (task_id, unit_id) values (:t, :u)")
					.param("t", taskId)
					.param("u", unitId)
					.update();
			}
		}
	}

	Map<Long, String> unitCodes() {
		Map<Long, String> codes = new HashMap<>();
		this.units.list().forEach((u) -> codes.put(u.id(), u.code()));
		return codes;
	}

	/**
	 * Every refusal a plan earns, not just the first: the plan's own fields, then each
	 * task's first fault, then repeated task codes. Empty when {@link #create} would take
	 * it.
	 */
	List<Refusal> refusals(Plan input) {
		List<Refusal> refusals = new ArrayList<>();
		try {
			head(new Plan(input.id(), input.name(), input.document(), input.year(), input.units(), List.of()));
		}
		catch (org.springframework.web.ErrorResponseException ex) {
			refusals.add(Refusal.of(ex));
		}
		List<Task> tasks = (input.tasks() != null) ? input.tasks() : List.of();
		if (tasks.isEmpty()) {
			refusals.add(new Refusal("tasks", "a plan needs at least one task"));
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < tasks.size(); i++) {
			try {
				ValidTask task = validate("tasks[" + i + "].", tasks.get(i));
				if (!codes.add(task.code().toLowerCase(Locale.ROOT))) {
					refusals.add(new Refusal("tasks[" + i + "].code", "repeats the code of an earlier task"));
				}
			}
			catch (org.springframework.web.ErrorResponseException ex) {
				refusals.add(Refusal.of(ex));
			}
		}
		return refusals;
	}

	/** A field a plan was refused for, and why. */
	record Refusal(String field, String message) {

		@SuppressWarnings("unchecked")
		static Refusal of(org.springframework.web.ErrorResponseException ex) {
			Map<String, Object> properties = ex.getBody().getProperties();
			Object errors = (properties != null) ? properties.get("errors") : null;
			if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
				return new Refusal(String.valueOf(first.get("field")), String.valueOf(first.get("message")));
			}
			return new Refusal("", ex.getBody().getDetail());
		}

	}

	Valid validate(Plan input) {
		Valid head = head(input);
		List<Task> tasks = (input.tasks() != null) ? input.tasks() : List.of();
		if (tasks.isEmpty()) {
			throw Problems.invalid("tasks", "a plan needs at least one task");
		}
		List<ValidTask> valid = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < tasks.size(); i++) {
			ValidTask task = validate("tasks[" + i + "].", tasks.get(i));
			if (!codes.add(task.code().toLowerCase(Locale.ROOT))) {
				throw Problems.invalid("tasks[" + i + "].code", "repeats the code of an earlier task");
			}
			valid.add(task);
		}
		return new Valid(head.name(), head.document(), head.year(), head.unitIds(), valid);
	}

	/** The plan's own fields, checked; its tasks are left out. */
	private Valid head(Plan input) {
		if (input == null) {
			throw Problems.invalid("body", "A JSON body is required");
		}
		String name = text("name", input.name(), 500);
		Document document = input.document();
		if (document == null) {
			throw Problems.invalid("document", "is required: {number, date, issuer}");
		}
		String issuer = text("document.issuer", document.issuer(), 300);
		String number = (document.number() != null && !document.number().isBlank()) ? document.number().strip() : null;
		if (number != null && number.length() > 100) {
			throw Problems.invalid("document.number", "must be at most 100 characters");
		}
		if (input.year() == null || input.year() < 2000 || input.year() > 2100) {
			throw Problems.invalid("year", "must be a year between 2000 and 2100");
		}
		List<Long> unitIds = new ArrayList<>();
		List<String> planUnits = (input.units() != null) ? input.units() : List.of();
		for (int i = 0; i < planUnits.size(); i++) {
			unitIds.add(unit("units[" + i + "]", planUnits.get(i)).id());
		}
		return new Valid(name, new Document(number, document.date(), issuer), input.year(),
				List.copyOf(new LinkedHashSet<>(unitIds)), List.of());
	}

	private ValidTask validate(String prefix, Task task) {
		if (task == null) {
			throw Problems.invalid(prefix.substring(0, prefix.length() - 1), "must be a task");
		}
		String code = (task.code() != null) ? task.code().strip() : "";
		if (!TASK_CODE.matcher(code).matches()) {
			throw Problems.invalid(prefix + "code", "must be 1 to 40 letters, digits, dots, dashes or underscores");
		}
		String title = text(prefix + "title", task.title(), 1000);
		Unit lead = unit(prefix + "leadUnit", task.leadUnit());
		List<Long> unitIds = new ArrayList<>();
		List<String> taskUnits = (task.units() != null) ? task.units() : List.of();
		for (int i = 0; i < taskUnits.size(); i++) {
			unitIds.add(unit(prefix + "units[" + i + "]", taskUnits.get(i)).id());
		}
		TaskChannel channel = enumValue(prefix + "channel", TaskChannel.class, task.channel());
		Measure measure = (task.measure() == null) ? Measure.ITEMS
				: enumValue(prefix + "measure", Measure.class, task.measure());
		if (measure == Measure.MINUTES && channel != TaskChannel.RADIO) {
			throw Problems.invalid(prefix + "measure", "MINUTES are counted for radio only");
		}
		if (task.quota() == null || task.quota() <= 0) {
			throw Problems.invalid(prefix + "quota", "must be a positive number");
		}
		Cadence cadence = enumValue(prefix + "cadence", Cadence.class, task.cadence());
		if (task.dueDay() != null && (task.dueDay() < 1 || task.dueDay() > 28)) {
			throw Problems.invalid(prefix + "dueDay", "must be a day of the month from 1 to 28");
		}
		String topic = (task.topic() != null && !task.topic().isBlank()) ? task.topic().strip() : null;
		if (topic != null && topic.length() > 100) {
			throw Problems.invalid(prefix + "topic", "must be at most 100 characters");
		}
		return new ValidTask(code, title, lead.id(), List.copyOf(new LinkedHashSet<>(unitIds)), channel, topic, measure,
				task.quota(), cadence, task.dueDay(), Boolean.TRUE.equals(task.perUnit()));
	}

	private Unit unit(String field, String code) {
		if (code == null || code.isBlank()) {
			throw Problems.invalid(field, "must name a unit by its code");
		}
		return this.units.require(field, code);
	}

	private static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw Problems.invalid(field, "must not be blank");
		}
		String text = java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC);
		if (text.length() > max) {
			throw Problems.invalid(field, "must be at most " + max + " characters");
		}
		return text;
	}

	private static <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
		try {
			return Enum.valueOf(type, (value != null) ? value.strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalid(field,
					"must be one of " + java.util.Arrays.toString(type.getEnumConstants()).replaceAll("[\\[\\]]", ""));
		}
	}

	/** Units a task's lines are for: each unit in scope, or the lead alone. */
	List<Long> lineUnits(StoredTask task) {
		if (!task.task().perUnit()) {
			return List.of(task.leadUnitId());
		}
		List<Long> scope = !task.unitIds().isEmpty() ? task.unitIds() : planUnitIds(task.planId());
		return scope.isEmpty() ? List.of(task.leadUnitId()) : scope;
	}

	record Valid(String name, Document document, int year, List<Long> unitIds, List<ValidTask> tasks) {
	}

	record ValidTask(String code, String title, long leadUnitId, List<Long> unitIds, TaskChannel channel, String topic,
			Measure measure, int quota, Cadence cadence, Integer dueDay, boolean perUnit) {
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(vn.loa.common.LoaClock.ZONE));
	}

	static <K, V> Map<K, V> ordered() {
		return new LinkedHashMap<>();
	}

}
