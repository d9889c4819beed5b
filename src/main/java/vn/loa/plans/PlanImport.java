package vn.loa.plans;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import org.springframework.stereotype.Component;

import vn.loa.plans.Plan.Document;
import vn.loa.plans.Plan.Task;
import vn.loa.plans.PlanImportReport.Rejected;
import vn.loa.plans.Plans.Refusal;

/**
 * Reads a plan from a file officers can write by hand, checks all of it, and creates it
 * only when nothing is wrong.
 * <ul>
 * <li><b>YAML</b>: the JSON shape of a plan ({@code name, document: {number, date,
 * issuer}, year, units, tasks: [{code, title, leadUnit, units, channel, topic, measure,
 * quota, cadence, dueDay, perUnit}]}); faults name the field's path
 * ({@code tasks[2].quota}).</li>
 * <li><b>CSV</b>: one row per task with the columns {@link #COLUMNS} (any order, comma or
 * semicolon separated, UTF-8 with or without a BOM); the plan's own columns are read from
 * the first row that has them and must not differ on later rows; unit lists are separated
 * by spaces or {@code |}. Faults name the row (the header is row 1) and the column.</li>
 * </ul>
 */
@Component
class PlanImport {

	static final List<String> COLUMNS = List.of("plan", "document_number", "document_date", "issuer", "year",
			"plan_units", "code", "title", "lead_unit", "units", "channel", "topic", "measure", "quota", "cadence",
			"due_day", "per_unit");

	/** CSV columns of the plan's own fields, by field path. */
	private static final Map<String, String> PLAN_COLUMNS = Map.of("name", "plan", "document", "issuer",
			"document.number", "document_number", "document.issuer", "issuer", "document.date", "document_date", "year",
			"year", "units", "plan_units", "body", "plan");

	/** CSV columns of a task's fields, by field name. */
	private static final Map<String, String> TASK_COLUMNS = Map.ofEntries(Map.entry("code", "code"),
			Map.entry("title", "title"), Map.entry("leadUnit", "lead_unit"), Map.entry("units", "units"),
			Map.entry("channel", "channel"), Map.entry("topic", "topic"), Map.entry("measure", "measure"),
			Map.entry("quota", "quota"), Map.entry("cadence", "cadence"), Map.entry("dueDay", "due_day"),
			Map.entry("perUnit", "per_unit"));

	private static final Pattern TASK_FIELD = Pattern.compile("tasks\\[(\\d+)]\\.?([A-Za-z]*)(\\[\\d+])?");

	private final Plans plans;

	PlanImport(Plans plans) {
		this.plans = plans;
	}

	/** A YAML plan: created whole, or refused with every fault named. */
	PlanImportReport yaml(String text, String actor) {
		Object root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load((text != null) ? text : "");
		}
		catch (YAMLException ex) {
			return refused("yaml", 0, new Rejected(null, "", null, "The file is not valid YAML: " + ex.getMessage()));
		}
		if (!(root instanceof Map<?, ?> map)) {
			return refused("yaml", 0, new Rejected(null, "", null,
					"The file must be a YAML mapping with name, document, year, units and tasks"));
		}
		List<Rejected> rejected = new ArrayList<>();
		Fields fields = new Fields(rejected, null);
		Map<?, ?> document = fields.map(map.get("document"), "document");
		List<Task> tasks = new ArrayList<>();
		Object taskList = map.get("tasks");
		if (taskList instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				String prefix = "tasks[" + i + "].";
				Map<?, ?> t = fields.map(list.get(i), "tasks[" + i + "]");
				tasks.add(new Task(fields.text(t.get("code")), fields.text(t.get("title")),
						fields.text(t.get("leadUnit")), fields.list(t.get("units"), prefix + "units"),
						fields.text(t.get("channel")), fields.text(t.get("topic")), fields.text(t.get("measure")),
						fields.number(t.get("quota"), prefix + "quota"), fields.text(t.get("cadence")),
						fields.number(t.get("dueDay"), prefix + "dueDay"),
						fields.bool(t.get("perUnit"), prefix + "perUnit")));
			}
		}
		else if (taskList != null) {
			rejected.add(new Rejected(null, "tasks", String.valueOf(taskList), "must be a list of tasks"));
		}
		Plan plan = new Plan(null, fields.text(map.get("name")),
				new Document(fields.text(document.get("number")), fields.date(document.get("date"), "document.date"),
						fields.text(document.get("issuer"))),
				fields.number(map.get("year"), "year"), fields.list(map.get("units"), "units"), tasks);
		for (Refusal refusal : this.plans.refusals(plan)) {
			rejected.add(new Rejected(null, refusal.field(), null, refusal.message()));
		}
		return finish("yaml", plan, rejected, actor);
	}

	/** A CSV plan, one row per task: created whole, or refused with every fault named. */
	PlanImportReport csv(String text, String actor) {
		String csv = vn.loa.common.OfficeCsv.text(text);
		CSVFormat format = vn.loa.common.OfficeCsv.format(csv);
		List<Rejected> rejected = new ArrayList<>();
		List<Task> tasks = new ArrayList<>();
		List<Integer> taskRows = new ArrayList<>();
		Map<String, String> planValues = new LinkedHashMap<>();
		Map<String, Integer> planRows = new HashMap<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
			Map<String, String> columns = new HashMap<>();
			if (parser.getHeaderMap() != null) {
				parser.getHeaderMap()
					.keySet()
					.forEach((name) -> columns.put(name.strip().toLowerCase(Locale.ROOT).replace(' ', '_'), name));
			}
			for (String required : List.of("plan", "issuer", "year", "code", "title", "lead_unit", "channel", "quota",
					"cadence")) {
				if (!columns.containsKey(required)) {
					rejected.add(new Rejected(1, required, null,
							"the header has no column " + required + " (columns: " + String.join(",", COLUMNS) + ")"));
				}
			}
			if (!rejected.isEmpty()) {
				return refused("csv", 0, rejected.toArray(Rejected[]::new));
			}
			for (CSVRecord record : parser) {
				if (record.stream().allMatch(String::isBlank)) {
					continue;
				}
				int row = (int) record.getRecordNumber() + 1;
				Fields fields = new Fields(rejected, row);
				for (String column : List.of("plan", "document_number", "document_date", "issuer", "year",
						"plan_units")) {
					String value = value(record, columns, column);
					if (value == null) {
						continue;
					}
					String before = planValues.putIfAbsent(column, value);
					if (before == null) {
						planRows.put(column, row);
					}
					else if (!before.equals(value)) {
						rejected.add(new Rejected(row, column, value, "differs from row " + planRows.get(column) + " ("
								+ before + "): a file holds one plan"));
					}
				}
				taskRows.add(row);
				tasks.add(new Task(value(record, columns, "code"), value(record, columns, "title"),
						value(record, columns, "lead_unit"), words(value(record, columns, "units")),
						value(record, columns, "channel"), value(record, columns, "topic"),
						value(record, columns, "measure"), fields.number(value(record, columns, "quota"), "quota"),
						value(record, columns, "cadence"), fields.number(value(record, columns, "due_day"), "due_day"),
						fields.bool(value(record, columns, "per_unit"), "per_unit")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			return refused("csv", 0, new Rejected(null, "", null, "The file is not valid CSV: " + ex.getMessage()));
		}
		Integer firstRow = taskRows.isEmpty() ? 2 : taskRows.get(0);
		Fields planFields = new Fields(rejected, planRows.getOrDefault("year", firstRow));
		Plan plan = new Plan(null, planValues.get("plan"),
				new Document(planValues.get("document_number"),
						new Fields(rejected, planRows.getOrDefault("document_date", firstRow))
							.date(planValues.get("document_date"), "document_date"),
						planValues.get("issuer")),
				planFields.number(planValues.get("year"), "year"), words(planValues.get("plan_units")), tasks);
		for (Refusal refusal : this.plans.refusals(plan)) {
			Matcher task = TASK_FIELD.matcher(refusal.field());
			if (task.matches()) {
				int index = Integer.parseInt(task.group(1));
				String column = TASK_COLUMNS.getOrDefault(task.group(2), task.group(2));
				rejected.add(new Rejected(taskRows.get(index), column, null, refusal.message()));
			}
			else if (refusal.field().equals("tasks")) {
				rejected.add(new Rejected(2, "code", null, "the file has no task rows"));
			}
			else {
				String field = refusal.field().replaceAll("\\[\\d+]$", "");
				String column = PLAN_COLUMNS.getOrDefault(field, field);
				rejected.add(new Rejected(planRows.getOrDefault(column, firstRow), column, planValues.get(column),
						refusal.message()));
			}
		}
		rejected.sort(java.util.Comparator.comparing((Rejected r) -> (r.row() != null) ? r.row() : 0));
		return finish("csv", plan, rejected, actor);
	}

	private PlanImportReport finish(String format, Plan plan, List<Rejected> rejected, String actor) {
		int tasks = (plan.tasks() != null) ? plan.tasks().size() : 0;
		if (!rejected.isEmpty()) {
			// a value of the wrong kind is named once, not again as missing
			Map<String, Rejected> once = new LinkedHashMap<>();
			rejected.forEach((r) -> once.putIfAbsent(r.row() + "|" + r.field(), r));
			return new PlanImportReport(format, tasks, false, null, List.copyOf(once.values()));
		}
		return new PlanImportReport(format, tasks, true, this.plans.create(plan, actor), List.of());
	}

	private static PlanImportReport refused(String format, int tasks, Rejected... rejected) {
		return new PlanImportReport(format, tasks, false, null, List.of(rejected));
	}

	private static String value(CSVRecord record, Map<String, String> columns, String column) {
		String name = columns.get(column);
		if (name == null || !record.isMapped(name) || !record.isSet(name)) {
			return null;
		}
		String value = record.get(name);
		return value.isBlank() ? null : value;
	}

	private static List<String> words(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.strip().split("[\\s|]+")).filter((w) -> !w.isEmpty()).toList();
	}

	/**
	 * Typed reads of one row or document that note each value of the wrong kind (a
	 * rejected field) and go on with null, so that one pass finds every fault.
	 */
	private record Fields(List<Rejected> rejected, Integer row) {

		private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

		String text(Object value) {
			if (value == null) {
				return null;
			}
			String text = String.valueOf(value);
			return text.isBlank() ? null : text;
		}

		Integer number(Object value, String field) {
			if (value == null || (value instanceof String s && s.isBlank())) {
				return null;
			}
			if (value instanceof Integer i) {
				return i;
			}
			try {
				return Integer.valueOf(String.valueOf(value).strip());
			}
			catch (NumberFormatException ex) {
				this.rejected.add(new Rejected(this.row, field, String.valueOf(value), "must be a whole number"));
				return null;
			}
		}

		Boolean bool(Object value, String field) {
			if (value == null || value instanceof Boolean) {
				return (Boolean) value;
			}
			String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
			return switch (text) {
				case "", "false", "no", "0", "không" -> false;
				case "true", "yes", "1", "x", "có" -> true;
				default -> {
					this.rejected.add(new Rejected(this.row, field, String.valueOf(value), "must be true or false"));
					yield null;
				}
			};
		}

		LocalDate date(Object value, String field) {
			if (value == null || (value instanceof String s && s.isBlank())) {
				return null;
			}
			if (value instanceof java.util.Date date) {
				return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
			}
			String text = String.valueOf(value).strip();
			try {
				return text.contains("/") ? LocalDate.parse(text, VIETNAMESE_DATE) : LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				this.rejected.add(new Rejected(this.row, field, text, "must be a date, 2021-03-11 or 11/3/2021"));
				return null;
			}
		}

		List<String> list(Object value, String field) {
			if (value == null) {
				return List.of();
			}
			if (value instanceof List<?> list) {
				return list.stream().map(String::valueOf).toList();
			}
			if (value instanceof String text) {
				return words(text);
			}
			this.rejected.add(new Rejected(this.row, field, String.valueOf(value), "must be a list of unit codes"));
			return List.of();
		}

		Map<?, ?> map(Object value, String field) {
			if (value == null) {
				return Map.of();
			}
			if (value instanceof Map<?, ?> map) {
				return map;
			}
			this.rejected.add(new Rejected(this.row, field, String.valueOf(value), "must be a mapping"));
			return Map.of();
		}

	}

}
