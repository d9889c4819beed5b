package vn.loa.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.loa.audience.SegmentSpec;
import vn.loa.bench.BenchFloors;
import vn.loa.bench.LoaNodes;
import vn.loa.bench.Receipts;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.sms.SmsBroadcasts;
import vn.loa.channels.sms.SmsProperties;
import vn.loa.channels.sms.sandbox.SimulatorFaults;
import vn.loa.channels.sms.sandbox.SimulatorInbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two Loa nodes as two JVMs ({@code postgres,cluster}: one PostgreSQL database, RabbitMQ)
 * share SMS broadcasts while the test breaks things: a node killed with {@code kill -9},
 * the broker's connections dropped, the database's connections killed for 10 s, a
 * provider answering 429, 5xx, late and slowly, or closing the connection mid-answer.
 * This test's own context is the Twilio simulator both nodes send to, so every request is
 * counted in one place, and the observer of the database; it works no job itself.
 *
 * <p>
 * Cost: two node starts plus one restart, and the broadcasts. The first broadcast has
 * {@code -Dloa.test.cluster.recipients} recipients (CI default 100,000), the others a
 * fifth of it. The RabbitMQ connections dropped are those of a virtual host of this test
 * only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.username=postgres", "spring.datasource.password=",
				"loa.channels.sms.mode=sandbox", "loa.channels.sms.quiet-hours.enabled=false",
				"loa.channels.sms.broadcast.poll-interval=1h", "loa.channels.sms.simulator.callbacks=false",
				"loa.channels.sms.simulator.keep-per-number=2", "loa.channels.sms.simulator.max-numbers=1000",
				"spring.datasource.hikari.maximum-pool-size=12" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultTests {

	private static final String SUFFIX = System.getenv().getOrDefault("LOA_TEST_DB_SUFFIX", "");

	private static final String DATABASE = "loa_cluster" + SUFFIX;

	private static final String VHOST = "loa_cluster" + SUFFIX;

	private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;

	static final int RECIPIENTS = Integer.getInteger("loa.test.cluster.recipients", 100_000);

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static LoaNodes nodes;

	private static LoaNodes.Node nodeA;

	private static LoaNodes.Node nodeB;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> {
			recreateDatabase();
			return URL;
		});
	}

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SmsBroadcasts broadcasts;

	@Autowired
	BulkJobs jobs;

	@Autowired
	SimulatorInbox inbox;

	@Autowired
	SimulatorFaults faults;

	@Autowired
	SmsProperties properties;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void calmSimulator() {
		this.faults.reset(this.properties.simulator());
	}

	@AfterAll
	static void stopNodes() {
		if (nodes != null) {
			nodes.close();
		}
	}

	@Test
	@Order(1)
	void twoNodesShareOneBroadcastEachRecipientOneRowAndOneRequest() throws Exception {
		startNodes();
		Broadcast broadcast = new Broadcast("+8490", "CLA", RECIPIENTS, 910_000_001L);
		long job = broadcast.enqueue();

		broadcast.awaitDone(job, Duration.ofSeconds(120 + RECIPIENTS / 100));

		Counts counts = broadcast.counts();
		System.out.println("cluster share: " + counts);
		assertThat(counts.rows).isEqualTo(RECIPIENTS);
		assertThat(counts.distinctTargets).isEqualTo(RECIPIENTS);
		assertThat(counts.statuses).containsOnlyKeys("SENT").containsEntry("SENT", (long) RECIPIENTS);
		assertThat(counts.received).isEqualTo(RECIPIENTS);
		assertThat(counts.distinctReceived).isEqualTo(RECIPIENTS);
		assertThat(counts.duplicates).isZero();
		assertThat(recordedBatchesByNode(job)).containsOnlyKeys("A", "B")
			.allSatisfy((node, batches) -> assertThat(batches).isPositive());
		assertThat(List.of(nodeA.leader(), nodeB.leader())).containsExactlyInAnyOrder(true, false);
		for (LoaNodes.Node node : List.of(nodeA, nodeB)) {
			String metrics = node.get("/actuator/prometheus");
			assertThat(metrics).containsPattern("loa_deliveries_sent_total\\{[^}]*channel=\"sms\"[^}]*} [1-9]")
				.containsPattern("loa_bulk_send_seconds_bucket\\{[^}]*channel=\"sms\"[^}]*le=")
				.containsPattern("loa_bulk_send_seconds_count\\{[^}]*channel=\"sms\"[^}]*} [1-9]")
				.containsPattern("loa_queue_depth\\{[^}]*queue=\"loa.dispatch\"[^}]*} 0")
				.contains("queue=\"loa.dispatch.dead\"");
		}
	}

	@Test
	@Order(2)
	void killingANodeHalfwayLosesNothingAndSendsNothingTwice() throws Exception {
		startNodes();
		int recipients = Math.max(2_000, RECIPIENTS / 5);
		Broadcast broadcast = new Broadcast("+8491", "CLB", recipients, 910_000_002L);
		LoaNodes.Node killed = nodeA.leader() ? nodeA : nodeB;
		LoaNodes.Node survivor = (killed == nodeA) ? nodeB : nodeA;
		long job = broadcast.enqueue();
		// Halfway, while the node to kill (the leader) has messages of its range out.
		await().atMost(Duration.ofSeconds(120 + recipients / 100))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> broadcast.receipts.total() >= recipients / 2 && sendingRows(job, killed) > 0);
		killed.kill();
		// what the dead node left SENDING stays so until its range is taken over
		long killedInFlight = sendingRows(job, killed);
		long inFlight = count("select count(*) from delivery where publication_id = ? and status = 'SENDING'",
				broadcast.publication);
		long receivedAtKill = broadcast.receipts.total();
		await().atMost(Duration.ofSeconds(30)).until(survivor::leader);
		broadcast.awaitDone(job, Duration.ofSeconds(120 + recipients / 100));

		Counts counts = broadcast.counts();
		List<String> unknown = this.jdbc.queryForList(
				"select target from delivery where publication_id = ? and " + "error_code = 'OUTCOME_UNKNOWN'",
				String.class, broadcast.publication);
		long unknownNotReceived = unknown.stream().filter((phone) -> !broadcast.receipts.got(phone)).count();
		System.out.printf("cluster kill -9: killed %s at %d received, %d rows SENDING at the kill; unknown "
				+ "outcome %d (%d of them never reached the simulator; the killed node's rows SENDING: %d); " + "%s%n",
				killed.name(), receivedAtKill, inFlight, unknown.size(), unknownNotReceived, killedInFlight, counts);
		assertThat(counts.rows).isEqualTo(recipients);
		assertThat(counts.distinctTargets).isEqualTo(recipients);
		// The rows the killed node had out may or may not have reached the simulator by
		// the
		// kill: those it had not recorded are unknown outcomes (there may be none, when
		// it
		// recorded them in the milliseconds between the look and the kill).
		assertThat(counts.statuses.keySet()).containsAnyOf("SENT").isSubsetOf("SENT", "TECHNICAL_FAILURE");
		assertThat((long) unknown.size()).isEqualTo(killedInFlight)
			.isLessThanOrEqualTo(inFlight)
			.isEqualTo(counts.statuses.getOrDefault("TECHNICAL_FAILURE", 0L));
		// A row that was SENDING at the kill may have been sent or not: never sent again.
		assertThat(unknownNotReceived).isLessThanOrEqualTo(inFlight);
		assertThat(counts.duplicates).isZero();
		assertThat(counts.lost).isZero();
		assertThat(recordedBatchesByNode(job)).containsKeys(survivor.name());
		assertThat(this.jobs.batches(job)).filteredOn((batch) -> batch.state().equals("INTERRUPTED"))
			.as("the range the killed node was sending, taken over")
			.isNotEmpty()
			.allSatisfy((batch) -> assertThat(batch.node()).contains(":" + killed.pid() + ":"));
		restart(killed);
	}

	@Test
	@Order(3)
	void brokerConnectionsDroppedAndDatabaseConnectionsKilledFor10sTheRunCompletesWithoutLoss() throws Exception {
		startNodes();
		int recipients = Math.max(2_000, RECIPIENTS / 5);
		Broadcast broadcast = new Broadcast("+8492", "CLC", recipients, 0);
		Broadcast late = new Broadcast("+8493", "CLD", 200, 0);
		// Through the real path: the leader fires the publication, the dispatch crosses
		// RabbitMQ, a node takes it off the queue and starts the job.
		broadcast.publishAt(Instant.now().plusSeconds(3));
		await().atMost(Duration.ofSeconds(60)).until(() -> broadcast.receipts.total() >= recipients / 4);

		LoaNodes.rabbitmqctl("close_all_connections", "-p", VHOST, "test: broker connections dropped");
		// A publication due while the nodes reconnect still goes out once.
		late.publishAt(Instant.now().plusSeconds(3));
		killDatabaseConnectionsFor(Duration.ofSeconds(10));

		long job = broadcast.job(Duration.ofSeconds(60));
		broadcast.awaitDone(job, Duration.ofSeconds(180 + recipients / 100));
		late.awaitDone(late.job(Duration.ofSeconds(120)), Duration.ofSeconds(120));

		for (Broadcast run : List.of(broadcast, late)) {
			Counts counts = run.counts();
			System.out.println("cluster broker+database faults: " + counts);
			assertThat(counts.rows).isEqualTo(run.recipients);
			assertThat(counts.distinctTargets).isEqualTo(run.recipients);
			assertThat(counts.statuses).doesNotContainKeys("SENDING", "PENDING");
			assertThat(counts.duplicates).isZero();
			assertThat(counts.lost).isZero();
		}
	}

	@Test
	@Order(4)
	void providerFaultsLeaveEveryRowEndedOrWaitingNeverSending() throws Exception {
		startNodes();
		int recipients = 3_000;
		Broadcast broadcast = new Broadcast("+8494", "CLE", recipients, 910_000_004L);
		// 429s (retried with backoff), 5xx and invalid numbers (failures), connections
		// closed mid-answer after the message was taken, answers too late for the nodes'
		// 5 s read timeout (both taken by the provider, unknown to Loa), slow ones.
		this.faults.shares(0.04, 0.03, 0.01, Duration.ofMillis(40));
		this.faults.resets(0.01);
		this.faults.timeouts(0.005, Duration.ofSeconds(8));
		long job = broadcast.enqueue();

		broadcast.awaitDone(job, Duration.ofSeconds(240));

		Counts counts = broadcast.counts();
		System.out.println("cluster provider faults: " + counts);
		assertThat(counts.rows).isEqualTo(recipients);
		assertThat(counts.statuses).doesNotContainKeys("SENDING", "PENDING")
			.containsKeys("SENT", "TECHNICAL_FAILURE", "PERMANENT_FAILURE");
		assertThat(counts.duplicates).isZero();
		assertThat(counts.lost).isZero();
		assertThat(count("select count(*) from delivery where publication_id = ? and status = 'SENT' and attempts > 1",
				broadcast.publication))
			.as("429s sent on a later attempt")
			.isPositive();
		// A broken connection after the request is an unknown outcome, sent once, never
		// again.
		List<String> unknown = this.jdbc.queryForList(
				"select target from delivery where publication_id = ? and "
						+ "status = 'TECHNICAL_FAILURE' and error_code = 'OUTCOME_UNKNOWN' and attempts = 1",
				String.class, broadcast.publication);
		System.out.println("cluster provider faults: " + unknown.size() + " unknown outcomes (resets, timeouts)");
		assertThat(unknown).as("connections reset or timed out after the request").isNotEmpty();
		assertThat(unknown).as("taken by the simulator though the node could not know")
			.anySatisfy((phone) -> assertThat(broadcast.receipts.got(phone)).isTrue());
	}

	@Test
	@Order(5)
	void nginxAsDocumentedSendsClientsToTheNodeThatIsLeft() throws Exception {
		startNodes();
		String documented = Files.readString(Path.of("src/site/markdown/operations.md"));
		String block = documented.substring(documented.indexOf("<!-- nginx:begin -->"),
				documented.indexOf("<!-- nginx:end -->"));
		String site = block.substring(block.indexOf("```nginx") + 8, block.lastIndexOf("```"))
			.replace("server 127.0.0.1:8081", "server 127.0.0.1:" + nodeA.port())
			.replace("server 127.0.0.1:8082", "server 127.0.0.1:" + nodeB.port());
		Path dir = Files.createTempDirectory("loa-nginx-");
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		assertThat(site).contains("listen 80;");
		site = site.replace("listen 80;", "listen 127.0.0.1:" + port + ";");
		Files.writeString(dir.resolve("nginx.conf"),
				"daemon off;\nworker_processes 1;\npid " + dir + "/nginx.pid;\nerror_log " + dir + "/error.log warn;\n"
						+ "events { worker_connections 256; }\nhttp {\naccess_log off;\nclient_body_temp_path " + dir
						+ "/tmp;\nproxy_temp_path " + dir + "/tmp;\n" + site + "\n}\n");
		Files.createDirectories(dir.resolve("tmp"));
		Process nginx = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("nginx.out").toFile())
			.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(10))
				.build();
			HttpResponse<String> first = await().atMost(Duration.ofSeconds(20))
				.ignoreExceptions()
				.until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()), (r) -> r.statusCode() == 200);
			String upstream = first.headers().firstValue("X-Loa-Upstream").orElseThrow();
			LoaNodes.Node answered = upstream.endsWith(":" + nodeA.port()) ? nodeA : nodeB;
			LoaNodes.Node other = (answered == nodeA) ? nodeB : nodeA;
			assertThat(upstream).endsWith(":" + answered.port());

			answered.kill();

			HttpResponse<String> second = http.send(health, HttpResponse.BodyHandlers.ofString());
			assertThat(second.statusCode()).isEqualTo(200);
			assertThat(second.body()).contains("\"status\":\"UP\"");
			assertThat(second.headers().allValues("X-Loa-Upstream").toString()).contains(":" + other.port());
		}
		finally {
			nginx.destroyForcibly();
			nginx.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private void startNodes() throws Exception {
		if (nodes != null) {
			return;
		}
		LoaNodes.virtualHost(VHOST);
		nodes = new LoaNodes(List.of("--spring.profiles.active=postgres,cluster", "--spring.datasource.url=" + URL,
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--loa.demo.enabled=true",
				"--spring.rabbitmq.virtual-host=" + VHOST, "--loa.channels.sms.mode=sandbox",
				"--loa.channels.sms.simulator.port=" + this.port, "--loa.channels.sms.simulator.callbacks=false",
				"--loa.channels.sms.quiet-hours.enabled=false", "--loa.channels.sms.rate-per-second=100000",
				"--loa.channels.bulk.shared-pacing=false",
				"--loa.channels.sms.broadcast.lease=" + LEASE.toSeconds() + "s",
				"--loa.channels.sms.broadcast.poll-interval=200ms", "--loa.channels.sms.broadcast.batch-size=200",
				"--loa.channels.sms.retry.initial-backoff=200ms", "--loa.channels.sms.retry.max-backoff=2s",
				"--loa.channels.sms.http.read-timeout=5s", "--loa.publishing.scheduler-interval=1s",
				"--management.endpoint.health.show-details=always",
				"--management.endpoint.health.show-components=always", "--logging.structured.format.console=",
				"--loa.cluster.leader-time-to-live=5s", "--loa.cluster.leader-heart-beat=1s"));
		nodeA = nodes.start("A", List.of());
		nodeB = nodes.start("B", List.of());
		nodes.awaitUp(nodeA, Duration.ofSeconds(180));
		nodes.awaitUp(nodeB, Duration.ofSeconds(180));
		await().atMost(Duration.ofSeconds(30)).until(() -> nodeA.leader() || nodeB.leader());
	}

	private void restart(LoaNodes.Node killed) throws Exception {
		LoaNodes.Node again = nodes.start(killed.name(), List.of());
		nodes.awaitUp(again, Duration.ofSeconds(180));
		if (killed == nodeA) {
			nodeA = again;
		}
		else {
			nodeB = again;
		}
	}

	/** Whether the node holds a live lease on a range of the job. */
	/**
	 * The rows SENDING in the ranges {@code node} leases: messages it has handed to the
	 * simulator, or is about to, and not recorded yet.
	 */
	private long sendingRows(long job, LoaNodes.Node node) {
		return this.jdbc.queryForObject("select count(*) from bulk_batch b join bulk_job j on j.id = b.job_id "
				+ "join subscriber s on s.id > b.after_cursor and s.id <= b.last_cursor join delivery d on "
				+ "d.publication_id = j.publication_id and d.channel = j.channel and d.target = s.phone where "
				+ "b.job_id = ? and b.state = 'CLAIMED' and b.retaken_by is null and b.node like ? and "
				+ "d.status = 'SENDING'", Long.class, job, "%:" + node.pid() + ":%");
	}

	private Map<String, Long> recordedBatchesByNode(long job) {
		Map<String, Long> byNode = new LinkedHashMap<>();
		for (BulkJobs.BulkBatch batch : this.jobs.batches(job)) {
			if ("RECORDED".equals(batch.state())) {
				String[] parts = batch.node().split(":");
				byNode.merge(nodes.nameOf(Long.parseLong(parts[parts.length - 2])), 1L, Long::sum);
			}
		}
		return byNode;
	}

	private long count(String sql, long publication) {
		return this.jdbc.queryForObject(sql, Long.class, publication);
	}

	/** {@code pg_terminate_backend} on every connection to the database, for a while. */
	private static void killDatabaseConnectionsFor(Duration duration) throws SQLException, InterruptedException {
		long end = System.nanoTime() + duration.toNanos();
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			while (System.nanoTime() < end) {
				statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + DATABASE
						+ "' and pid <> pg_backend_pid()");
				TimeUnit.MILLISECONDS.sleep(200);
			}
		}
	}

	private static void recreateDatabase() {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE + " with (force)");
			statement.execute("create database " + DATABASE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the test database " + DATABASE, ex);
		}
	}

	/** One broadcast to synthetic subscribers {@code prefix0000000…} of one area. */
	private final class Broadcast {

		final String prefix;

		final String area;

		final int recipients;

		long publication;

		final Receipts receipts;

		Broadcast(String prefix, String area, int recipients, long publication) throws Exception {
			this.prefix = prefix;
			this.area = area;
			this.recipients = recipients;
			this.publication = publication;
			this.receipts = new Receipts(prefix, recipients);
			BenchFloors.copySubscribers(ClusterFaultTests.this.dataSource, recipients, prefix, area);
			ClusterFaultTests.this.inbox.listen((received) -> this.receipts.add(received.to()));
		}

		long enqueue() {
			return ClusterFaultTests.this.broadcasts.enqueue(this.publication, "area=" + this.area,
					SegmentSpec.of(null, this.area), "Thong bao thu nghiem cum may chu", "v1", true, Instant.now());
		}

		/** An approved item published to the area's SMS subscribers at {@code at}. */
		void publishAt(Instant at) throws Exception {
			String json = "{\"title\":\"Thông báo " + this.area + "\",\"summary\":\"Thử nghiệm\",\"body\":\"Nội dung "
					+ "thử nghiệm.\",\"topic\":\"dich-vu-cong\",\"audiences\":[\"CITIZENS_AND_BUSINESSES\"],"
					+ "\"areas\":[\"56\"]}";
			long content = id(as("editor", "EDITOR",
					post("/api/v1/contents").contentType(MediaType.APPLICATION_JSON).content(json))
				.andExpect(status().isCreated()));
			as("editor", "EDITOR", post("/api/v1/contents/" + content + "/submit")).andExpect(status().isOk());
			as("approver", "APPROVER", post("/api/v1/contents/" + content + "/approve")).andExpect(status().isOk());
			this.publication = id(as("approver", "APPROVER",
					post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
						.content("{\"contentId\":" + content + ",\"scheduledAt\":\""
								+ OffsetDateTime.now().plus(Duration.between(Instant.now(), at))
								+ "\",\"urgent\":true,\"targets\":" + "[{\"channel\":\"sms\",\"target\":\"area="
								+ this.area + "\"}]}"))
				.andExpect(status().isCreated()));
		}

		/** The job a node started for the publication. */
		long job(Duration atMost) {
			return await().atMost(atMost)
				.ignoreExceptions()
				.until(() -> ClusterFaultTests.this.jobs.findByPublication(this.publication, "sms",
						"area=" + this.area), java.util.Optional::isPresent)
				.orElseThrow()
				.id();
		}

		void awaitDone(long job, Duration atMost) {
			await().atMost(atMost)
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> ClusterFaultTests.this.jobs.find(job).orElseThrow().state() == BulkJob.State.DONE);
		}

		Counts counts() {
			JdbcTemplate jdbc = ClusterFaultTests.this.jdbc;
			Map<String, Long> statuses = new LinkedHashMap<>();
			jdbc.query("select status, count(*) from delivery where publication_id = ? and channel = 'sms' "
					+ "group by status", (rs) -> {
						statuses.put(rs.getString(1), rs.getLong(2));
					}, this.publication);
			long rows = count("select count(*) from delivery where publication_id = ? and channel = 'sms'",
					this.publication);
			long distinct = count(
					"select count(distinct target) from delivery where publication_id = ? and " + "channel = 'sms'",
					this.publication);
			// Lost: a row Loa calls SENT that never reached the simulator, or a recipient
			// without a row.
			long sentWithoutRequest = 0;
			for (String target : jdbc.queryForList(
					"select target from delivery where publication_id = ? and " + "channel = 'sms' and status = 'SENT'",
					String.class, this.publication)) {
				if (!this.receipts.got(target)) {
					sentWithoutRequest++;
				}
			}
			return new Counts(rows, distinct, statuses, this.receipts.total(), this.receipts.distinct(),
					this.receipts.duplicates(), sentWithoutRequest + (this.recipients - distinct));
		}

	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

	private static long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	record Counts(long rows, long distinctTargets, Map<String, Long> statuses, long received, long distinctReceived,
			long duplicates, long lost) {
	}

}
