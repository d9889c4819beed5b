package vn.loa.channels.zalo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.LoaApplication;
import vn.loa.audience.SegmentSpec;
import vn.loa.audience.Subscribers;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkPacing;
import vn.loa.channels.bulk.BulkRunner;
import vn.loa.channels.zalo.zns.ZnsBroadcastWorker;
import vn.loa.channels.zalo.zns.sandbox.ZnsInbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL database: node B (started here) runs a ZNS job, finds the
 * OA's token refused and waits — five minutes by itself (`token-wait`). An admin connects
 * the OA on node A (this test's context, whose own ZNS worker is off, so only B can take
 * the job): A stores the new pair and wakes the waiting jobs, and B, told nothing, takes
 * the job at its next poll and sends every message at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.username=postgres", "spring.datasource.password=",
				"loa.channels.zalo-zns.mode=sandbox", "loa.channels.zalo-zns.enabled=false",
				"loa.channels.zalo.mode=sandbox", "loa.channels.zalo.refresh-check=1h",
				"loa.channels.sms.quiet-hours.enabled=false" })
class ZaloReconnectTwoNodesTests {

	private static final String DATABASE = "loa_zalonodes" + System.getenv().getOrDefault("LOA_TEST_DB_SUFFIX", "");

	private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> {
			createDatabase();
			return URL;
		});
	}

	@Autowired
	ZaloOaTokens tokens;

	@Autowired
	ZaloProperties properties;

	@Autowired
	Subscribers subscribers;

	@Autowired
	BulkJobs jobs;

	@Autowired
	ApplicationEventPublisher events;

	private ConfigurableApplicationContext nodeB;

	@AfterEach
	void stopNodeB() {
		if (this.nodeB != null) {
			this.nodeB.close();
		}
	}

	@Test
	void anOaConnectedOnOneNodeResumesTheZnsJobWaitingOnTheOther() {
		String area = "R" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		int base = ThreadLocalRandom.current().nextInt(0, 9_000_000);
		List<String> phones = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String phone = "+8497" + String.format("%07d", base + i);
			this.subscribers.subscribe(phone, area, List.of(), "vi", "test");
			phones.add(phone);
		}
		// Zalo refused the refresh: the shared store says NEEDS_REAUTHORISATION.
		this.tokens.connect(this.properties.effectiveOaId(), pair("first"), "admin");
		this.tokens.needsReauthorisation(this.tokens.read().orElseThrow().version(), "-14014 Invalid refresh token");

		this.nodeB = startNodeB();
		long publication = ThreadLocalRandom.current().nextLong(8_000_000_000L, 9_000_000_000L);
		long job = this.jobs.enqueue("zalo-zns", publication, "area=" + area, SegmentSpec.of(null, area),
				"{\"templateId\":\"355330\",\"data\":{\"ten_thong_bao\":\"Thông báo\",\"noi_dung\":\"Nộp hồ sơ trực "
						+ "tuyến\",\"duong_dan\":\"https://loa.example.gov.vn/s/abc\",\"hotline\":\"0258 3822 222\","
						+ "\"co_quan\":\"Sở Nội vụ\"},\"fallback\":false}",
				"v1", false, Instant.now().plusSeconds(3600));
		this.nodeB.getBean(ZnsBroadcastWorker.class).run(job, BulkPacing.CHANNEL);
		BulkJob waiting = this.jobs.find(job).orElseThrow();
		assertThat(waiting.state()).isEqualTo(BulkJob.State.WAITING);
		assertThat(waiting.waitReason()).isEqualTo("NEEDS_REAUTHORISATION");
		assertThat(waiting.notBefore()).isAfter(Instant.now().plusSeconds(60));

		// The admin's OAuth callback on node A: the new pair stored, the event published
		// (as ZaloOAuthFlow does once Zalo has answered the code).
		this.tokens.connect(this.properties.effectiveOaId(), pair("second"), "admin");
		this.events.publishEvent(new ZaloOaConnected(this.properties.effectiveOaId()));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jobs.find(job).orElseThrow().state() == BulkJob.State.DONE);
		ZnsInbox inbox = this.nodeB.getBean(ZnsInbox.class);
		for (String phone : phones) {
			assertThat(inbox.receivedBy(phone)).as(phone).hasSize(1);
		}
		String nodeBName = this.nodeB.getBean(BulkRunner.class).node();
		assertThat(this.jobs.batches(job)).isNotEmpty()
			.allSatisfy((batch) -> assertThat(batch.node()).isEqualTo(nodeBName));
	}

	/** Node B: ZNS on, polling often, waiting five minutes for a refused token. */
	private ConfigurableApplicationContext startNodeB() {
		return new SpringApplicationBuilder(LoaApplication.class).run("--spring.datasource.url=" + URL,
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
				"--loa.channels.zalo-zns.mode=sandbox", "--loa.channels.zalo-zns.poll-interval=100ms",
				"--loa.channels.zalo-zns.token-wait=5m", "--loa.channels.zalo-zns.simulator.callbacks=false",
				"--loa.channels.zalo.mode=sandbox", "--loa.channels.zalo.refresh-check=1h",
				"--loa.channels.sms.quiet-hours.enabled=false");
	}

	private static ZaloOAuthClient.TokenPair pair(String name) {
		return new ZaloOAuthClient.TokenPair("access-" + name, "refresh-" + name, Duration.ofHours(1),
				Duration.ofDays(90));
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
