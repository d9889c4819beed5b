package vn.loa.bench;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.loa.plans.Period;
import vn.loa.plans.Plan;
import vn.loa.plans.PlanCounter;
import vn.loa.plans.PlanProgress;
import vn.loa.plans.PlanProgress.Line;
import vn.loa.plans.PlanProgress.Progress;
import vn.loa.plans.Plans;
import vn.loa.units.Unit;
import vn.loa.units.UnitScope;
import vn.loa.units.Units;

/**
 * {@code java -jar target/loa.jar bench plans [--deliveries=10000000] [--items=2000]
 * [--runs=40] [--raw-runs=1]}: fills the delivery log of the sample plan's year with
 * portal and SMS rows for {@code items} content items of the plan's units (on PostgreSQL,
 * in one {@code generate_series} per channel, with the counter's queue entries its
 * writers would have made), lets the counter catch up, then times the progress of every
 * month, quarter, half, nine months and the year ({@code runs} times each). The baseline
 * is the same numbers computed in the same run by one GROUP BY over the delivery log per
 * period ({@code raw-runs} times each, since it reads the whole log); the last line
 * compares them.
 */
@Component
class PlansBench implements Benchmark {

	private final JdbcTemplate jdbc;

	private final Plans plans;

	private final PlanProgress progress;

	private final PlanCounter counter;

	private final Units units;

	PlansBench(JdbcTemplate jdbc, Plans plans, PlanProgress progress, PlanCounter counter, Units units) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.progress = progress;
		this.counter = counter;
		this.units = units;
	}

	@Override
	public String name() {
		return "plans";
	}

	@Override
	public void run(Map<String, String> options, PrintStream out) {
		long deliveries = Long.parseLong(options.getOrDefault("deliveries", "10000000"));
		int items = Integer.parseInt(options.getOrDefault("items", "2000"));
		int runs = Integer.parseInt(options.getOrDefault("runs", "40"));
		// the baseline scans the whole log each time: once per period is enough for its
		// p95
		int rawRuns = Math.min(runs, Integer.parseInt(options.getOrDefault("raw-runs", "1")));
		Plan plan = this.plans.list()
			.stream()
			.filter((p) -> "590/QĐ-UBND".equals(p.document().number()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the sample plan is missing: run with demo data"));
		int year = plan.year();
		List<Long> unitIds = plan.units().stream().map((c) -> this.units.find(c).orElseThrow().id()).toList();

		long start = System.nanoTime();
		fill(deliveries, items, year, unitIds);
		long fillMs = (System.nanoTime() - start) / 1_000_000;
		long total = this.jdbc.queryForObject("select count(*) from delivery", Long.class);
		out.printf("filled %d delivery rows (%d in the log) for %d items in %d ms%n", deliveries, total, items, fillMs);
		start = System.nanoTime();
		this.counter.catchUp();
		long countMs = (System.nanoTime() - start) / 1_000_000;
		out.printf("counter caught up in %d ms%n", countMs);

		List<Period> periods = new ArrayList<>();
		for (String key : List.of("-01", "-02", "-03", "-04", "-05", "-06", "-07", "-08", "-09", "-10", "-11", "-12",
				"-Q1", "-Q2", "-Q3", "-Q4", "-H1", "-H2", "-9M", "")) {
			periods.add(Period.parse("period", year + key));
		}
		Map<Long, Set<Long>> subtrees = new HashMap<>();
		for (Unit unit : this.units.list()) {
			subtrees.put(unit.id(), this.units.subtree(unit.id()));
		}
		boolean same = true;
		long[] progressNanos = new long[runs * periods.size()];
		long[] rawNanos = new long[rawRuns * periods.size()];
		int n = 0;
		int r = 0;
		for (int run = 0; run < runs; run++) {
			for (Period period : periods) {
				long t0 = System.nanoTime();
				Progress answer = this.progress.progress(plan.id(), period, UnitScope.ALL, false, null);
				progressNanos[n++] = System.nanoTime() - t0;
				if (run >= rawRuns) {
					continue;
				}
				long t1 = System.nanoTime();
				Map<String, Long> raw = raw(period);
				rawNanos[r++] = System.nanoTime() - t1;
				if (run == 0) {
					for (Line line : answer.tasks()) {
						if (!line.channel().equals("PORTAL") && !line.channel().equals("SMS")) {
							continue;
						}
						long expected = 0;
						String channel = line.channel().toLowerCase(java.util.Locale.ROOT);
						String topic = "PORTAL".equals(line.channel()) ? "cai-cach-hanh-chinh" : null;
						long unitId = this.units.find(line.unit()).orElseThrow().id();
						for (Map.Entry<String, Long> e : raw.entrySet()) {
							String[] key = e.getKey().split("\\|", -1);
							if (key[1].equals(channel) && (topic == null || topic.equals(key[2]))
									&& subtrees.get(unitId).contains(Long.parseLong(key[0]))) {
								expected += e.getValue();
							}
						}
						if (expected != line.achieved() - line.manual()) {
							same = false;
							out.printf("differs: %s %s %s counted %d, log says %d%n", period.key(), line.code(),
									line.unit(), line.achieved() - line.manual(), expected);
						}
					}
				}
			}
		}
		long progressP95 = p95(progressNanos);
		long rawP95 = p95(rawNanos);
		out.printf("progress p95 %.2f ms, one GROUP BY over the log p95 %.2f ms%n", progressP95 / 1e6, rawP95 / 1e6);
		out.printf(
				"RESULT name=plans deliveries=%d progress_p95_ms=%.2f raw_sql_ms=%.2f speedup=%.1f same_numbers=%s%n",
				total, progressP95 / 1e6, rawP95 / 1e6, (double) rawP95 / Math.max(progressP95, 1), same);
	}

	/** Items first sent in the period per (unit, channel, topic), from the log itself. */
	private Map<String, Long> raw(Period period) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.query("select m.unit_id, f.channel, f.topic, count(*) from ("
				+ "select p.id as publication_id, d.channel, v.topic, min(d.sent_at) as first_sent from delivery d "
				+ "join publication p on p.id = d.publication_id join content_version v on v.content_id = p.content_id "
				+ "and v.version = p.content_version where d.status in ('SENT', 'PULLED', 'DELIVERED', 'AIRED') "
				+ "and d.channel in ('portal', 'sms') group by p.id, d.channel, v.topic) f "
				+ "join org_unit_member m on m.member_kind = 'PUBLICATION' and m.member_key = cast(f.publication_id as varchar) "
				+ "where f.first_sent >= ? and f.first_sent < ? group by m.unit_id, f.channel, f.topic", (rs) -> {
					counts.put(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getLong(4));
				}, java.sql.Timestamp.from(period.from().atStartOfDay(vn.loa.common.LoaClock.ZONE).toInstant()),
				java.sql.Timestamp.from(period.to().plusDays(1).atStartOfDay(vn.loa.common.LoaClock.ZONE).toInstant()));
		return counts;
	}

	/**
	 * Content items, one publication each for a unit of the plan, and the rows: one
	 * portal row per publication, the rest SMS recipients spread over the year, nine in
	 * ten DELIVERED and the rest failed.
	 */
	private void fill(long deliveries, int items, int year, List<Long> unitIds) {
		long base = this.jdbc.queryForObject("select coalesce(max(id), 0) from content_item", Long.class);
		LocalDate first = LocalDate.of(year, 1, 1);
		String start = first.atStartOfDay(vn.loa.common.LoaClock.ZONE).toInstant().toString();
		this.jdbc
			.update("insert into content_item (slug, state, current_version, author, approved_version, approved_by, "
					+ "approved_at, created_at, updated_at) select 'bench-' || ? || '-' || g, 'PUBLISHED', 1, 'editor', 1, "
					+ "'approver', now(), now(), now() from generate_series(1, ?) g", base, items);
		this.jdbc
			.update("insert into content_version (content_id, version, title, summary, body, topic, audiences, areas, "
					+ "links, images, created_by, created_at) select id, 1, 'Tin thử tải ' || id, '', 'Nội dung', "
					+ "case when id % 3 = 0 then 'dich-vu-cong' else 'cai-cach-hanh-chinh' end, '', '56', '[]', '[]', "
					+ "'editor', now() from content_item where slug like 'bench-' || ? || '-%'", base);
		this.jdbc.update("insert into publication (content_id, content_version, state, scheduled_at, urgent, options, "
				+ "created_by, created_at) select id, 1, 'DISPATCHED', now(), false, '{}', 'approver', now() "
				+ "from content_item where slug like 'bench-' || ? || '-%'", base);
		List<Long> publications = this.jdbc
			.queryForList("select p.id from publication p join content_item c on c.id = p.content_id "
					+ "where c.slug like 'bench-' || ? || '-%' order by p.id", Long.class, base);
		List<Object[]> members = new ArrayList<>();
		for (int i = 0; i < publications.size(); i++) {
			members.add(new Object[] { String.valueOf(publications.get(i)), unitIds.get(i % unitIds.size()) });
		}
		this.jdbc
			.batchUpdate("insert into org_unit_member (member_kind, member_key, unit_id, assigned_by, assigned_at) "
					+ "values ('PUBLICATION', ?, ?, 'bench', now())", members);
		long low = publications.get(0);
		long count = publications.size();
		// the item's day: spread over the year by its position
		String day = "(timestamp with time zone '" + start + "' + ((pid - " + low + ") * 364 / " + count
				+ ") * interval '1 day' + (g % 36000) * interval '1 second')";
		this.jdbc
			.update("insert into delivery (publication_id, channel, target, status, attempts, provider, created_at, "
					+ "updated_at, sent_at, completed_at) select pid, 'portal', 'portal', 'SENT', 1, 'portal', " + day
					+ ", now(), " + day + ", null from (select generate_series(" + low + ", " + (low + count - 1)
					+ ") as pid, 0 as g) s");
		long sms = Math.max(deliveries - count, 0);
		this.jdbc
			.update("insert into delivery (publication_id, channel, target, status, attempts, provider, created_at, "
					+ "updated_at, sent_at, completed_at) select pid, 'sms', '+8490' || lpad(cast(g as varchar), 7, '0'), "
					+ "case when g % 10 = 0 then 'PERMANENT_FAILURE' else 'DELIVERED' end, 1, 'twilio', " + day + ", "
					+ "now(), " + day + ", " + day + " from (select " + low + " + (g % " + count
					+ ") as pid, g from generate_series(1, " + sms + ") g) s");
		// what the delivery log's writers queue for the counter in the same transaction
		// (DeliveryChanged): each publication's portal and SMS rows changed
		this.jdbc.update("insert into plan_change (publication_id, channel) select pid, ch from (select "
				+ "generate_series(" + low + ", " + (low + count - 1) + ") as pid) s cross join (values ('portal'), "
				+ "('sms')) c(ch)");
		this.jdbc.execute("analyze delivery");
	}

	private static long p95(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
	}

}
