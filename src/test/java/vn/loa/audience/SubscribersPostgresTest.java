package vn.loa.audience;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Subscribers} on the local PostgreSQL, in a schema of its own that is dropped
 * afterwards, plus the checks only a real planner can answer.
 */
class SubscribersPostgresTest extends SubscribersContract {

	private static final String SCHEMA = "audience_test_" + Long.toHexString(System.nanoTime());

	private static DataSource dataSource;

	@BeforeAll
	static void migrate() throws Exception {
		dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
				"jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + SCHEMA, "postgres", "");
		Flyway.configure().dataSource(dataSource).schemas(SCHEMA).createSchemas(true).target("2").load().migrate();
	}

	@AfterAll
	static void dropSchema() {
		new JdbcTemplate(dataSource).execute("drop schema " + SCHEMA + " cascade");
	}

	@Override
	DataSource dataSource() {
		return dataSource;
	}

	@Test
	void importsAHundredThousandRowsAndPagesThemWithIndexScans() {
		StringBuilder csv = new StringBuilder("số điện thoại,mã địa bàn,chủ đề\n");
		for (int i = 0; i < 100_000; i++) {
			csv.append(String.format(Locale.ROOT, "09%08d,48.%d.%d,%s%n", i, 490 + i % 8, 20000 + i % 200,
					(i % 3 == 0) ? "cchc" : "dich vu cong"));
		}
		SubscriberImportReport report = this.subscribers
			.importCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "bulk.csv");
		assertThat(report.created()).isEqualTo(100_000);
		assertThat(report.rejectedCount()).isZero();
		assertThat(count("subscriber")).isEqualTo(100_000);
		assertThat(count("subscriber_topic")).isEqualTo(100_000);
		this.jdbc.execute("analyze subscriber");
		this.jdbc.execute("analyze subscriber_topic");

		assertThat(drain(SegmentSpec.of(null, "48.491"), 5000)).hasSize(12_500);
		long middle = this.jdbc.queryForObject("select min(id) + 50000 from subscriber", Long.class);
		for (SegmentSpec spec : List.of(SegmentSpec.all(), SegmentSpec.of(null, "48"), SegmentSpec.of(null, "48.491"),
				SegmentSpec.of(null, "48.491.20001"), SegmentSpec.of(null, "48.491", "48.492"))) {
			String plan = plan(Subscribers.batchQuery(spec, middle, 1000));
			assertThat(plan).as(spec + "\n" + plan).contains("Index").doesNotContain("Seq Scan");
		}
	}

	private String plan(Subscribers.BatchQuery query) {
		return String.join("\n",
				this.jdbc.queryForList("explain " + query.sql(), String.class, query.args().toArray()));
	}

}
