package vn.loa.channels.zalo.zns;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.audience.SegmentSpec;
import vn.loa.audience.Segments;
import vn.loa.audience.Subscribers;
import vn.loa.channels.bulk.BulkCheckpoint;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkPacing;
import vn.loa.channels.sms.sandbox.SimulatorInbox;
import vn.loa.channels.zalo.ZaloAccessTokens;
import vn.loa.channels.zalo.ZaloReauthorisationNeeded;
import vn.loa.channels.zalo.ZnsReceipt;
import vn.loa.channels.zalo.zns.sandbox.ZnsInbox;
import vn.loa.channels.zalo.zns.sandbox.ZnsSimulator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ZNS end to end against the simulators, on H2 and on PostgreSQL: an approved item goes
 * to a segment by ZNS with SMS fallback; every reachable recipient gets exactly one of
 * ZNS or SMS, also when a worker dies and another resumes; the preview shows parameters
 * and refuses what Zalo would; the daily quota holds the job or sends SMS; a receipt
 * moves a row to DELIVERED. Each test has its own area and publication.
 */
abstract class ZnsJourney {

	static final String[] PROPERTIES = { "loa.channels.zalo-zns.mode=sandbox",
			"loa.channels.zalo-zns.poll-interval=100ms", "loa.channels.zalo-zns.batch-size=4",
			"loa.channels.zalo-zns.lease=1s", "loa.channels.zalo-zns.rate-per-second=1000",
			"loa.channels.zalo-zns.simulator.callbacks=false", "loa.channels.sms.mode=sandbox",
			"loa.channels.sms.quiet-hours.enabled=false", "loa.channels.sms.rate-per-second=1000",
			"loa.channels.sms.simulator.callbacks=false", "loa.channels.sms.broadcast.poll-interval=100ms" };

	@Autowired
	Subscribers subscribers;

	@Autowired
	BulkJobs jobs;

	@Autowired
	Segments segments;

	@Autowired
	JsonMapper json;

	@Autowired
	ZnsBroadcastWorker worker;

	@Autowired
	ZnsTemplates templates;

	@Autowired
	ZnsSimulator simulator;

	@Autowired
	ZnsInbox znsInbox;

	@Autowired
	SimulatorInbox smsInbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Crashes crashes;

	@Autowired
	TestTokens tokens;

	@Autowired
	vn.loa.publishing.PublicationService publications;

	private String area;

	private List<String> phones;

	@BeforeEach
	void segment() {
		this.simulator.reset();
		this.worker.forgetWaits();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.area = "Z" + random.nextInt(10_000_000, 99_999_999);
		int base = random.nextInt(0, 9_000_000);
		this.phones = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String phone = "+8491" + String.format("%07d", base + i);
			this.subscribers.subscribe(phone, this.area, List.of(), "vi", "test");
			this.phones.add(phone);
		}
	}

	@AfterEach
	void reset() {
		this.tokens.connect();
		this.simulator.reset();
		this.worker.forgetWaits();
		this.crashes.point = null;
	}

	@Test
	void approvedItemGoesByZnsWithSmsFallbackExactlyOnePerRecipient() throws Exception {
		List<String> noZalo = List.of(this.phones.get(1), this.phones.get(4), this.phones.get(7));
		String refused = this.phones.get(8);
		String optedOut = this.phones.get(9);
		noZalo.forEach(this.simulator::noZalo);
		this.simulator.refusedByOwner(refused);
		this.subscribers.optOut(optedOut, "test");
		long content = approvedItem("Tiếp nhận hồ sơ trực tuyến " + ThreadLocalRandom.current().nextInt(1_000_000));
		// The target is a saved segment's name, as for SMS.
		String segment = "Phường " + this.area;
		this.segments.create(segment, List.of(this.area), null);
		String unknown = "Không có " + this.area;
		as("approver", "APPROVER",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content(publication(content, unknown, Map.of())))
			.andExpect(status().isBadRequest())
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains(unknown));

		long publication = publish(content, segment, Map.of("zalo.fallback", "sms", "sms.diacritics", "false"));

		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(statuses(publication, "sms")).as(() -> this.jdbc
				.queryForList("select channel, target, status, error_code, error_message from delivery where "
						+ "publication_id = ?", publication)
				.toString()).containsEntry("SENT", 4L));
		assertThat(statuses(publication, "zalo-zns")).containsEntry("SENT", 5L)
			.containsEntry("PERMANENT_FAILURE", 4L)
			.containsEntry("SKIPPED", 1L);
		for (String phone : noZalo) {
			assertThat(row(publication, "zalo-zns", phone)).containsEntry("error_code", "-118");
		}
		assertThat(row(publication, "zalo-zns", refused)).containsEntry("error_code", "-141");
		assertExactlyOnePerReachableRecipient(publication, 9);
		assertThat(this.smsInbox.receivedBy(noZalo.get(0)).get(0).body()).contains("Tiep nhan ho so truc tuyen");
		ZnsInbox.Received zns = this.znsInbox.receivedBy(this.phones.get(0)).get(0);
		assertThat(zns.templateId()).isEqualTo("355330");
		assertThat(zns.data().get("ten_thong_bao")).startsWith("Tiếp nhận hồ sơ trực tuyến");
		Map<String, Object> sent = row(publication, "zalo-zns", this.phones.get(0));
		assertThat(zns.trackingId()).isEqualTo(String.valueOf(sent.get("id")));
		assertThat(sent.get("provider_reference")).isEqualTo(zns.msgId());
		assertThat(this.znsInbox.receivedBy(optedOut)).isEmpty();
		assertThat(this.smsInbox.receivedBy(optedOut)).isEmpty();
	}

	@Test
	void anOaConnectedOnAnotherNodeResumesTheJobsWaitingHere() {
		// Zalo refused the refresh: the job waits for a usable token, here for five
		// minutes (token-wait) before it looks again by itself.
		this.tokens.refuse();
		long publication = ThreadLocalRandom.current().nextLong(6_000_000_000L, 7_000_000_000L);
		long job = enqueue(publication, true);
		this.worker.run(job, BulkPacing.CHANNEL);
		BulkJob waiting = this.jobs.find(job).orElseThrow();
		assertThat(waiting.state()).isEqualTo(BulkJob.State.WAITING);
		assertThat(waiting.waitReason()).isEqualTo("NEEDS_REAUTHORISATION");
		assertThat(waiting.notBefore()).isAfter(Instant.now().plusSeconds(60));
		for (String phone : this.phones) {
			assertThat(this.znsInbox.receivedBy(phone)).isEmpty();
			assertThat(this.smsInbox.receivedBy(phone)).isEmpty();
		}

		// An admin connects the OA on another node: that node stores the new pair and
		// wakes the waiting jobs in the database. Nothing is said to this node, whose
		// scheduled worker takes the job, sees the new pair and sends.
		this.tokens.connect();
		this.jobs.wake(ZnsChannel.ID, "NEEDS_REAUTHORISATION");

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jobs.find(job).orElseThrow().state() == BulkJob.State.DONE);
		assertThat(statuses(publication, "zalo-zns")).containsEntry("SENT", 10L);
		assertExactlyOnePerReachableRecipient(publication, 10);
	}

	@Test
	void workerDyingAfterRecordingResumesAndSendsEachFallbackOnce() {
		this.phones.subList(0, 5).forEach(this.simulator::noZalo);
		long publication = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
		long job = enqueue(publication, true);
		this.crashes.arm("recorded", job);

		assertThatExceptionOfType(BulkCheckpoint.SimulatedCrash.class)
			.isThrownBy(() -> this.worker.run(job, BulkPacing.CHANNEL));
		assertThat(statuses(publication, "sms")).containsEntry("PENDING", 4L);
		resumeOnceTheLeaseRunsOut(job);

		assertThat(statuses(publication, "zalo-zns")).containsEntry("SENT", 5L).containsEntry("PERMANENT_FAILURE", 5L);
		assertThat(statuses(publication, "sms")).containsEntry("SENT", 5L);
		assertExactlyOnePerReachableRecipient(publication, 10);
	}

	@Test
	void workerDyingBeforeRecordingLeavesUnknownOutcomesAndNoSms() {
		this.phones.subList(0, 5).forEach(this.simulator::noZalo);
		long publication = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
		long job = enqueue(publication, true);
		this.crashes.arm("sent", job);

		assertThatExceptionOfType(BulkCheckpoint.SimulatedCrash.class)
			.isThrownBy(() -> this.worker.run(job, BulkPacing.CHANNEL));
		resumeOnceTheLeaseRunsOut(job);

		// The first batch (4 recipients, all without Zalo) died before its answers were
		// recorded: unknown outcome, neither re-sent nor replaced by SMS.
		assertThat(statuses(publication, "zalo-zns")).containsEntry("TECHNICAL_FAILURE", 4L);
		assertThat(count("select count(*) from delivery where publication_id = ? and channel = 'sms'", publication))
			.isEqualTo(1);
		for (String phone : this.phones) {
			int messages = this.znsInbox.receivedBy(phone).size() + this.smsInbox.receivedBy(phone).size();
			assertThat(messages).as(phone).isLessThanOrEqualTo(1);
		}
	}

	@Test
	void spentDailyQuotaHoldsTheRestOfTheJobUntilTomorrowAndSaysSo() throws Exception {
		this.simulator.dailyQuota(3);
		long publication = publish(approvedItem("Hạn mức ZNS"), "area=" + this.area, Map.of());

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jobs.ofPublication(publication)
				.stream()
				.anyMatch((job) -> job.state() == BulkJob.State.WAITING && "QUOTA".equals(job.waitReason())));
		BulkJob waiting = this.jobs.ofPublication(publication).get(0);
		assertThat(waiting.notBefore()).isAfter(Instant.now());
		assertThat(statuses(publication, "zalo-zns")).containsEntry("SENT", 3L).containsEntry("PENDING", 1L);
		assertThat(count("select count(*) from delivery where publication_id = ? and channel = 'sms'", publication))
			.isZero();

		// The wait shows in the API, on the publication's page and in the channel's
		// health, to the officers of the publication's units (the approver's province,
		// not
		// the editor's department below it).
		as("editor", "EDITOR", get("/api/v1/publications/" + publication + "/jobs")).andExpect(status().isNotFound());
		as("approver", "APPROVER", get("/api/v1/publications/" + publication + "/jobs")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].channel").value("zalo-zns"))
			.andExpect(jsonPath("$[0].state").value("WAITING"))
			.andExpect(jsonPath("$[0].waitReason").value("QUOTA"))
			.andExpect(jsonPath("$[0].resumesAt").isNotEmpty());
		String page = as("admin", "ADMIN", get("/console/publications/" + publication)).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("data-reason=\"QUOTA\"").contains("Hết hạn mức ZNS trong ngày");
		as("admin", "ADMIN", get("/actuator/health"))
			.andExpect(jsonPath("$.components.channels.details['zalo-zns'].detail")
				.value(org.hamcrest.Matchers.startsWith("QUOTA")));
	}

	@Test
	void spentDailyQuotaSendsTheRestBySmsWhenThePublicationSaysSo() {
		this.simulator.dailyQuota(3);
		long publication = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
		long job = enqueue(publication, true);

		this.worker.run(job, BulkPacing.CHANNEL);

		assertThat(this.jobs.find(job).orElseThrow().state()).isEqualTo(BulkJob.State.DONE);
		assertThat(statuses(publication, "zalo-zns")).containsEntry("SENT", 3L).containsEntry("PERMANENT_FAILURE", 7L);
		assertThat(statuses(publication, "sms")).containsEntry("SENT", 7L);
		assertExactlyOnePerReachableRecipient(publication, 10);
	}

	@Test
	void previewShowsEachParameterAndRefusesWhatZaloWould() throws Exception {
		long content = approvedItem("Lịch tiếp công dân tháng 12");
		as("editor", "EDITOR", get("/api/v1/contents/" + content + "/renditions/zalo-zns")).andExpect(status().isOk())
			.andExpect(jsonPath("$.metrics.templateId").value("355330"))
			.andExpect(jsonPath("$.metrics.templateStatus").value("ENABLED"))
			.andExpect(jsonPath("$.metrics.params[0].name").value("ten_thong_bao"))
			.andExpect(jsonPath("$.metrics.params[0].value").value("Lịch tiếp công dân tháng 12"))
			.andExpect(jsonPath("$.metrics.params[0].maxLength").value(120))
			.andExpect(jsonPath("$.metrics.params[3].value").value("0258 3822 222"));

		long tooLong = approvedItem("Thông báo " + "rất dài ".repeat(20));
		as("editor", "EDITOR", get("/api/v1/contents/" + tooLong + "/renditions/zalo-zns"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("params.ten_thong_bao"));

		Map<String, String> params = new LinkedHashMap<>();
		params.put("ten_thong_bao", "Thông báo");
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.templates.check(new ZnsTemplates.Mapping("355331", params)))
			.satisfies((ex) -> assertThat(ex.getBody().getProperties()).extractingByKey("errors")
				.asString()
				.contains("field=template_id"))
			.withMessageContaining("DISABLED");
	}

	@Test
	void receiptMovesTheRowToDelivered() {
		long publication = ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
		long job = enqueue(publication, false);
		this.worker.run(job, BulkPacing.CHANNEL);
		Map<String, Object> sent = row(publication, "zalo-zns", this.phones.get(2));
		Map<String, Object> other = row(publication, "zalo-zns", this.phones.get(3));

		this.events.publishEvent(
				new ZnsReceipt((String) sent.get("provider_reference"), String.valueOf(sent.get("id")), Instant.now()));
		this.events.publishEvent(new ZnsReceipt("unknown-msg-id", String.valueOf(other.get("id")), Instant.now()));

		assertThat(row(publication, "zalo-zns", this.phones.get(2))).containsEntry("status", "DELIVERED");
		assertThat(row(publication, "zalo-zns", this.phones.get(3))).containsEntry("status", "DELIVERED");
	}

	@Test
	void approversRetryOnlyTheSafeBroadcastRowsAndEachOnceWhenTwoAskAtOnce() throws Exception {
		List<String> noZalo = List.of(this.phones.get(1), this.phones.get(4));
		noZalo.forEach(this.simulator::noZalo);
		long publication = publish(approvedItem("Gửi lại tin ZNS " + ThreadLocalRandom.current().nextInt(1_000_000)),
				"area=" + this.area, Map.of("zalo.fallback", "sms", "sms.diacritics", "false"));
		await().atMost(Duration.ofSeconds(90))
			.until(() -> !this.jobs.ofPublication(publication).isEmpty()
					&& this.jobs.ofPublication(publication)
						.stream()
						.allMatch((job) -> job.state() == BulkJob.State.DONE)
					&& statuses(publication, "sms").getOrDefault("SENT", 0L) == 2);
		// What the providers answered, row by row: two ZNS rows and one fallback SMS
		// never
		// reached their provider or were refused for now; the others may have been taken,
		// or fell back to SMS.
		String safeConnect = this.phones.get(0);
		String safeTemporary = this.phones.get(2);
		String unknown = this.phones.get(3);
		String transport = this.phones.get(5);
		String accepted = this.phones.get(6);
		String fellBack = this.phones.get(1);
		String fallbackSms = this.phones.get(4);
		setRow(publication, "zalo-zns", safeConnect, "TECHNICAL_FAILURE", "ConnectException", true);
		setRow(publication, "zalo-zns", safeTemporary, "TEMPORARY_FAILURE", "-999", true);
		setRow(publication, "zalo-zns", unknown, "TECHNICAL_FAILURE", "OUTCOME_UNKNOWN", true);
		setRow(publication, "zalo-zns", transport, "TECHNICAL_FAILURE", "HTTP", true);
		setRow(publication, "zalo-zns", accepted, "TEMPORARY_FAILURE", "-999", false);
		setRow(publication, "zalo-zns", fellBack, "TEMPORARY_FAILURE", "-118", true);
		setRow(publication, "sms", fallbackSms, "TECHNICAL_FAILURE", "ConnectException", true);
		// someone joins the segment after the broadcast: a retry is no new broadcast
		String newcomer = "+8492" + String.format("%07d", ThreadLocalRandom.current().nextInt(0, 9_999_999));
		this.subscribers.subscribe(newcomer, this.area, List.of(), "vi", "test");
		Map<String, Integer> before = new LinkedHashMap<>();
		for (String phone : this.phones) {
			before.put(phone, this.znsInbox.receivedBy(phone).size() + this.smsInbox.receivedBy(phone).size());
		}

		assertThat(this.publications.retryable(publication)).extracting((d) -> d.channel() + " " + d.target())
			.containsExactlyInAnyOrder("zalo-zns " + safeConnect, "zalo-zns " + safeTemporary, "sms " + fallbackSms);
		String page = as("approver", "APPROVER", get("/console/publications/" + publication)).andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"retry-publication\"").contains("Gửi lại 3 dòng lỗi");

		// Two approvers at once, one through the API: each row is reopened by one of
		// them.
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.CompletableFuture<Integer> first = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> {
				meet(together);
				try {
					String answer = as("approver-a", "APPROVER", post("/api/v1/publications/" + publication + "/retry"))
						.andReturn()
						.getResponse()
						.getContentAsString();
					return answer.contains("retried") ? JsonPath.<Integer>read(answer, "$.retried") : 0;
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		java.util.concurrent.CompletableFuture<Integer> second = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> {
				meet(together);
				try {
					return this.publications.retry(publication, "approver-b");
				}
				catch (ErrorResponseException nothingLeft) {
					return 0;
				}
			});
		assertThat(first.get() + second.get()).isEqualTo(3);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(List.of(row(publication, "zalo-zns", safeConnect).get("status"),
					row(publication, "zalo-zns", safeTemporary).get("status"),
					row(publication, "sms", fallbackSms).get("status")))
				.containsOnly("SENT"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jobs.ofPublication(publication)
				.stream()
				.allMatch((job) -> job.state() == BulkJob.State.DONE));
		for (String phone : this.phones) {
			int now = this.znsInbox.receivedBy(phone).size() + this.smsInbox.receivedBy(phone).size();
			boolean retried = phone.equals(safeConnect) || phone.equals(safeTemporary) || phone.equals(fallbackSms);
			assertThat(now).as(phone).isEqualTo(before.get(phone) + (retried ? 1 : 0));
		}
		assertThat(this.smsInbox.receivedBy(fallbackSms).get(this.smsInbox.receivedBy(fallbackSms).size() - 1).body())
			.contains("Gui lai tin ZNS");
		assertThat(row(publication, "zalo-zns", unknown)).containsEntry("status", "TECHNICAL_FAILURE")
			.containsEntry("error_code", "OUTCOME_UNKNOWN");
		assertThat(row(publication, "zalo-zns", transport)).containsEntry("error_code", "HTTP");
		assertThat(row(publication, "zalo-zns", accepted)).containsEntry("status", "TEMPORARY_FAILURE");
		assertThat(row(publication, "zalo-zns", fellBack)).containsEntry("status", "TEMPORARY_FAILURE");
		assertThat(count("select count(*) from delivery where publication_id = ? and target = '" + newcomer + "'",
				publication))
			.isZero();
		// each retried row's history says who asked, once; the publication's how many
		for (Map<String, Object> retried : List.of(row(publication, "zalo-zns", safeConnect),
				row(publication, "zalo-zns", safeTemporary), row(publication, "sms", fallbackSms))) {
			assertThat(this.jdbc.queryForList(
					"select actor from delivery_event where delivery_id = ? and action = " + "'RETRY_REQUESTED'",
					String.class, retried.get("id")))
				.singleElement()
				.isIn("approver-a", "approver-b");
			assertThat(retried.get("attempts")).isEqualTo(2);
		}
		assertThat(this.jdbc.queryForList("select detail from audit_event where subject_type = 'publication' and "
				+ "subject_id = ? and action = 'RETRIED'", String.class, publication))
			.isNotEmpty()
			.allSatisfy((detail) -> assertThat(detail).contains("broadcast recipients"));
		as("approver", "APPROVER", post("/api/v1/publications/" + publication + "/retry"))
			.andExpect(status().isConflict());
	}

	@Test
	void anAdminSendsATestZnsFromTheChannelsPageThroughTheZnsClient() throws Exception {
		String phone = this.phones.get(0);
		as("admin", "ADMIN", post("/console/channels/zalo-zns/test").param("to", phone))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "notice.testSent"))
			.andExpect(flash().attribute("testSandboxPage", "/sandbox/zalo/" + phone));
		ZnsInbox.Received test = this.znsInbox.receivedBy(phone).get(0);
		assertThat(test.templateId()).isEqualTo("355330");
		assertThat(test.data().get("ten_thong_bao")).startsWith("Loa: tin thử kênh zalo-zns");
		assertThat(test.data()).containsKeys("noi_dung", "duong_dan", "hotline", "co_quan");
		// Zalo's refusal is shown in its own words
		this.simulator.noZalo(this.phones.get(1));
		as("admin", "ADMIN", post("/console/channels/zalo-zns/test").param("to", this.phones.get(1)))
			.andExpect(flash().attributeExists("failure"));
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where subject_type = 'channel-test' and " + "detail like ?",
				String.class, "zalo-zns → " + this.phones.get(1) + "%"))
			.containsExactly("TEST_FAILED");
	}

	private static void meet(java.util.concurrent.CyclicBarrier barrier) {
		try {
			barrier.await(10, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Sets what the provider answered for one row, with or without its reference. */
	private void setRow(long publication, String channel, String phone, String status, String code,
			boolean dropReference) {
		assertThat(this.jdbc.update(
				"update delivery set status = ?, error_code = ?, error_message = 'test', provider_reference = "
						+ (dropReference ? "null" : "coalesce(provider_reference, 'ref')")
						+ " where publication_id = ? and channel = ? and target = ?",
				status, code, publication, channel, phone))
			.isOne();
	}

	/** Another run takes the job once the dead run's lease has run out, and ends it. */
	private void resumeOnceTheLeaseRunsOut(long job) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			this.worker.run(job, BulkPacing.CHANNEL);
			return this.jobs.find(job).orElseThrow().state() == BulkJob.State.DONE;
		});
	}

	private void assertExactlyOnePerReachableRecipient(long publication, int reachable) {
		int reached = 0;
		for (String phone : this.phones) {
			int zns = this.znsInbox.receivedBy(phone).size();
			int sms = this.smsInbox.receivedBy(phone).size();
			assertThat(zns + sms).as(phone).isLessThanOrEqualTo(1);
			reached += zns + sms;
			Map<String, Object> znsRow = row(publication, "zalo-zns", phone);
			if (sms == 1) {
				Map<String, Object> smsRow = row(publication, "sms", phone);
				assertThat(smsRow.get("replaces_id")).as(phone).isEqualTo(znsRow.get("id"));
				assertThat(znsRow.get("status")).isEqualTo("PERMANENT_FAILURE");
			}
		}
		assertThat(reached).isEqualTo(reachable);
		assertThat(count("select count(*) - count(distinct target) from delivery where publication_id = ? and "
				+ "channel = 'sms'", publication))
			.isZero();
	}

	private long enqueue(long publication, boolean fallback) {
		return this.jobs.enqueue(ZnsChannel.ID, publication, "area=" + this.area, SegmentSpec.of(null, this.area),
				payload(fallback ? "Thong bao: nop ho so truc tuyen" : null).toJson(), "v1", false,
				Instant.now().plusSeconds(3600));
	}

	/** What a job sends: template 355330, and the fallback SMS when there is one. */
	static ZnsPayload payload(String fallbackSms) {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("ten_thong_bao", "Thông báo");
		data.put("noi_dung", "Nộp hồ sơ trực tuyến");
		data.put("duong_dan", "https://loa.example.gov.vn/s/abc");
		data.put("hotline", "0258 3822 222");
		data.put("co_quan", "Sở Nội vụ");
		return new ZnsPayload("355330", data, fallbackSms != null, fallbackSms, (fallbackSms != null) ? "v1" : null);
	}

	/** {@link #PROPERTIES} for a test context. */
	static void register(DynamicPropertyRegistry registry) {
		for (String property : PROPERTIES) {
			String[] pair = property.split("=", 2);
			registry.add(pair[0], () -> pair[1]);
		}
	}

	private long approvedItem(String title) throws Exception {
		String json = "{\"title\":\"" + title + "\",\"summary\":\"Không cần đến cơ quan\",\"body\":\"Từ ngày "
				+ "01/12 người dân có thể nộp hồ sơ trực tuyến.\",\"topic\":\"dich-vu-cong\",\"audiences\":"
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

	private long publish(long content, String target, Map<String, String> options) throws Exception {
		String created = as("approver", "APPROVER",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content(publication(content, target, options)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	private String publication(long content, String target, Map<String, String> options) throws Exception {
		return this.json.writeValueAsString(Map.of("contentId", content, "targets",
				List.of(Map.of("channel", "zalo-zns", "target", target)), "options", options));
	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

	private Map<String, Long> statuses(long publication, String channel) {
		Map<String, Long> statuses = new LinkedHashMap<>();
		this.jdbc.query(
				"select status, count(*) from delivery where publication_id = ? and channel = ? group by " + "status",
				(rs) -> {
					statuses.put(rs.getString(1), rs.getLong(2));
				}, publication, channel);
		return statuses;
	}

	private Map<String, Object> row(long publication, String channel, String phone) {
		return this.jdbc.queryForMap(
				"select id, status, attempts, error_code, provider_reference, replaces_id from "
						+ "delivery where publication_id = ? and channel = ? and target = ?",
				publication, channel, phone);
	}

	private long count(String sql, long publication) {
		return this.jdbc.queryForObject(sql, Long.class, publication);
	}

	@TestConfiguration
	static class ZnsTestConfiguration {

		/**
		 * Stands in for the OA token store; the simulator takes any token it has not
		 * refused.
		 */
		@Bean
		@Primary
		TestTokens testZaloAccessTokens() {
			return new TestTokens();
		}

		@Bean
		Crashes crashes() {
			return new Crashes();
		}

	}

	/**
	 * The shared OA token store as every node sees it: usable, or refused until an admin
	 * connects the OA again (on any node), which moves its generation on.
	 */
	static class TestTokens implements ZaloAccessTokens {

		private volatile boolean refused;

		private final AtomicLong generation = new AtomicLong(1);

		@Override
		public String accessToken() {
			if (this.refused) {
				throw new ZaloReauthorisationNeeded("Zalo OA cần được kết nối lại", this.generation.get());
			}
			return "test-oa-access-token";
		}

		@Override
		public long generation() {
			return this.generation.get();
		}

		/** Zalo refused the refresh: the store says NEEDS_REAUTHORISATION. */
		void refuse() {
			this.refused = true;
			this.generation.incrementAndGet();
		}

		/** An admin connected the OA, on whichever node: a new pair is stored. */
		void connect() {
			this.refused = false;
			this.generation.incrementAndGet();
		}

	}

	/**
	 * Kills the worker once at the armed point of the armed job, as a dying node would.
	 */
	static class Crashes implements BulkCheckpoint {

		volatile String point;

		volatile long job;

		final AtomicInteger fired = new AtomicInteger();

		void arm(String point, long job) {
			this.fired.set(0);
			this.job = job;
			this.point = point;
		}

		@Override
		public void reached(String point, long jobId) {
			if (point.equals(this.point) && jobId == this.job && this.fired.compareAndSet(0, 1)) {
				throw new SimulatedCrash(point);
			}
		}

	}

}
