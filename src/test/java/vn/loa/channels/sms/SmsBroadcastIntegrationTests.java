package vn.loa.channels.sms;

import vn.loa.channels.bulk.BulkCheckpoint;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkSweep;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.sms.sandbox.SimulatorCallbacks;
import vn.loa.channels.sms.sandbox.SimulatorFaults;
import vn.loa.channels.sms.sandbox.SimulatorInbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.loa.audience.SegmentSpec;
import vn.loa.audience.Subscribers;

import com.jayway.jsonpath.JsonPath;
import vn.loa.rendering.SmsText;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Broadcasts end to end on the local PostgreSQL: the worker streams a segment through the
 * real Twilio SDK into the simulator, which answers and posts signed callbacks to Loa's
 * webhook. Each test has its own area and publication, so the shared database may hold
 * earlier runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/loa_smssend${LOA_TEST_DB_SUFFIX:}",
				"spring.datasource.username=postgres", "spring.datasource.password=", "loa.channels.sms.mode=sandbox",
				"loa.channels.sms.quiet-hours.enabled=false", "loa.channels.sms.broadcast.batch-size=5",
				"loa.channels.sms.broadcast.poll-interval=100ms", "loa.channels.sms.broadcast.lease=1s",
				"loa.channels.sms.retry.initial-backoff=200ms", "loa.channels.sms.simulator.callback-delay=20ms",
				"loa.channels.sms.rate-per-second=1000",
				"loa.channels.sms.public-base-url=https://loa.example.gov.vn" })
@AutoConfigureMockMvc
class SmsBroadcastIntegrationTests {

	private static final String BODY = "UBND tỉnh thông báo: từ 01/12 tiếp nhận hồ sơ trực tuyến tại dichvucong.gov.vn";

	@LocalServerPort
	int port;

	@Autowired
	Subscribers subscribers;

	@Autowired
	SmsBroadcasts broadcasts;

	@Autowired
	SimulatorInbox inbox;

	@Autowired
	SimulatorFaults faults;

	@Autowired
	SimulatorCallbacks callbacks;

	@Autowired
	SmsBroadcastWorker worker;

	@Autowired
	SmsProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Crashes crashes;

	@Autowired
	BulkSweep sweep;

	@Autowired
	BulkJobs jobs;

	@Autowired
	MockMvc mvc;

	private String area;

	private long publication;

	private List<String> phones;

	@BeforeEach
	void segment() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.area = "T" + random.nextInt(10_000_000, 99_999_999);
		this.publication = random.nextLong(1_000_000_000L, 2_000_000_000L);
		int base = random.nextInt(0, 9_000_000);
		this.phones = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String phone = "+8490" + String.format("%07d", base + i);
			this.subscribers.subscribe(phone, this.area, List.of(), "vi", "test");
			this.phones.add(phone);
		}
	}

	@AfterEach
	void reset() {
		this.faults.reset(this.properties.simulator());
		this.crashes.watched = null;
		this.crashes.point = null;
		this.crashes.beforeCrash = () -> {
		};
	}

	@Test
	void broadcastIsSentThenDeliveredAndOptedOutIsSkippedVisibly() throws Exception {
		String optedOut = this.phones.get(3);
		String unreachable = this.phones.get(7);
		this.subscribers.optOut(optedOut, "test");
		this.faults.undeliverable(unreachable, true);

		long job = enqueue();

		awaitDone(job);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(statuses()).containsEntry("DELIVERED", 10L)
				.containsEntry("SKIPPED", 1L)
				.containsEntry("TEMPORARY_FAILURE", 1L));
		assertThat(row(optedOut)).containsEntry("error_code", "OPTED_OUT");
		assertThat(row(unreachable)).containsEntry("error_code", "30003");
		assertThat(this.inbox.receivedBy(optedOut)).isEmpty();
		for (String phone : this.phones) {
			if (!phone.equals(optedOut)) {
				assertThat(this.inbox.receivedBy(phone)).as(phone).hasSize(1);
				assertThat(row(phone).get("provider_reference")).isEqualTo(this.inbox.receivedBy(phone).get(0).sid());
			}
		}
		assertThat(this.inbox.receivedBy(this.phones.get(0)).get(0).body()).isEqualTo(BODY);
		// Per channel: sent as Twilio took them, delivered and failed as the callbacks
		// said, and the provider calls' latency.
		String metrics = this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metrics).containsPattern("loa_deliveries_sent_total\\{[^}]*channel=\"sms\"[^}]*} [1-9]")
			.containsPattern("loa_deliveries_delivered_total\\{[^}]*channel=\"sms\"[^}]*} [1-9]")
			.containsPattern(
					"loa_deliveries_failed_total\\{[^}]*channel=\"sms\"[^}]*status=\"TEMPORARY_FAILURE\"[^}]*} [1-9]")
			.containsPattern("loa_bulk_send_seconds_bucket\\{[^}]*channel=\"sms\"[^}]*le=");
	}

	@Test
	void tooManyRequestsIsRetriedWithBackoffAndSentOnce() {
		String busy = this.phones.get(2);
		this.faults.failNext(busy, 2, SimulatorFaults.Fault.TOO_MANY_REQUESTS);

		long job = enqueue();

		awaitDone(job);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(row(busy)).containsEntry("status", "DELIVERED"));
		assertThat(row(busy).get("attempts")).isEqualTo(3);
		assertThat(this.inbox.receivedBy(busy)).hasSize(1);
	}

	@Test
	void invalidNumberIsAPermanentFailureNeverRetried() {
		String invalid = this.phones.get(4);
		this.faults.failNext(invalid, 3, SimulatorFaults.Fault.INVALID_NUMBER);

		long job = enqueue();

		awaitDone(job);
		assertThat(row(invalid)).containsEntry("status", "PERMANENT_FAILURE")
			.containsEntry("error_code", "21211")
			.containsEntry("attempts", 1);
		assertThat(this.inbox.receivedBy(invalid)).isEmpty();
		assertThat(count("select count(*) from delivery where publication_id = ?")).isEqualTo(12);
	}

	@Test
	void workerDyingAfterSendingResumesWithoutResendingOrLosingRows() {
		long job = enqueue(() -> this.crashes.arm("sent"));

		awaitDone(job);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(statuses()).containsEntry("DELIVERED", 7L).containsEntry("TECHNICAL_FAILURE", 5L));
		assertThat(this.crashes.fired.get()).isEqualTo(1);
		assertThat(count("select count(*) from delivery where publication_id = ? and error_code = 'OUTCOME_UNKNOWN'"))
			.isEqualTo(5);
		assertEachRecipientHasOneRowAndAtMostOneMessage(12);
	}

	@Test
	void workerDyingBetweenBatchesResumesAtItsCursor() {
		long job = enqueue(() -> this.crashes.arm("recorded"));

		awaitDone(job);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(statuses()).containsEntry("DELIVERED", 12L));
		assertThat(this.crashes.fired.get()).isEqualTo(1);
		assertEachRecipientHasOneRowAndAtMostOneMessage(12);
	}

	@Test
	void workerDyingBeforeSendingLeavesUnknownOutcomesNotDuplicates() {
		long job = enqueue(() -> this.crashes.arm("claimed"));

		awaitDone(job);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(statuses()).containsEntry("DELIVERED", 7L).containsEntry("TECHNICAL_FAILURE", 5L));
		assertEachRecipientHasOneRowAndAtMostOneMessage(7);
	}

	@Test
	void rangeADeadNodeLeftInACancelledJobIsSweptToUnknownOutcomesNotSent() {
		long job = enqueue(() -> {
			this.crashes.beforeCrash = () -> this.broadcasts.cancel(this.publication);
			this.crashes.arm("claimed");
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> this.crashes.fired.get() == 1);
		assertThat(count("select count(*) from delivery where publication_id = ? and status = 'SENDING'")).isEqualTo(5);

		// Nobody works a cancelled job again: the sweep ends the range once its lease ran
		// out.
		assertThat(this.sweep.sweep(Instant.now().minusSeconds(60))).isZero();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.sweep.sweep(Instant.now()) == 5);

		assertThat(statuses()).containsOnlyKeys("TECHNICAL_FAILURE").containsEntry("TECHNICAL_FAILURE", 5L);
		assertThat(count("select count(*) from delivery where publication_id = ? and error_code = 'OUTCOME_UNKNOWN'"))
			.isEqualTo(5);
		assertThat(this.jobs.batches(job)).singleElement()
			.satisfies((batch) -> assertThat(batch.state()).isEqualTo("INTERRUPTED"));
		assertThat(this.broadcasts.find(job).orElseThrow().state()).isEqualTo(BulkJob.State.CANCELLED);
		assertThat(this.phones).allSatisfy((phone) -> assertThat(this.inbox.receivedBy(phone)).isEmpty());
	}

	/**
	 * A stop whose transaction ended before a node wrote its next batch: the node sees
	 * the job stopped before it claims a row of it, sends none and skips them.
	 */
	@Test
	void aNodeThatWroteRowsAfterTheStopSendsNoneOfThem() {
		long job = enqueue(
				() -> this.crashes.watch("written", 2, (id) -> id == this.crashes.job,
						() -> this.jdbc.update(
								"update bulk_job set state = 'CANCELLED', stopped_by = 'officer', "
										+ "stopped_at = ? where id = ?",
								Timestamp.from(Instant.now()), this.crashes.job)));

		await().atMost(Duration.ofSeconds(60)).until(() -> this.watchedBatchesClosed(job, 2));
		assertThat(this.broadcasts.find(job).orElseThrow().state()).isEqualTo(BulkJob.State.CANCELLED);
		assertThat(count("select count(*) from delivery where publication_id = ? and status = 'SKIPPED' "
				+ "and error_code = 'STOPPED' and error_message like '%officer%'"))
			.isEqualTo(5);
		assertThat(count(
				"select count(*) from delivery where publication_id = ? and status in ('PENDING', " + "'SENDING')"))
			.isZero();
		assertThat(count("select count(*) from delivery where publication_id = ?")).isEqualTo(10);
		int received = 0;
		for (String phone : this.phones) {
			received += this.inbox.receivedBy(phone).size();
		}
		assertThat(received).isEqualTo(5);
	}

	@Test
	void anOfficerStopsABroadcastGoingOutAndNothingMoreLeaves() throws Exception {
		String target = "area=" + this.area;
		CountDownLatch reached = new CountDownLatch(1);
		CountDownLatch resume = new CountDownLatch(1);
		// the node stops after writing its second batch, until the officer has stopped
		// the broadcast
		this.crashes.watch("written", 2, (id) -> this.jobs.find(id).map((j) -> j.target().equals(target)).orElse(false),
				() -> {
					reached.countDown();
					try {
						resume.await(60, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
		long content = approvedItem("Thông báo lịch tiếp công dân " + ThreadLocalRandom.current().nextInt());
		long publication = publishToArea(content);
		assertThat(reached.await(60, TimeUnit.SECONDS)).isTrue();
		long job = this.jobs.ofPublication(publication).get(0).id();
		try {
			as("someone", "VIEWER", post("/api/v1/publications/" + publication + "/stop"))
				.andExpect(status().isForbidden());
			as("approver", "APPROVER", get("/console/publications/" + publication)).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"stop-broadcast\"")));
			as("approver", "APPROVER", post("/api/v1/publications/" + publication + "/stop")).andExpect(status().isOk())
				.andExpect(jsonPath("$.stopped[0]").value("sms"))
				.andExpect(jsonPath("$.skipped").value(5));
		}
		finally {
			resume.countDown();
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> this.watchedBatchesClosed(job, 2));
		Map<String, Long> statuses = statuses(publication);
		assertThat(statuses).containsEntry("SKIPPED", 5L).doesNotContainKeys("PENDING", "SENDING");
		assertThat(statuses.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
		assertThat(this.jdbc.queryForList(
				"select error_message from delivery where publication_id = ? and " + "status = 'SKIPPED'", String.class,
				publication))
			.allSatisfy((message) -> assertThat(message).contains("dừng").contains("approver"));
		int received = 0;
		for (String phone : this.phones) {
			assertThat(this.inbox.receivedBy(phone).size()).as(phone).isLessThanOrEqualTo(1);
			received += this.inbox.receivedBy(phone).size();
		}
		assertThat(received).isEqualTo(5);

		as("approver", "APPROVER", get("/api/v1/publications/" + publication + "/jobs")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].state").value("CANCELLED"))
			.andExpect(jsonPath("$[0].stoppedBy").value("approver"));
		as("approver", "APPROVER", post("/api/v1/publications/" + publication + "/stop"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(containsString("nothing-to-stop")));
		as("approver", "APPROVER", get("/console/publications/" + publication)).andExpect(status().isOk())
			.andExpect(content().string(containsString("theo lệnh của approver")))
			.andExpect(content().string(containsString("Đã dừng gửi")))
			.andExpect(content().string(not(containsString("id=\"stop-broadcast\""))));
	}

	/**
	 * Twilio answered 429 until Loa's retries ran out: Twilio took nothing, so an
	 * approver may send the row again, and it goes out once.
	 */
	@Test
	void aRowWhoseRetriesOf429RanOutIsRetriedByAnApproverAndSentOnce() throws Exception {
		String busy = this.phones.get(6);
		this.faults.failNext(busy, this.properties.retry().maxAttempts(), SimulatorFaults.Fault.TOO_MANY_REQUESTS);
		long content = approvedItem("Lịch cắt điện " + ThreadLocalRandom.current().nextInt());
		long publication = publishToArea(content);
		await().atMost(Duration.ofSeconds(90))
			.until(() -> this.jobs.ofPublication(publication)
				.stream()
				.allMatch((job) -> job.state() == BulkJob.State.DONE));
		Map<String, Object> exhausted = this.jdbc.queryForMap(
				"select status, error_code, attempts from delivery where publication_id = ? and target = ?",
				publication, busy);
		assertThat(exhausted).containsEntry("status", "TECHNICAL_FAILURE")
			.containsEntry("error_code", "20429")
			.containsEntry("attempts", this.properties.retry().maxAttempts());
		assertThat(this.inbox.receivedBy(busy)).isEmpty();

		as("approver2", "APPROVER", post("/api/v1/publications/" + publication + "/retry")).andExpect(status().isOk())
			.andExpect(jsonPath("$.retried").value(1));

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					this.jdbc.queryForObject("select status from delivery where publication_id = ? and target = ?",
							String.class, publication, busy))
				.isIn("SENT", "DELIVERED"));
		assertThat(this.inbox.receivedBy(busy)).hasSize(1);
		for (String phone : this.phones) {
			assertThat(this.inbox.receivedBy(phone)).as(phone).hasSizeLessThanOrEqualTo(1);
		}
	}

	/** Whether the job recorded {@code batches} ranges and none is open any more. */
	private boolean watchedBatchesClosed(long job, int batches) {
		var all = this.jobs.batches(job);
		return all.size() == batches && all.stream().noneMatch((b) -> b.state().equals("CLAIMED"));
	}

	@Test
	void webhookRefusesUnsignedAndWronglySignedCallbacks() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest unsigned = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/webhooks/twilio/status"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("MessageSid=SMx&MessageStatus=delivered"))
			.build();
		HttpRequest forged = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/webhooks/twilio/status"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature",
					TwilioSignature.sign("wrong-token", "https://loa.example.gov.vn/webhooks/twilio/status",
							Map.of("MessageSid", "SMx", "MessageStatus", "delivered")))
			.POST(HttpRequest.BodyPublishers.ofString("MessageSid=SMx&MessageStatus=delivered"))
			.build();

		assertThat(http.send(unsigned, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
		assertThat(http.send(forged, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
	}

	@Test
	void lateRepeatedAndOutOfOrderCallbacksNeverMoveARowBackwards() {
		String sid = insertSentRow(this.phones.get(0));

		callback(sid, "delivered", null);
		callback(sid, "sent", null);
		callback(sid, "undelivered", "30003");
		callback(sid, "delivered", null);

		assertThat(row(this.phones.get(0))).containsEntry("status", "DELIVERED");
	}

	@Test
	void callbackOvertakingItsBatchIsAppliedWhenTheSidIsStored() {
		String sid = "SM" + String.format("%032x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));

		callback(sid, "delivered", null);
		assertThat(count("select count(*) from sms_early_receipt where message_sid = '" + sid + "' and ? > 0"))
			.isEqualTo(1);
		insertSentRow(this.phones.get(1), sid);
		this.worker.applyEarlyReceipts();

		assertThat(row(this.phones.get(1))).containsEntry("status", "DELIVERED");
		assertThat(count("select count(*) from sms_early_receipt where message_sid = '" + sid + "' and ? > 0"))
			.isZero();
	}

	@Test
	void inboundKeywordsOptOutAndBackInWithTwimlConfirmation() {
		String phone = this.phones.get(5);
		String url = "https://loa.example.gov.vn/webhooks/twilio/inbound";

		String leave = this.callbacks.post(url, inbound(phone, "Hủy"));

		assertThat(leave).startsWith("<?xml").contains("<Response><Message>").contains("</Message></Response>");
		assertThat(this.subscribers.isOptedOut(phone)).isTrue();

		String join = this.callbacks.post(url, inbound(phone, "DK cchc"));

		assertThat(join).contains("<Response><Message>");
		assertThat(this.subscribers.isOptedOut(phone)).isFalse();
	}

	@Test
	void officerPreviewsAndPublishesToASegmentWithoutDiacritics() throws Exception {
		String optedOut = this.phones.get(0);
		this.subscribers.optOut(optedOut, "test");
		long content = approvedItem("Tiếp nhận hồ sơ trực tuyến " + ThreadLocalRandom.current().nextInt());
		as("editor", "EDITOR", get("/api/v1/contents/" + content + "/renditions/sms")).andExpect(status().isOk())
			.andExpect(jsonPath("$.metrics.encoding").value("UCS_2"));
		as("editor", "EDITOR", get("/api/v1/contents/" + content + "/renditions/sms").param("sms.diacritics", "false"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metrics.encoding").value("GSM_7"))
			.andExpect(jsonPath("$.metrics.parts").isNumber())
			.andExpect(jsonPath("$.metrics.costPerRecipient").isNumber());

		long publication = publishToArea(content);

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(statuses(publication)).containsEntry("DELIVERED", 11L)
				.containsEntry("SKIPPED", 1L));
		String received = this.inbox.receivedBy(this.phones.get(1)).get(0).body();
		assertThat(SmsText.isGsm7(received)).isTrue();
		assertThat(received).contains("Tiep nhan ho so truc tuyen");
		assertThat(this.inbox.receivedBy(optedOut)).isEmpty();
		as("approver", "APPROVER", get("/api/v1/publications/" + publication + "/progress")).andExpect(status().isOk())
			.andExpect(jsonPath("$.sms.DELIVERED").value(11))
			.andExpect(jsonPath("$.sms.SKIPPED").value(1));
	}

	/** An approver's publication of the item to this test's area by SMS, now. */
	private long publishToArea(long content) throws Exception {
		String created = as("approver", "APPROVER",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + content + ",\"targets\":[{\"channel\":\"sms\",\"target\":\"area="
							+ this.area + "\"}],\"options\":{\"sms.diacritics\":\"false\"}}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	private long approvedItem(String title) throws Exception {
		String json = "{\"title\":\"" + title + "\",\"summary\":\"Không cần đến cơ quan\",\"body\":\"Từ ngày "
				+ "01/12 người dân có thể **nộp hồ sơ trực tuyến**.\",\"topic\":\"dich-vu-cong\",\"audiences\":"
				+ "[\"CITIZENS_AND_BUSINESSES\"],\"areas\":[\"56\"]}";
		String answer = as("editor", "EDITOR",
				post("/api/v1/contents").contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(answer, "$.id")).longValue();
		as("editor", "EDITOR", post("/api/v1/contents/" + id + "/submit")).andExpect(status().isOk());
		as("approver", "APPROVER", post("/api/v1/contents/" + id + "/approve")).andExpect(status().isOk());
		return id;
	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

	private Map<String, String> inbound(String phone, String body) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("MessageSid", "SM" + String.format("%032x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)));
		form.put("AccountSid", this.properties.accountSid());
		form.put("From", phone);
		form.put("To", "LOA");
		form.put("Body", body);
		return form;
	}

	private void callback(String sid, String status, String errorCode) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("MessageSid", sid);
		form.put("MessageStatus", status);
		form.put("AccountSid", this.properties.accountSid());
		if (errorCode != null) {
			form.put("ErrorCode", errorCode);
		}
		this.callbacks.post("https://loa.example.gov.vn/webhooks/twilio/status", form);
	}

	private String insertSentRow(String phone) {
		return insertSentRow(phone,
				"SM" + String.format("%032x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)));
	}

	private String insertSentRow(String phone, String sid) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("insert into delivery (publication_id, channel, target, status, attempts, provider, "
				+ "provider_reference, created_at, updated_at, sent_at) values (?, 'sms', ?, 'SENT', 1, 'twilio', ?, ?, "
				+ "?, ?)", this.publication, phone, sid, now, now, now);
		return sid;
	}

	private void assertEachRecipientHasOneRowAndAtMostOneMessage(int expectedReceipts) {
		assertThat(count("select count(*) from delivery where publication_id = ?")).isEqualTo(12);
		assertThat(count("select count(distinct target) from delivery where publication_id = ?")).isEqualTo(12);
		int received = 0;
		for (String phone : this.phones) {
			int messages = this.inbox.receivedBy(phone).size();
			assertThat(messages).as(phone).isLessThanOrEqualTo(1);
			received += messages;
		}
		assertThat(received).isEqualTo(expectedReceipts);
	}

	private long enqueue() {
		return enqueue(() -> {
		});
	}

	private long enqueue(Runnable beforeStart) {
		long id = this.broadcasts.enqueue(this.publication, "area=" + this.area, SegmentSpec.of(null, this.area), BODY,
				"v1", false, Instant.now().plusSeconds(3600));
		this.crashes.job = id;
		beforeStart.run();
		this.jdbc.update("update bulk_job set not_before = ? where id = ?", Timestamp.from(Instant.now()), id);
		return id;
	}

	private void awaitDone(long job) {
		await().atMost(Duration.ofSeconds(90))
			.until(() -> this.broadcasts.find(job).orElseThrow().state() == BulkJob.State.DONE);
	}

	private Map<String, Long> statuses() {
		return statuses(this.publication);
	}

	private Map<String, Long> statuses(long publication) {
		Map<String, Long> statuses = new LinkedHashMap<>();
		this.jdbc.query("select status, count(*) from delivery where publication_id = ? group by status", (rs) -> {
			statuses.put(rs.getString(1), rs.getLong(2));
		}, publication);
		return statuses;
	}

	private Map<String, Object> row(String phone) {
		return this.jdbc.queryForMap("select status, attempts, error_code, provider_reference from delivery where "
				+ "publication_id = ? and target = ?", this.publication, phone);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class, this.publication);
	}

	@TestConfiguration
	static class CrashConfiguration {

		@Bean
		Crashes crashes() {
			return new Crashes();
		}

	}

	/**
	 * Kills the worker once at the armed point of the armed job, as a dying node would.
	 */
	static class Crashes implements BulkCheckpoint {

		volatile String point;

		volatile long job;

		/** Runs just before the crash (what happens while the node is dying). */
		volatile Runnable beforeCrash = () -> {
		};

		final AtomicInteger fired = new AtomicInteger();

		/** A point to watch without crashing: what runs there, once. */
		volatile String watched;

		volatile int watchedTime;

		volatile LongPredicate watchedJob = (id) -> false;

		volatile Runnable atWatched = () -> {
		};

		final AtomicInteger watches = new AtomicInteger();

		void arm(String point) {
			this.fired.set(0);
			this.point = point;
		}

		/**
		 * Runs {@code action} when a job {@code job} accepts reaches {@code point} the
		 * nth time.
		 */
		void watch(String point, int nth, LongPredicate job, Runnable action) {
			this.watches.set(0);
			this.watchedJob = job;
			this.watchedTime = nth;
			this.atWatched = action;
			this.watched = point;
		}

		@Override
		public void reached(String point, long jobId) {
			if (point.equals(this.watched) && this.watchedJob.test(jobId)
					&& this.watches.incrementAndGet() == this.watchedTime) {
				this.atWatched.run();
			}
			if (point.equals(this.point) && jobId == this.job && this.fired.compareAndSet(0, 1)) {
				this.beforeCrash.run();
				throw new SimulatedCrash(point);
			}
		}

	}

}
