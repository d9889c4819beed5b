package vn.loa.audience;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link Subscribers} promises, run against each database Loa supports: H2 in
 * PostgreSQL mode (the embedded default) and PostgreSQL.
 */
abstract class SubscribersContract {

	static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

	Subscribers subscribers;

	JdbcTemplate jdbc;

	abstract DataSource dataSource();

	@BeforeEach
	void emptyTables() {
		this.jdbc = new JdbcTemplate(dataSource());
		this.jdbc.update("delete from subscriber_topic");
		this.jdbc.update("delete from subscriber");
		this.subscribers = new Subscribers(this.jdbc, new DataSourceTransactionManager(dataSource()),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void importStoresGoodRowsReportsBadOnesAndMergesDuplicates() {
		SubscriberImportReport report = importCsv("\uFEFFSố điện thoại;Mã địa bàn;Chủ đề\n" // 1
				+ "0905 123 456;48.490.20194;CCHC\n" // 2
				+ "84905123456;;Dịch vụ công\n" // 3 duplicate of row 2
				+ "024 3825 1234;48;cchc\n" // 4 fixed line
				+ "0912 345 678;48.490;\n" // 5
				+ "0388123456;49;cchc\n"); // 6
		assertThat(report.rowsRead()).isEqualTo(5);
		assertThat(report.accepted()).isEqualTo(4);
		assertThat(report.created()).isEqualTo(3);
		assertThat(report.updated()).isZero();
		assertThat(report.duplicatesMerged()).isEqualTo(1);
		assertThat(report.rejectedCount()).isEqualTo(1);
		assertThat(report.rejected()).singleElement().satisfies((row) -> {
			assertThat(row.row()).isEqualTo(4);
			assertThat(row.reason()).contains("fixed line");
		});
		Subscriber an = this.subscribers.find("0905123456").orElseThrow();
		assertThat(an.phone()).isEqualTo("+84905123456");
		assertThat(an.areaCode()).isEqualTo("48.490.20194");
		assertThat(an.topics()).containsExactlyInAnyOrder("cchc", "dich-vu-cong");
		assertThat(an.optInSource()).isEqualTo("danh-sach.csv");
		assertThat(an.optedInAt()).isEqualTo(NOW);
		assertThat(an.language()).isEqualTo("vi");
		assertThat(count("subscriber")).isEqualTo(3);
	}

	@Test
	void reimportMergesIntoExistingSubscribersAndNeverOptsBackIn() {
		importCsv("phone,area,topics\n0905123456,48,cchc\n0912345678,48,cchc\n");
		assertThat(this.subscribers.optOut("+84 91 234 5678", "sms")).isTrue();

		SubscriberImportReport again = importCsv(
				"phone,area,topics\n0905 123 456,48.490,dich vu cong\n0912345678,48,cchc\n0388123456,,\n");
		assertThat(again.created()).isEqualTo(1);
		assertThat(again.updated()).isEqualTo(2);
		assertThat(again.optedOutKept()).isEqualTo(1);
		Subscriber an = this.subscribers.find("0905123456").orElseThrow();
		assertThat(an.areaCode()).isEqualTo("48.490");
		assertThat(an.topics()).containsExactlyInAnyOrder("cchc", "dich-vu-cong");
		assertThat(this.subscribers.isOptedOut("0912345678")).isTrue();
		assertThat(count("subscriber_topic")).isEqualTo(3);
	}

	@Test
	void optOutAndOptInBySms() {
		assertThat(this.subscribers.isOptedOut("0905123456")).isFalse();
		assertThat(this.subscribers.optOut("0905123456", "sms")).as("unknown number is remembered").isTrue();
		assertThat(this.subscribers.isOptedOut("+84905123456")).isTrue();
		assertThat(this.subscribers.optOut("84905123456", "sms")).as("already opted out").isFalse();
		Subscriber stored = this.subscribers.find("0905123456").orElseThrow();
		assertThat(stored.optedOutAt()).isEqualTo(NOW);
		assertThat(stored.optOutSource()).isEqualTo("sms");

		Subscriber back = this.subscribers.optIn("0905 123 456", "CCHC", "sms");
		assertThat(back.optedOut()).isFalse();
		assertThat(back.topics()).containsExactly("cchc");
		assertThat(back.optInSource()).isEqualTo("sms");
		assertThat(this.subscribers.isOptedOut("0905123456")).isFalse();
		assertThat(this.subscribers.optIn("0905123456", "cchc", "sms").topics()).containsExactly("cchc");
	}

	@Test
	void streamsASegmentInKeysetBatchesWithoutLossOrDuplicates() {
		StringBuilder csv = new StringBuilder("so_dien_thoai,ma_dia_ban,chu_de\n");
		for (int i = 0; i < 250; i++) {
			String area = switch (i % 5) {
				case 0 -> "48.490.20194";
				case 1 -> "48.490.20195";
				case 2 -> "48.491";
				case 3 -> "49.500";
				default -> "";
			};
			csv.append(String.format("09051%05d,%s,%s%n", i, area, (i % 2 == 0) ? "cchc" : "y-te"));
		}
		assertThat(importCsv(csv.toString()).created()).isEqualTo(250);
		this.subscribers.optOut("0905100000", "sms");

		assertThat(drain(SegmentSpec.all(), 7)).hasSize(250);
		assertThat(drain(SegmentSpec.of(null, "48"), 7)).hasSize(150);
		assertThat(drain(SegmentSpec.of(null, "48.490"), 7)).hasSize(100);
		assertThat(drain(SegmentSpec.of(null, "48.490.20194"), 7)).hasSize(50);
		assertThat(drain(SegmentSpec.of(null, "48.491", "49.500"), 7)).hasSize(100);
		assertThat(drain(SegmentSpec.of(null, "48.490.20194", "48.490", "49"), 3)).hasSize(150);
		assertThat(drain(SegmentSpec.of("cchc", "48.490"), 7)).hasSize(50);
		assertThat(drain(SegmentSpec.of("cchc"), 10_000)).hasSize(125);

		List<Recipient> optedOut = drain(SegmentSpec.of("cchc", "48.490.20194"), 4).stream()
			.filter(Recipient::optedOut)
			.toList();
		assertThat(optedOut).singleElement().satisfies((r) -> assertThat(r.phone()).isEqualTo("+84905100000"));

		List<Recipient> streamed = new ArrayList<>();
		long last = this.subscribers.streamRecipients(SegmentSpec.of(null, "48"), 0, 40, streamed::addAll);
		assertThat(streamed).hasSize(150).doesNotHaveDuplicates();
		assertThat(last).isEqualTo(streamed.get(149).subscriberId());
		assertThat(this.subscribers.streamRecipients(SegmentSpec.of(null, "48"), last, 40, streamed::addAll))
			.isEqualTo(last);

		assertThat(this.subscribers.count(SegmentSpec.of(null, "48"))).isEqualTo(new RecipientCount(150, 1));
		assertThat(this.subscribers.count(SegmentSpec.of("y-te", "48.491", "49.500")))
			.isEqualTo(new RecipientCount(50, 0));
		assertThat(this.subscribers.count(SegmentSpec.all()).reachable()).isEqualTo(249);
	}

	@Test
	void listsSubscribersWithTheirTopics() {
		importCsv("phone,area,topics\n0905123456,48,cchc;y te\n0912345678,49,\n");
		List<Subscriber> page = this.subscribers.list(SegmentSpec.all(), 0, 10);
		assertThat(page).extracting(Subscriber::phone).containsExactly("+84905123456", "+84912345678");
		assertThat(page.get(0).topics()).containsExactlyInAnyOrder("cchc", "y-te");
		assertThat(this.subscribers.list(SegmentSpec.all(), page.get(1).id(), 10)).isEmpty();
	}

	/** Reads a whole segment batch by batch, checking id order and uniqueness. */
	List<Recipient> drain(SegmentSpec spec, int batchSize) {
		List<Recipient> all = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		long after = 0;
		while (true) {
			List<Recipient> batch = this.subscribers.nextBatch(spec, after, batchSize);
			if (batch.isEmpty()) {
				return all;
			}
			assertThat(batch).hasSizeLessThanOrEqualTo(batchSize);
			for (Recipient recipient : batch) {
				assertThat(recipient.subscriberId()).isGreaterThan(after);
				assertThat(seen.add(recipient.subscriberId())).isTrue();
				after = recipient.subscriberId();
			}
			all.addAll(batch);
		}
	}

	SubscriberImportReport importCsv(String csv) {
		return this.subscribers.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				"danh-sach.csv");
	}

	long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
