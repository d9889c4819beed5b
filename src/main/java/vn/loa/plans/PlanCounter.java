package vn.loa.plans;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.common.LoaClock;
import vn.loa.content.ContentService;
import vn.loa.deliverylog.AirtimeReported;
import vn.loa.units.MemberKind;
import vn.loa.units.Unit;
import vn.loa.units.Units;

/**
 * Keeps the daily counts that progress reads ({@code plan_daily_count}: items first
 * published and seconds aired per day, unit, channel and topic), so that progress never
 * scans the delivery log.
 * <p>
 * Items: each pass reads only the delivery rows changed since the last pass (by
 * {@code updated_at}, looking back {@code overlap} for rows committed late), grouped into
 * sources: (publication, channel) for recipient channels, (publication, channel, target)
 * where the target is a station, site or Page of its own unit. For each changed source it
 * asks the log, through the unique index, whether any of the source's rows is now SENT or
 * later (AIRED for radio), and compares with what it recorded in {@code plan_source}.
 * Only a change moves a count: a source that starts counting adds one to its content
 * item's {@code plan_item} (and the day's count when that item is new for the channel and
 * unit); a source whose rows all moved to a failure (an SMS that bounced, a post that
 * failed after SENT) takes it away again. A source looked at twice, by overlapping passes
 * or by two nodes, changes nothing the second time: the flip is a conditional update and
 * the pass holds a row lock on its watermark.
 * <p>
 * Air time: each airing a station reports arrives once as {@link AirtimeReported} within
 * the transaction that recorded it, and adds its seconds to the station's unit.
 */
@Component
public class PlanCounter {

	static final String STATE = "delivery";

	private final JdbcClient jdbc;

	private final Units units;

	private final ContentService contents;

	private final Clock clock;

	private final PlansProperties properties;

	private final TransactionTemplate transactions;

	PlanCounter(JdbcClient jdbc, Units units, ContentService contents, Clock clock, PlansProperties properties,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.units = units;
		this.contents = contents;
		this.clock = clock;
		this.properties = properties;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${loa.plans.count-interval:30s}",
			initialDelayString = "${loa.plans.count-interval:30s}")
	void scheduled() {
		catchUp();
	}

	/**
	 * One pass over the delivery rows changed since the last. Returns the number of
	 * sources whose counting changed.
	 */
	public synchronized int catchUp() {
		Integer changed = this.transactions.execute((status) -> pass());
		return (changed != null) ? changed : 0;
	}

	private int pass() {
		Instant watermark = lockWatermark();
		Instant since = watermark.minus(this.properties.overlap());
		List<Source> sources = new ArrayList<>();
		Instant[] newest = { watermark };
		this.jdbc
			.sql("select publication_id, channel, " + TARGET_KEY + " as target_key, max(updated_at) from delivery "
					+ "where updated_at >= :since group by publication_id, channel, " + TARGET_KEY)
			.param("since", Timestamp.from(since))
			.query((rs) -> {
				sources.add(new Source(rs.getLong(1), rs.getString(2), rs.getString(3)));
				Instant at = rs.getTimestamp(4).toInstant();
				if (at.isAfter(newest[0])) {
					newest[0] = at;
				}
			});
		int changed = 0;
		for (Source source : sources) {
			if (apply(source)) {
				changed++;
			}
		}
		this.jdbc.sql("update plan_counter_state set watermark = :w where name = :name")
			.param("w", Timestamp.from(newest[0]))
			.param("name", STATE)
			.update();
		return changed;
	}

	private static final String TARGET_KEY = "case when channel in ('radio', 'wordpress', 'facebook') then target else '' end";

	private Instant lockWatermark() {
		Optional<Timestamp> found = this.jdbc
			.sql("select watermark from plan_counter_state where name = :name for update")
			.param("name", STATE)
			.query(Timestamp.class)
			.optional();
		if (found.isPresent()) {
			return found.get().toInstant();
		}
		try {
			this.jdbc.sql("insert into plan_counter_state (name, watermark) values (:name, :w)")
				.param("name", STATE)
				.param("w", Timestamp.from(Instant.EPOCH))
				.update();
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// another node made it first; its lock is taken below
		}
		return this.jdbc.sql("select watermark from plan_counter_state where name = :name for update")
			.param("name", STATE)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private boolean apply(Source source) {
		boolean radio = source.channel().equals("radio");
		Timestamp first = this.jdbc.sql(
				"select min(coalesce(sent_at, updated_at)) from delivery where publication_id = :pub and channel = :ch "
						+ (source.targetKey().isEmpty() ? "" : "and target = :target ") + "and status in ("
						+ (radio ? "'AIRED'" : "'SENT', 'PULLED', 'DELIVERED', 'AIRED'") + ")")
			.param("pub", source.publicationId())
			.param("ch", source.channel())
			.param("target", source.targetKey())
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		Optional<Recorded> recorded = this.jdbc
			.sql("select content_id, unit_id, topic, on_day, counted from plan_source where publication_id = :pub "
					+ "and channel = :ch and target_key = :target")
			.param("pub", source.publicationId())
			.param("ch", source.channel())
			.param("target", source.targetKey())
			.query((rs, n) -> new Recorded(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
					rs.getBoolean(5)))
			.optional();
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
		if (recorded.isPresent() && recorded.get().counted() && flip(source, false, recorded.get().day())) {
			removeItem(source, recorded.get());
			return true;
		}
		return false;
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
