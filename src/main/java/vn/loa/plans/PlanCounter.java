package vn.loa.plans;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.common.LoaClock;
import vn.loa.content.ContentService;
import vn.loa.deliverylog.AirtimeReported;
import vn.loa.deliverylog.DeliveryChanged;
import vn.loa.units.MemberKind;
import vn.loa.units.Unit;
import vn.loa.units.Units;

/**
 * Keeps the daily counts that progress reads ({@code plan_daily_count}: items first
 * published and seconds aired per day, unit, channel and topic), so that progress never
 * scans the delivery log.
 * <p>
 * Items: every write that may move delivery rows into or out of a sent status publishes
 * {@link DeliveryChanged} inside its transaction — single rows, bulk batches of
 * {@code vn.loa.channels.bulk}, ZNS and SMS receipts, Facebook posts, station reports —
 * and this class queues it in {@code plan_change}, so the queue entry commits exactly
 * when the rows do, however late that is. Each pass takes the queue, groups it into
 * sources: (publication, channel) for recipient channels, (publication, channel, target)
 * where the target is a station, site or Page of its own unit. For each source it asks
 * the log, through the unique index, whether any of the source's rows is SENT or later
 * (AIRED for radio), and compares with what it recorded in {@code plan_source}. Only a
 * change moves a count: a source that starts counting adds one to its content item's
 * {@code plan_item} (and the day's count when that item is new for the channel and unit);
 * a source whose rows all moved to a failure (an SMS that bounced, a post that failed
 * after SENT) takes it away again. A source looked at twice, by two queue entries or by
 * two nodes, changes nothing the second time: the flip is a conditional update and the
 * pass holds a row lock on {@code plan_counter_state}.
 * <p>
 * Air time: each airing a station reports arrives once as {@link AirtimeReported} within
 * the transaction that recorded it, and adds its seconds to the station's unit.
 */
@Component
public class PlanCounter {

	static final String STATE = "delivery";

	/** Queue entries one pass takes at most (a pass is one transaction). */
	static final int PASS = 5000;

	private final JdbcClient jdbc;

	private final Units units;

	private final ContentService contents;

	private final Clock clock;

	private final TransactionTemplate transactions;

	PlanCounter(JdbcClient jdbc, Units units, ContentService contents, Clock clock, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.units = units;
		this.contents = contents;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${loa.plans.count-interval:30s}",
			initialDelayString = "${loa.plans.count-interval:30s}")
	void scheduled() {
		catchUp();
	}

	/** Queues a change of delivery rows, in the transaction that made it. */
	@EventListener
	void on(DeliveryChanged changed) {
		this.jdbc.sql("insert into plan_change (publication_id, channel) values (:pub, :ch)")
			.param("pub", changed.publicationId())
			.param("ch", changed.channel())
			.update();
	}

	/**
	 * Counts what the queue holds, pass after pass until it is empty. Returns the number
	 * of sources whose counting changed.
	 */
	public synchronized int catchUp() {
		int changed = 0;
		while (this.jdbc.sql("select id from plan_change fetch first 1 rows only")
			.query(Long.class)
			.optional()
			.isPresent()) {
			int[] pass = this.transactions.execute((status) -> pass());
			changed += pass[0];
			if (pass[1] < PASS) {
				break;
			}
		}
		return changed;
	}

	/**
	 * Keeps every pass waiting until the caller's transaction ends, for sample history
	 * whose rows are given their own past days before they are counted.
	 */
	public void hold() {
		lock();
	}

	/** One pass: {changed sources, queue entries taken}. */
	private int[] pass() {
		lock();
		List<Long> ids = new ArrayList<>();
		Set<DeliveryChanged> touched = new LinkedHashSet<>();
		this.jdbc
			.sql("select id, publication_id, channel from plan_change order by id fetch first " + PASS + " rows only")
			.query((rs) -> {
				ids.add(rs.getLong(1));
				touched.add(new DeliveryChanged(rs.getLong(2), rs.getString(3)));
			});
		int changed = 0;
		for (DeliveryChanged change : touched) {
			for (Source source : sources(change)) {
				if (apply(source)) {
					changed++;
				}
			}
		}
		// by id, not by range: an entry with a lower id committed after this pass read
		// the
		// queue is still there for the next one
		for (int from = 0; from < ids.size(); from += 1000) {
			this.jdbc.sql("delete from plan_change where id in (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.update();
		}
		return new int[] { changed, ids.size() };
	}

	/**
	 * The sources a change touches: one per target for channels whose targets have units.
	 */
	private List<Source> sources(DeliveryChanged change) {
		if (!TaskChannel.unitTargets(change.channel())) {
			return List.of(new Source(change.publicationId(), change.channel(), ""));
		}
		return this.jdbc.sql("select distinct target from delivery where publication_id = :pub and channel = :ch")
			.param("pub", change.publicationId())
			.param("ch", change.channel())
			.query(String.class)
			.list()
			.stream()
			.map((target) -> new Source(change.publicationId(), change.channel(), target))
			.toList();
	}

	/**
	 * Takes the counter's lock row (inserted by the V190 migration) for this transaction.
	 */
	private void lock() {
		this.jdbc.sql("select name from plan_counter_state where name = :name for update")
			.param("name", STATE)
			.query(String.class)
			.single();
	}

	private boolean apply(Source source) {
		boolean radio = source.channel().equals("radio");
		String sent = radio ? "'AIRED'" : "'SENT', 'PULLED', 'DELIVERED', 'AIRED'";
		Optional<Recorded> recorded = recorded(source);
		if (recorded.isPresent() && recorded.get().counted()) {
			// counted already: it stays counted while any row is still sent
			boolean still = this.jdbc
				.sql("select 1 from delivery where publication_id = :pub and channel = :ch "
						+ (source.targetKey().isEmpty() ? "" : "and target = :target ") + "and status in (" + sent
						+ ") fetch first 1 rows only")
				.param("pub", source.publicationId())
				.param("ch", source.channel())
				.param("target", source.targetKey())
				.query(Integer.class)
				.optional()
				.isPresent();
			if (still || !flip(source, false, recorded.get().day())) {
				return false;
			}
			removeItem(source, recorded.get());
			return true;
		}
		Timestamp first = this.jdbc.sql(
				"select min(coalesce(sent_at, updated_at)) from delivery where publication_id = :pub and channel = :ch "
						+ (source.targetKey().isEmpty() ? "" : "and target = :target ") + "and status in (" + sent
						+ ")")
			.param("pub", source.publicationId())
			.param("ch", source.channel())
			.param("target", source.targetKey())
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		if (first != null) {
			LocalDate day = first.toInstant().atZone(LoaClock.ZONE).toLocalDate();
			if (recorded.isEmpty()) {
				Optional<Origin> origin = origin(source);
				if (origin.isEmpty()) {
					return false;
				}
				Recorded fresh = new Recorded(origin.get().contentId(), origin.get().unitId(), origin.get().topic(),
						day, true);
				this.jdbc.sql(
						"insert into plan_source (publication_id, channel, target_key, content_id, unit_id, topic, on_day, "
								+ "counted) values (:pub, :ch, :target, :content, :unit, :topic, :on_day, true)")
					.param("pub", source.publicationId())
					.param("ch", source.channel())
					.param("target", source.targetKey())
					.param("content", fresh.contentId())
					.param("unit", fresh.unitId())
					.param("topic", fresh.topic())
					.param("on_day", Date.valueOf(day))
					.update();
				addItem(source, fresh);
				return true;
			}
			if (!recorded.get().counted() && flip(source, true, day)) {
				Recorded r = recorded.get();
				addItem(source, new Recorded(r.contentId(), r.unitId(), r.topic(), day, true));
				return true;
			}
			return false;
		}
		return false;
	}

	private Optional<Recorded> recorded(Source source) {
		return this.jdbc
			.sql("select content_id, unit_id, topic, on_day, counted from plan_source where publication_id = :pub "
					+ "and channel = :ch and target_key = :target")
			.param("pub", source.publicationId())
			.param("ch", source.channel())
			.param("target", source.targetKey())
			.query((rs, n) -> new Recorded(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
					rs.getBoolean(5)))
			.optional();
	}

	private boolean flip(Source source, boolean counted, LocalDate day) {
		return this.jdbc.sql(
				"update plan_source set counted = :now, on_day = :on_day where publication_id = :pub and channel = :ch "
						+ "and target_key = :target and counted = :before")
			.param("now", counted)
			.param("on_day", Date.valueOf(day))
			.param("pub", source.publicationId())
			.param("ch", source.channel())
			.param("target", source.targetKey())
			.param("before", !counted)
			.update() == 1;
	}

	private void addItem(Source source, Recorded r) {
		int updated = this.jdbc
			.sql("update plan_item set sources = sources + 1 where content_id = :content and channel = :ch "
					+ "and unit_id = :unit")
			.param("content", r.contentId())
			.param("ch", source.channel())
			.param("unit", r.unitId())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into plan_item (content_id, channel, unit_id, topic, on_day, sources, publication_id, "
						+ "target_key) values (:content, :ch, :unit, :topic, :on_day, 1, :pub, :target)")
				.param("content", r.contentId())
				.param("ch", source.channel())
				.param("unit", r.unitId())
				.param("topic", r.topic())
				.param("on_day", Date.valueOf(r.day()))
				.param("pub", source.publicationId())
				.param("target", source.targetKey())
				.update();
			daily(r.day(), r.unitId(), source.channel(), r.topic(), 1, 0);
		}
	}

	private void removeItem(Source source, Recorded r) {
		this.jdbc
			.sql("update plan_item set sources = sources - 1 where content_id = :content and channel = :ch "
					+ "and unit_id = :unit")
			.param("content", r.contentId())
			.param("ch", source.channel())
			.param("unit", r.unitId())
			.update();
		Optional<LocalDate> gone = this.jdbc
			.sql("select on_day from plan_item where content_id = :content and channel = :ch and unit_id = :unit "
					+ "and sources <= 0")
			.param("content", r.contentId())
			.param("ch", source.channel())
			.param("unit", r.unitId())
			.query((rs, n) -> rs.getDate(1).toLocalDate())
			.optional();
		if (gone.isPresent()) {
			this.jdbc.sql("delete from plan_item where content_id = :content and channel = :ch and unit_id = :unit")
				.param("content", r.contentId())
				.param("ch", source.channel())
				.param("unit", r.unitId())
				.update();
			daily(gone.get(), r.unitId(), source.channel(), r.topic(), -1, 0);
		}
	}

	/** Adds to one day's count, making the row if it is the day's first. */
	void daily(LocalDate day, long unitId, String channel, String topic, int items, long seconds) {
		int updated = this.jdbc.sql(
				"update plan_daily_count set items = items + :items, seconds = seconds + :seconds where on_day = :on_day "
						+ "and unit_id = :unit and channel = :ch and topic = :topic")
			.param("items", items)
			.param("seconds", seconds)
			.param("on_day", Date.valueOf(day))
			.param("unit", unitId)
			.param("ch", channel)
			.param("topic", topic)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into plan_daily_count (on_day, unit_id, channel, topic, items, seconds) "
						+ "values (:on_day, :unit, :ch, :topic, :items, :seconds)")
				.param("items", items)
				.param("seconds", seconds)
				.param("on_day", Date.valueOf(day))
				.param("unit", unitId)
				.param("ch", channel)
				.param("topic", topic)
				.update();
		}
	}

	/**
	 * The content, unit and topic a source counts for: the unit of its station, site or
	 * Page, else the publication's unit, else its creator's, else none (0). The
	 * publication is read by its id alone, the one read of another module's table here.
	 */
	private Optional<Origin> origin(Source source) {
		Optional<PublicationRow> publication = this.jdbc
			.sql("select p.content_id, p.created_by, v.topic from publication p join content_version v "
					+ "on v.content_id = p.content_id and v.version = p.content_version where p.id = :id")
			.param("id", source.publicationId())
			.query((rs, n) -> new PublicationRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
		if (publication.isEmpty()) {
			return Optional.empty();
		}
		Optional<Unit> unit = Optional.empty();
		if (!source.targetKey().isEmpty()) {
			MemberKind kind = switch (source.channel()) {
				case "radio" -> MemberKind.STATION;
				case "wordpress" -> MemberKind.WORDPRESS_SITE;
				default -> MemberKind.FACEBOOK_PAGE;
			};
			unit = this.units.unitOf(kind, source.targetKey());
		}
		if (unit.isEmpty()) {
			unit = this.units.unitOf(MemberKind.PUBLICATION, String.valueOf(source.publicationId()));
		}
		if (unit.isEmpty()) {
			unit = this.units.unitOf(MemberKind.USER, publication.get().createdBy());
		}
		return Optional
			.of(new Origin(publication.get().contentId(), unit.map(Unit::id).orElse(0L), publication.get().topic()));
	}

	@EventListener
	void on(AirtimeReported aired) {
		long unitId = this.units.unitOf(MemberKind.STATION, aired.station()).map(Unit::id).orElse(0L);
		String topic = this.contents.get(aired.contentId()).current().topic();
		LocalDate day = aired.airedAt().atZone(LoaClock.ZONE).toLocalDate();
		int added = this.jdbc
			.sql("insert into plan_airing (station, content_id, aired_at, unit_id, topic, on_day, seconds) "
					+ "values (:station, :content, :at, :unit, :topic, :on_day, :seconds) on conflict do nothing")
			.param("station", aired.station())
			.param("content", aired.contentId())
			.param("at", Timestamp.from(aired.airedAt()))
			.param("unit", unitId)
			.param("topic", topic)
			.param("on_day", Date.valueOf(day))
			.param("seconds", Math.max(aired.seconds(), 0))
			.update();
		if (added > 0) {
			daily(day, unitId, "radio", topic, 0, Math.max(aired.seconds(), 0));
		}
	}

	record Source(long publicationId, String channel, String targetKey) {
	}

	record Recorded(long contentId, long unitId, String topic, LocalDate day, boolean counted) {
	}

	record Origin(long contentId, long unitId, String topic) {
	}

	record PublicationRow(long contentId, String createdBy, String topic) {
	}

	Clock clock() {
		return this.clock;
	}

}
