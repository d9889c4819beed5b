package vn.loa.channels.radio;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import vn.loa.channels.radio.RadioFeedStore.FeedState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pull or a feed at one version stamp covers only the entries the station could see at
 * that version, even when a newer entry was added after the stamp was read (another
 * instance, or the moment between a commit and this instance forgetting its stamp).
 */
class RadioFeedStoreTest {

	private static DataSource dataSource;

	private final JdbcClient jdbc = JdbcClient.create(dataSource);

	private final RadioFeedStore store = new RadioFeedStore(this.jdbc);

	private final Instant now = Instant.parse("2026-12-01T01:00:00Z");

	@BeforeAll
	static void migrate() {
		dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:radio-feed-store;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "");
		Flyway.configure().dataSource(dataSource).load().migrate();
	}

	@Test
	void aPullAtOneVersionMarksOnlyWhatThatVersionHeld() {
		long station = station("dien-lam");
		long first = this.store.addEntry(station, 101L, 1, "ITEM", "Tin một", "Kịch bản một.", 5, "v1", this.now);
		FeedState seen = this.store.state(station);
		long second = this.store.addEntry(station, 102L, 2, "ITEM", "Tin hai", "Kịch bản hai.", 5, "v1",
				this.now.plusSeconds(60));

		assertThat(this.store.newest(station, seen.version(), 50)).extracting(FeedEntry::entryId)
			.containsExactly(first);
		assertThat(this.store.markPulled(station, seen.version(), this.now.plusSeconds(61))).containsExactly(101L);
		assertThat(pulled(first)).isTrue();
		assertThat(pulled(second)).isFalse();

		FeedState latest = this.store.state(station);
		assertThat(latest.version()).isGreaterThan(seen.version());
		assertThat(this.store.newest(station, latest.version(), 50)).extracting(FeedEntry::entryId)
			.containsExactly(second, first);
		assertThat(this.store.markPulled(station, latest.version(), this.now.plusSeconds(62))).containsExactly(102L);
		assertThat(pulled(second)).isTrue();
		// Pulled once: the same version again marks nothing.
		assertThat(this.store.markPulled(station, latest.version(), this.now.plusSeconds(63))).isEmpty();
	}

	@Test
	void aWithdrawnEntryLeavesTheFeedAndMovesTheStampOn() {
		long station = station("dien-son");
		long kept = this.store.addEntry(station, null, 11, "ITEM", "Giữ lại", "Kịch bản.", 5, "v1", this.now);
		long withdrawn = this.store.addEntry(station, null, 12, "ITEM", "Thu hồi", "Kịch bản.", 5, "v1",
				this.now.plusSeconds(1));
		long before = this.store.state(station).version();

		assertThat(this.store.withdraw(12, this.now.plusSeconds(2))).containsExactly(station);

		FeedState after = this.store.state(station);
		assertThat(after.version()).isGreaterThan(before);
		assertThat(this.store.newest(station, after.version(), 50)).extracting(FeedEntry::entryId)
			.containsExactly(kept);
		assertThat(this.store.entry(station, withdrawn)).isEmpty();
		assertThat(this.store.withdrawn(station, withdrawn)).isTrue();
		assertThat(this.store.withdrawn(station, kept)).isFalse();
		assertThat(this.store.withdraw(12, this.now.plusSeconds(3))).isEmpty();
	}

	private boolean pulled(long entryId) {
		return this.jdbc.sql("select pulled_at from radio_feed_entry where id = ?")
			.param(entryId)
			.query((rs, row) -> rs.getTimestamp(1) != null)
			.single();
	}

	private long station(String code) {
		this.jdbc
			.sql("insert into radio_station (code, name, level, area_code, words_per_minute, created_at)"
					+ " values (?, ?, 'COMMUNE', '56.568.22339', 150, ?)")
			.params(code, "Đài truyền thanh xã " + code, java.sql.Timestamp.from(this.now))
			.update();
		return this.jdbc.sql("select id from radio_station where code = ?").param(code).query(Long.class).single();
	}

}
