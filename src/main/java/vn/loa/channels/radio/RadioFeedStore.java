package vn.loa.channels.radio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The radio channel's own tables: feed entries, receipts and the feed version stamps. */
@Repository
class RadioFeedStore {

	private final JdbcClient jdbc;

	RadioFeedStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Moves the station's version stamp on and adds an entry at the new version, in the
	 * caller's transaction, so a conditional GET sees the new entry and the new stamp
	 * together. The stamp's row lock orders concurrent additions to one station.
	 */
	long addEntry(long stationId, Long deliveryId, long contentId, String kind, String title, String script,
			int seconds, String templateVersion, Instant publishedAt) {
		bump(stationId, publishedAt);
		long version = this.jdbc.sql("select version from radio_feed_state where station_id = ?")
			.param(stationId)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("insert into radio_feed_entry (station_id, delivery_id, content_id, kind, title, script, seconds,"
					+ " template_version, published_at, feed_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(stationId, deliveryId, contentId, kind, title, script, seconds, templateVersion,
					Timestamp.from(publishedAt), version)
			.update();
		return this.jdbc.sql("select max(id) from radio_feed_entry where station_id = ? and content_id = ?")
			.params(stationId, contentId)
			.query(Long.class)
			.single();
	}

	private void bump(long stationId, Instant now) {
		int updated = this.jdbc
			.sql("update radio_feed_state set version = version + 1, updated_at = ? where station_id = ?")
			.params(Timestamp.from(now), stationId)
			.update();
		if (updated == 0) {
			this.jdbc.sql(
					"insert into radio_feed_state (station_id, version, updated_at, pulled_version) values (?, 1, ?, 0)")
				.params(stationId, Timestamp.from(now))
				.update();
		}
	}

	/**
	 * The version stamp, or an empty feed's stamp for a station that was sent nothing
	 * yet.
	 */
	FeedState state(long stationId) {
		return this.jdbc.sql("select version, updated_at, pulled_version from radio_feed_state where station_id = ?")
			.param(stationId)
			.query((rs, row) -> new FeedState(rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(),
					rs.getLong("pulled_version")))
			.optional()
			.orElse(FeedState.EMPTY);
	}

	/** The feed at {@code version}: its newest entries, newest first. */
	List<FeedEntry> newest(long stationId, long version, int limit) {
		return this.jdbc
			.sql("select id, delivery_id, content_id, kind, title, script, seconds, published_at from radio_feed_entry"
					+ " where station_id = ? and feed_version <= ? and withdrawn_at is null"
					+ " order by published_at desc, id desc limit ?")
			.params(stationId, version, limit)
			.query(RadioFeedStore::entry)
			.list();
	}

	Optional<FeedEntry> entry(long stationId, long entryId) {
		return this.jdbc
			.sql("select id, delivery_id, content_id, kind, title, script, seconds, published_at from radio_feed_entry"
					+ " where station_id = ? and id = ? and withdrawn_at is null")
			.params(stationId, entryId)
			.query(RadioFeedStore::entry)
			.optional();
	}

	/** Whether the station had this entry and it was withdrawn since. */
	boolean withdrawn(long stationId, long entryId) {
		return this.jdbc
			.sql("select count(*) from radio_feed_entry where station_id = ? and id = ? and withdrawn_at is not null")
			.params(stationId, entryId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Takes a content item's entries out of every feed, in the caller's transaction, and
	 * moves each affected station's version stamp on so that its next poll gets the feed
	 * without them.
	 * @return the stations whose feeds changed
	 */
	List<Long> withdraw(long contentId, Instant now) {
		List<Long> stations = this.jdbc
			.sql("select distinct station_id from radio_feed_entry where content_id = ? and withdrawn_at is null")
			.param(contentId)
			.query(Long.class)
			.list();
		this.jdbc.sql("update radio_feed_entry set withdrawn_at = ? where content_id = ? and withdrawn_at is null")
			.params(Timestamp.from(now), contentId)
			.update();
		for (long station : stations) {
			bump(station, now);
		}
		return stations;
	}

	/**
	 * Marks the station's entries up to {@code version} pulled (keeping the first pull
	 * time) and returns the delivery ids that were pulled for the first time. The
	 * conditional update of the stamp makes concurrent pulls do this once.
	 */
	List<Long> markPulled(long stationId, long version, Instant now) {
		int claimed = this.jdbc
			.sql("update radio_feed_state set pulled_version = ? where station_id = ? and pulled_version < ?")
			.params(version, stationId, version)
			.update();
		if (claimed == 0) {
			return List.of();
		}
		List<Long> deliveries = this.jdbc
			.sql("select delivery_id from radio_feed_entry where station_id = ? and feed_version <= ?"
					+ " and pulled_at is null and delivery_id is not null")
			.params(stationId, version)
			.query(Long.class)
			.list();
		this.jdbc
			.sql("update radio_feed_entry set pulled_at = ? where station_id = ? and feed_version <= ?"
					+ " and pulled_at is null")
			.params(Timestamp.from(now), stationId, version)
			.update();
		return deliveries;
	}

	/**
	 * The station's entry for a content item or program (the newest if it was sent
	 * twice).
	 */
	Optional<Receipt> receiptByContent(long stationId, long contentId) {
		return this.jdbc
			.sql("select id, delivery_id, content_id, pulled_at, aired_at from radio_feed_entry where station_id = ?"
					+ " and content_id = ? order by id desc")
			.params(stationId, contentId)
			.query(RadioFeedStore::receipt)
			.list()
			.stream()
			.findFirst();
	}

	Optional<Receipt> receiptByDelivery(long stationId, long deliveryId) {
		return this.jdbc
			.sql("select id, delivery_id, content_id, pulled_at, aired_at from radio_feed_entry where station_id = ?"
					+ " and delivery_id = ?")
			.params(stationId, deliveryId)
			.query(RadioFeedStore::receipt)
			.optional();
	}

	/**
	 * The reading time of an entry's script, for an airing reported without its length.
	 */
	int scriptSeconds(long entryId) {
		return this.jdbc.sql("select seconds from radio_feed_entry where id = ?")
			.params(entryId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Keeps one airing of an entry; the entry itself remembers its first airing.
	 * @return false if this airing (same entry, same time) was reported before
	 */
	boolean addAiring(Receipt receipt, long stationId, Instant airedAt, Integer seconds, Instant now) {
		boolean added = this.jdbc
			.sql("insert into radio_airing (entry_id, station_id, content_id, aired_at, seconds, reported_at)"
					+ " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
			.params(receipt.entryId(), stationId, receipt.contentId(), Timestamp.from(airedAt), seconds,
					Timestamp.from(now))
			.update() > 0;
		if (added) {
			this.jdbc
				.sql("update radio_feed_entry set aired_at = ?, aired_seconds = ? where id = ?"
						+ " and (aired_at is null or aired_at > ?)")
				.params(Timestamp.from(airedAt), seconds, receipt.entryId(), Timestamp.from(airedAt))
				.update();
		}
		return added;
	}

	/**
	 * The airings between two instants, oldest first, of one station or all; the seconds
	 * are the reported duration or else the script's estimated reading time.
	 */
	List<Airing> airings(Long stationId, Instant from, Instant to, int limit) {
		return this.jdbc
			.sql("select s.code, a.content_id, e.title, e.kind, a.aired_at, a.seconds, e.seconds as estimated"
					+ " from radio_airing a join radio_feed_entry e on e.id = a.entry_id"
					+ " join radio_station s on s.id = a.station_id"
					+ " where a.aired_at >= ? and a.aired_at < ? and (cast(? as bigint) is null or a.station_id = ?)"
					+ " order by a.aired_at, a.id limit ?")
			.params(Timestamp.from(from), Timestamp.from(to), stationId, stationId, limit)
			.query((rs, row) -> {
				int reported = rs.getInt("seconds");
				boolean wasReported = !rs.wasNull();
				return new Airing(rs.getString("code"), rs.getLong("content_id"), rs.getString("title"),
						rs.getString("kind"), rs.getTimestamp("aired_at").toInstant(),
						wasReported ? reported : rs.getInt("estimated"), wasReported);
			})
			.list();
	}

	private static FeedEntry entry(ResultSet rs, int row) throws SQLException {
		long deliveryId = rs.getLong("delivery_id");
		Long delivery = rs.wasNull() ? null : deliveryId;
		return new FeedEntry(rs.getLong("id"), delivery, rs.getLong("content_id"), rs.getString("kind"),
				rs.getString("title"), rs.getString("script"), rs.getInt("seconds"),
				rs.getTimestamp("published_at").toInstant());
	}

	private static Receipt receipt(ResultSet rs, int row) throws SQLException {
		long deliveryId = rs.getLong("delivery_id");
		Long delivery = rs.wasNull() ? null : deliveryId;
		Timestamp pulled = rs.getTimestamp("pulled_at");
		Timestamp aired = rs.getTimestamp("aired_at");
		return new Receipt(rs.getLong("id"), delivery, rs.getLong("content_id"),
				(pulled != null) ? pulled.toInstant() : null, (aired != null) ? aired.toInstant() : null);
	}

	record FeedState(long version, Instant updatedAt, long pulledVersion) {

		static final FeedState EMPTY = new FeedState(0, Instant.EPOCH, 0);

	}

	record Receipt(long entryId, Long deliveryId, long contentId, Instant pulledAt, Instant airedAt) {
	}

	/** Airings and aired seconds per station between two instants. */
	List<AiredTotal> airedTotals(Long stationId, Instant from, Instant to) {
		return this.jdbc
			.sql("select s.code, count(*) as airings, sum(coalesce(a.seconds, e.seconds)) as seconds"
					+ " from radio_airing a join radio_feed_entry e on e.id = a.entry_id"
					+ " join radio_station s on s.id = a.station_id"
					+ " where a.aired_at >= ? and a.aired_at < ? and (cast(? as bigint) is null or a.station_id = ?)"
					+ " group by s.code order by s.code")
			.params(Timestamp.from(from), Timestamp.from(to), stationId, stationId)
			.query((rs, row) -> AiredTotal.of(rs.getString("code"), rs.getInt("airings"), rs.getLong("seconds")))
			.list();
	}

	/**
	 * A station's air time over a period.
	 *
	 * @param minutes the seconds in minutes, to a tenth
	 */
	record AiredTotal(String station, int airings, long seconds, double minutes) {

		static AiredTotal of(String station, int airings, long seconds) {
			return new AiredTotal(station, airings, seconds, Math.round(seconds / 6.0) / 10.0);
		}

	}

	/**
	 * One airing as reports show it.
	 *
	 * @param seconds the reported duration, or the estimated reading time
	 * @param reported whether the station reported the duration
	 */
	record Airing(String station, long contentId, String title, String kind, Instant airedAt, int seconds,
			boolean reported) {
	}

}
