package vn.loa.units;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.common.Problems;

/**
 * Organisational units, their tree and what belongs to each. Units are few (a province
 * has a few hundred), so the tree is read whole and walked in memory.
 */
@Service
public class Units {

	static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	static final Pattern AREA = Pattern.compile("[A-Z0-9]{1,10}(\\.[A-Z0-9]{1,10}){0,2}");

	private final JdbcClient jdbc;

	private final Clock clock;

	Units(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every unit, parents before their children, siblings by name. */
	public List<Unit> list() {
		List<Unit> all = this.jdbc
			.sql("select u.id, u.code, u.name, p.code as parent, u.kind, u.area_path from org_unit u "
					+ "left join org_unit p on p.id = u.parent_id order by u.name, u.code")
			.query(Units::row)
			.list();
		return treeOrder(all);
	}

	public Optional<Unit> find(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select u.id, u.code, u.name, p.code as parent, u.kind, u.area_path from org_unit u "
					+ "left join org_unit p on p.id = u.parent_id where u.code = :code")
			.param("code", code.strip().toLowerCase(Locale.ROOT))
			.query(Units::row)
			.optional();
	}

	public Optional<Unit> get(long id) {
		return list().stream().filter((u) -> u.id() == id).findFirst();
	}

	/** The unit with this code, or a 400 naming {@code field}. */
	public Unit require(String field, String code) {
		return find(code).orElseThrow(() -> Problems.invalid(field, "no unit with code " + code));
	}

	/** Whether any unit is defined. */
	public boolean any() {
		return this.jdbc.sql("select count(*) from org_unit").query(Long.class).single() > 0;
	}

	/** The ids of the unit and every unit below it. */
	public Set<Long> subtree(long unitId) {
		Map<Long, List<Long>> children = new HashMap<>();
		this.jdbc.sql("select id, parent_id from org_unit").query((rs) -> {
			long parent = rs.getLong(2);
			if (!rs.wasNull()) {
				children.computeIfAbsent(parent, (k) -> new ArrayList<>()).add(rs.getLong(1));
			}
		});
		Set<Long> result = new LinkedHashSet<>();
		List<Long> queue = new ArrayList<>(List.of(unitId));
		while (!queue.isEmpty()) {
			long next = queue.remove(queue.size() - 1);
			if (result.add(next)) {
				queue.addAll(children.getOrDefault(next, List.of()));
			}
		}
		return result;
	}

	/** What an officer may see and publish for (see {@link UnitScope}). */
	public UnitScope scopeOf(String username, boolean admin) {
		if (admin) {
			return UnitScope.ALL;
		}
		return unitOf(MemberKind.USER, username).map((u) -> new UnitScope(false, subtree(u.id())))
			.orElse(UnitScope.ALL);
	}

	/** The unit a thing belongs to. */
	public Optional<Unit> unitOf(MemberKind kind, String key) {
		if (key == null) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select u.id, u.code, u.name, p.code as parent, u.kind, u.area_path from org_unit_member m "
					+ "join org_unit u on u.id = m.unit_id left join org_unit p on p.id = u.parent_id "
					+ "where m.member_kind = :kind and m.member_key = :key")
			.param("kind", kind.name())
			.param("key", key)
			.query(Units::row)
			.optional();
	}

	/** The unit ids of many things of one kind at once (things of no unit are absent). */
	public Map<String, Long> unitIdsOf(MemberKind kind, Collection<String> keys) {
		Map<String, Long> result = new HashMap<>();
		if (keys.isEmpty()) {
			return result;
		}
		this.jdbc
			.sql("select member_key, unit_id from org_unit_member where member_kind = :kind and member_key in (:keys)")
			.param("kind", kind.name())
			.param("keys", List.copyOf(new LinkedHashSet<>(keys)))
			.query((rs) -> {
				result.put(rs.getString(1), rs.getLong(2));
			});
		return result;
	}

	/** Every member of one kind with its unit's code. */
	public Map<String, String> members(MemberKind kind) {
		Map<String, String> result = new LinkedHashMap<>();
		this.jdbc
			.sql("select m.member_key, u.code from org_unit_member m join org_unit u on u.id = m.unit_id "
					+ "where m.member_kind = :kind order by m.member_key")
			.param("kind", kind.name())
			.query((rs) -> {
				result.put(rs.getString(1), rs.getString(2));
			});
		return result;
	}

	/**
	 * Makes a thing belong to a unit (or to none, with a null code), replacing what it
	 * belonged to before.
	 */
	@Transactional
	public void assign(MemberKind kind, String key, String unitCode, String actor) {
		if (key == null || key.isBlank()) {
			throw Problems.invalid("key", "must not be blank");
		}
		this.jdbc.sql("delete from org_unit_member where member_kind = :kind and member_key = :key")
			.param("kind", kind.name())
			.param("key", key)
			.update();
		if (unitCode == null || unitCode.isBlank()) {
			return;
		}
		Unit unit = require("unit", unitCode);
		this.jdbc
			.sql("insert into org_unit_member (member_kind, member_key, unit_id, assigned_by, assigned_at) "
					+ "values (:kind, :key, :unit, :actor, :now)")
			.param("kind", kind.name())
			.param("key", key)
			.param("unit", unit.id())
			.param("actor", actor)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/** Creates a unit, or a 400 naming the field, or a 409 when the code is taken. */
	@Transactional
	public Unit create(UnitInput input) {
		NewUnit valid = validate(input, "");
		if (find(valid.code()).isPresent()) {
			throw Problems.conflict("unit-exists", "A unit with code " + valid.code() + " exists already");
		}
		Long parentId = (valid.parent() != null) ? require("parent", valid.parent()).id() : null;
		insert(valid, parentId);
		return find(valid.code()).orElseThrow();
	}

	/** Changes a unit's name, parent, kind or area; its code stays. */
	@Transactional
	public Unit update(String code, UnitInput input) {
		Unit existing = find(code).orElseThrow(() -> Problems.notFound("Unit", code));
		NewUnit valid = validate(
				new UnitInput(existing.code(), input.name(), input.parent(), input.kind(), input.areaPath()), "");
		Long parentId = null;
		if (valid.parent() != null) {
			Unit parent = require("parent", valid.parent());
			if (subtree(existing.id()).contains(parent.id())) {
				throw Problems.invalid("parent", "a unit cannot be placed below itself or one of its own units");
			}
			parentId = parent.id();
		}
		this.jdbc
			.sql("update org_unit set name = :name, parent_id = :parent, kind = :kind, area_path = :area, "
					+ "updated_at = :now where id = :id")
			.param("name", valid.name())
			.param("parent", parentId)
			.param("kind", valid.kind().name())
			.param("area", valid.areaPath())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", existing.id())
			.update();
		return find(existing.code()).orElseThrow();
	}

	/** Deletes a unit that has no units below it and nothing belonging to it. */
	@Transactional
	public void delete(String code) {
		Unit unit = find(code).orElseThrow(() -> Problems.notFound("Unit", code));
		long children = this.jdbc.sql("select count(*) from org_unit where parent_id = :id")
			.param("id", unit.id())
			.query(Long.class)
			.single();
		long members = this.jdbc.sql("select count(*) from org_unit_member where unit_id = :id")
			.param("id", unit.id())
			.query(Long.class)
			.single();
		if (children > 0 || members > 0) {
			throw Problems.conflict("unit-in-use", "Unit " + unit.code() + " still has " + children
					+ " units below it and " + members + " users, stations, sites or publications");
		}
		try {
			this.jdbc.sql("delete from org_unit where id = :id").param("id", unit.id()).update();
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			throw Problems.conflict("unit-in-use", "Unit " + unit.code() + " is still referred to (e.g. by a plan)");
		}
	}

	/**
	 * Imports units from CSV ({@code code,name,parent,kind,area}; a parent may come later
	 * in the file). Every row is checked first; when any row is rejected nothing is
	 * written and the report lists each rejected row and why. Existing codes are updated.
	 */
	@Transactional
	public UnitImportReport importCsv(String csv) {
		List<UnitCsv.Row> rows;
		try {
			rows = UnitCsv.parse(csv);
		}
		catch (IllegalArgumentException ex) {
			return new UnitImportReport(0, 0, 0, false,
					List.of(new UnitImportReport.RejectedRow(1, null, null, ex.getMessage())));
		}
		List<UnitImportReport.RejectedRow> rejected = new ArrayList<>();
		Map<String, NewUnit> valid = new LinkedHashMap<>();
		Map<String, Integer> rowOfCode = new HashMap<>();
		for (UnitCsv.Row row : rows) {
			try {
				NewUnit unit = validate(new UnitInput(row.code(), row.name(), row.parent(), row.kind(), row.area()),
						"");
				if (rowOfCode.containsKey(unit.code())) {
					rejected.add(new UnitImportReport.RejectedRow(row.number(), "code", row.code(),
							"repeats the code of row " + rowOfCode.get(unit.code())));
					continue;
				}
				rowOfCode.put(unit.code(), row.number());
				valid.put(unit.code(), unit);
			}
			catch (org.springframework.web.ErrorResponseException ex) {
				rejected.add(rejection(row, ex));
			}
		}
		Map<String, Unit> existing = new HashMap<>();
		list().forEach((u) -> existing.put(u.code(), u));
		for (NewUnit unit : valid.values()) {
			if (unit.parent() != null && !valid.containsKey(unit.parent()) && !existing.containsKey(unit.parent())) {
				rejected.add(new UnitImportReport.RejectedRow(rowOfCode.get(unit.code()), "parent", unit.parent(),
						"no unit with code " + unit.parent() + " here or in the file"));
			}
		}
		String cycle = cycleIn(valid, existing);
		if (cycle != null) {
			rejected.add(new UnitImportReport.RejectedRow(rowOfCode.get(cycle), "parent", valid.get(cycle).parent(),
					"the parents form a loop"));
		}
		if (!rejected.isEmpty()) {
			rejected.sort(java.util.Comparator.comparingInt(UnitImportReport.RejectedRow::row));
			return new UnitImportReport(rows.size(), 0, 0, false, rejected);
		}
		int created = 0;
		int updated = 0;
		// first every unit without its parent, then the parents: a parent may come later
		for (NewUnit unit : valid.values()) {
			if (existing.containsKey(unit.code())) {
				updated++;
				this.jdbc
					.sql("update org_unit set name = :name, kind = :kind, area_path = :area, updated_at = :now "
							+ "where code = :code")
					.param("name", unit.name())
					.param("kind", unit.kind().name())
					.param("area", unit.areaPath())
					.param("now", Timestamp.from(this.clock.instant()))
					.param("code", unit.code())
					.update();
			}
			else {
				created++;
				insert(unit, null);
			}
		}
		for (NewUnit unit : valid.values()) {
			this.jdbc
				.sql("update org_unit set parent_id = (select p.id from org_unit p where p.code = :parent) "
						+ "where code = :code")
				.param("parent", unit.parent())
				.param("code", unit.code())
				.update();
		}
		return new UnitImportReport(rows.size(), created, updated, true, List.of());
	}

	private static String cycleIn(Map<String, NewUnit> file, Map<String, Unit> existing) {
		for (String start : file.keySet()) {
			Set<String> seen = new HashSet<>();
			String at = start;
			while (at != null) {
				if (!seen.add(at)) {
					return start;
				}
				NewUnit inFile = file.get(at);
				at = (inFile != null) ? inFile.parent() : (existing.containsKey(at) ? existing.get(at).parent() : null);
			}
		}
		return null;
	}

	private static UnitImportReport.RejectedRow rejection(UnitCsv.Row row,
			org.springframework.web.ErrorResponseException ex) {
		Object errors = ex.getBody().getProperties() != null ? ex.getBody().getProperties().get("errors") : null;
		String field = null;
		String message = ex.getBody().getDetail();
		if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
			field = (String) first.get("field");
			message = (String) first.get("message");
		}
		String column = "areaPath".equals(field) ? "area" : field;
		String value = switch (column == null ? "" : column) {
			case "code" -> row.code();
			case "name" -> row.name();
			case "parent" -> row.parent();
			case "kind" -> row.kind();
			case "area" -> row.area();
			default -> null;
		};
		return new UnitImportReport.RejectedRow(row.number(), column, value, message);
	}

	private void insert(NewUnit unit, Long parentId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("insert into org_unit (code, name, parent_id, kind, area_path, created_at, updated_at) "
					+ "values (:code, :name, :parent, :kind, :area, :now, :now)")
			.param("code", unit.code())
			.param("name", unit.name())
			.param("parent", parentId)
			.param("kind", unit.kind().name())
			.param("area", unit.areaPath())
			.param("now", now)
			.update();
	}

	static NewUnit validate(UnitInput input, String prefix) {
		if (input == null) {
			throw Problems.invalid("body", "A JSON body is required");
		}
		String code = (input.code() != null) ? input.code().strip().toLowerCase(Locale.ROOT) : "";
		if (!CODE.matcher(code).matches()) {
			throw Problems.invalid(prefix + "code",
					"must be 1 to 40 lower-case letters, digits or dashes, starting with a letter or digit");
		}
		String name = (input.name() != null)
				? java.text.Normalizer.normalize(input.name().strip(), java.text.Normalizer.Form.NFC) : "";
		if (name.isEmpty() || name.length() > 300) {
			throw Problems.invalid(prefix + "name", "must be 1 to 300 characters");
		}
		UnitKind kind;
		try {
			kind = UnitKind.valueOf((input.kind() != null) ? input.kind().strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalid(prefix + "kind", "must be one of " + java.util.Arrays.toString(UnitKind.values()));
		}
		String area = null;
		if (input.areaPath() != null && !input.areaPath().isBlank()) {
			area = input.areaPath().strip().toUpperCase(Locale.ROOT).replaceAll("\\s*[-/>]\\s*", ".");
			if (!AREA.matcher(area).matches()) {
				throw Problems.invalid(prefix + "areaPath",
						"must be a path of 1 to 3 area codes, province first, e.g. 56 or 56.568");
			}
		}
		String parent = (input.parent() != null && !input.parent().isBlank())
				? input.parent().strip().toLowerCase(Locale.ROOT) : null;
		if (code.equals(parent)) {
			throw Problems.invalid(prefix + "parent", "a unit cannot be its own parent");
		}
		return new NewUnit(code, name, parent, kind, area);
	}

	private static List<Unit> treeOrder(List<Unit> units) {
		Map<String, List<Unit>> byParent = new LinkedHashMap<>();
		Set<String> codes = new HashSet<>();
		units.forEach((u) -> codes.add(u.code()));
		for (Unit unit : units) {
			String parent = (unit.parent() != null && codes.contains(unit.parent())) ? unit.parent() : "";
			byParent.computeIfAbsent(parent, (k) -> new ArrayList<>()).add(unit);
		}
		List<Unit> ordered = new ArrayList<>();
		addChildren("", byParent, ordered);
		return ordered;
	}

	private static void addChildren(String parent, Map<String, List<Unit>> byParent, List<Unit> out) {
		for (Unit unit : byParent.getOrDefault(parent, List.of())) {
			out.add(unit);
			addChildren(unit.code(), byParent, out);
		}
	}

	static Unit row(ResultSet rs, int n) throws SQLException {
		return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("parent"),
				UnitKind.valueOf(rs.getString("kind")), rs.getString("area_path"));
	}

	/** A unit as the API and the console send it; every field is checked here. */
	public record UnitInput(String code, String name, String parent, String kind, String areaPath) {
	}

	record NewUnit(String code, String name, String parent, UnitKind kind, String areaPath) {
	}

}
