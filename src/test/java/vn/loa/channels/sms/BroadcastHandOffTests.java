package vn.loa.channels.sms;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import vn.loa.LoaApplication;
import vn.loa.audience.SegmentSpec;
import vn.loa.audience.Subscribers;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkRunner;
import vn.loa.channels.sms.sandbox.SimulatorInbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rolling restart in the middle of a paced broadcast: node A is sending when it is told
 * to stop (its context closes, as SIGTERM does through the shutdown hook). It must hand
 * the job on — lease released rather than waited out, the batch in flight recorded with
 * its unsent rows given back — so that node B (this test's context) finishes the job at
 * once with exactly one row and one message per recipient. Both nodes share a PostgreSQL
 * database of their own, so no other test context's worker takes the job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.username=postgres", "spring.datasource.password=",
				"loa.channels.sms.mode=sandbox", "loa.channels.sms.quiet-hours.enabled=false",
				"loa.channels.sms.broadcast.poll-interval=1h", "loa.channels.sms.rate-per-second=1000",
				"loa.channels.sms.simulator.callbacks=false" })
class BroadcastHandOffTests {

	private static final String DATABASE = "loa_handoff" + System.getenv().getOrDefault("LOA_TEST_DB_SUFFIX", "");

	private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;

	private static final int RECIPIENTS = 30;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> {
			createDatabase();
			return URL;
		});
	}

	@LocalServerPort
	int port;

	@Autowired
	Subscribers subscribers;

	@Autowired
	SmsBroadcasts broadcasts;

	@Autowired
	SmsBroadcastWorker worker;

	@Autowired
	BulkJobs jobs;

	@Autowired
	SimulatorInbox inbox;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void nodeStoppingMidBroadcastHandsTheJobOnAndNobodyGetsTwoMessages() {
		String area = "H" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		long publication = ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L);
		int base = ThreadLocalRandom.current().nextInt(0, 9_000_000);
		List<String> phones = new ArrayList<>();
		for (int i = 0; i < RECIPIENTS; i++) {
			String phone = "+8490" + String.format("%07d", base + i);
			this.subscribers.subscribe(phone, area, List.of(), "vi", "test");
			phones.add(phone);
		}
		ConfigurableApplicationContext nodeA = startNodeA();
		String nodeAName = nodeA.getBean(BulkRunner.class).node();

		long job = this.broadcasts.enqueue(publication, "area=" + area, SegmentSpec.of(null, area), "Thong bao", "v1",
				false, Instant.now());
		await().atMost(Duration.ofSeconds(60)).until(() -> received(phones) >= 3);
		nodeA.close();

		assertThat(this.jobs.leaseHolder(job)).isEmpty();
		assertThat(this.jdbc.queryForObject("select locked_by from bulk_job where id = ?", String.class, job)).isNull();
		assertThat(this.jobs.find(job).orElseThrow().state()).isNotEqualTo(BulkJob.State.DONE);
		assertThat(this.jobs.batches(job)).isNotEmpty().allSatisfy((batch) -> {
			assertThat(batch.node()).isEqualTo(nodeAName);
			assertThat(batch.state()).isIn("RECORDED", "HANDED_BACK");
		});
		BulkJobs.BulkBatch last = this.jobs.batches(job).get(this.jobs.batches(job).size() - 1);
		assertThat(last.state()).isEqualTo("HANDED_BACK");
		assertThat(last.handedBack()).isPositive();
		assertThat(count("select count(*) from delivery where publication_id = ? and status = 'SENDING'", publication))
			.isZero();
		assertThat(count("select count(*) from delivery where publication_id = ? and status = 'PENDING'", publication))
			.isGreaterThanOrEqualTo(last.handedBack());
		int sentByA = received(phones);

		assertThat(this.worker.run(job)).isTrue();

		assertThat(this.jobs.find(job).orElseThrow().state()).isEqualTo(BulkJob.State.DONE);
		assertThat(count("select count(*) from delivery where publication_id = ?", publication)).isEqualTo(RECIPIENTS);
		assertThat(count("select count(distinct target) from delivery where publication_id = ?", publication))
			.isEqualTo(RECIPIENTS);
		assertThat(count("select count(*) from delivery where publication_id = ? and status = 'SENT'", publication))
			.isEqualTo(RECIPIENTS);
		for (String phone : phones) {
			assertThat(this.inbox.receivedBy(phone)).as(phone).hasSize(1);
		}
		assertThat(sentByA).isLessThan(RECIPIENTS);
		assertThat(this.jobs.batches(job)).anySatisfy((batch) -> assertThat(batch.node()).isNotEqualTo(nodeAName));
	}

	/** Node A: a paced worker polling often, sending to this context's simulator. */
	private ConfigurableApplicationContext startNodeA() {
		// Command-line arguments, because they outrank the application's own
		// configuration as an operator's would.
		return new SpringApplicationBuilder(LoaApplication.class).run("--spring.datasource.url=" + URL,
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
				"--loa.channels.sms.mode=sandbox", "--loa.channels.sms.quiet-hours.enabled=false",
				"--loa.channels.sms.rate-per-second=4", "--loa.channels.sms.broadcast.batch-size=10",
				"--loa.channels.sms.broadcast.poll-interval=100ms", "--loa.channels.sms.simulator.port=" + this.port);
	}

	private int received(List<String> phones) {
		int received = 0;
		for (String phone : phones) {
			received += this.inbox.receivedBy(phone).size();
		}
		return received;
	}

	private long count(String sql, long publication) {
		return this.jdbc.queryForObject(sql, Long.class, publication);
	}

	private static void createDatabase() {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			if (!statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next()) {
				statement.execute("create database " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the test database " + DATABASE, ex);
		}
	}

}
