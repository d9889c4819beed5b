package vn.loa.publishing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One content item the whole way: written, reviewed, approved by someone else, published,
 * recorded in the delivery log. Runs on H2 and on the local PostgreSQL.
 */
abstract class PublishingJourney {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicationScheduler scheduler;

	@Autowired
	PublicationService publications;

	@Test
	void anItemIsWrittenApprovedPublishedAndLogged() throws Exception {
		long id = approvedItem("Hướng dẫn nộp hồ sơ trực tuyến " + UUID.randomUUID());

		String created = as("editor", "EDITOR",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + id + ",\"targets\":[{\"channel\":\"portal\"}]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("AWAITING_APPROVAL"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long publication = ((Number) JsonPath.read(created, "$.id")).longValue();

		as("editor", "EDITOR", post("/api/v1/publications/" + publication + "/approve"))
			.andExpect(status().isForbidden());
		as("approver", "APPROVER", post("/api/v1/publications/" + publication + "/approve")).andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> as("editor", "EDITOR", get("/api/v1/publications/" + publication))
				.andExpect(jsonPath("$.state").value("DISPATCHED")));
		as("editor", "EDITOR", get("/api/v1/publications/" + publication + "/deliveries"))
			.andExpect(jsonPath("$[0].channel").value("portal"))
			.andExpect(jsonPath("$[0].status").value("SENT"))
			.andExpect(jsonPath("$[0].templateVersion").isNotEmpty())
			.andExpect(jsonPath("$[0].providerUrl").value(containsString("/portal/articles/")));
		as("editor", "EDITOR", get("/api/v1/publications/" + publication + "/progress"))
			.andExpect(jsonPath("$.portal.SENT").value(1));
		as("editor", "EDITOR", get("/api/v1/publications/" + publication + "/deliveries.csv"))
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(content().string(containsString(",portal,portal,SENT,")));
		as("editor", "EDITOR", get("/api/v1/contents/" + id)).andExpect(jsonPath("$.state").value("PUBLISHED"));
		as("editor", "EDITOR", get("/api/v1/contents/" + id + "/history")).andExpect(jsonPath("$[*].action")
			.value(org.hamcrest.Matchers.contains("CREATED", "SUBMITTED", "APPROVED", "PUBLISHED")));
	}

	@Test
	void anAuthorCannotApproveTheirOwnContent() throws Exception {
		long id = createItem("Bài của lãnh đạo " + UUID.randomUUID(), "approver", "APPROVER");
		as("approver", "APPROVER", post("/api/v1/contents/" + id + "/submit")).andExpect(status().isOk());
		as("approver", "APPROVER", post("/api/v1/contents/" + id + "/approve")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("someone else")));
		as("editor", "EDITOR", post("/api/v1/contents/" + id + "/approve")).andExpect(status().isForbidden());
	}

	@Test
	void aScheduledPublicationFiresOnceWhenDueAndCanBeCancelledBefore() throws Exception {
		long id = approvedItem("Lịch đăng bài " + UUID.randomUUID());
		String later = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(1).toString();
		long cancelled = publication(id, later);
		as("approver", "APPROVER", post("/api/v1/publications/" + cancelled + "/cancel"))
			.andExpect(jsonPath("$.state").value("CANCELLED"));
		as("approver", "APPROVER", post("/api/v1/publications/" + cancelled + "/cancel"))
			.andExpect(status().isConflict());

		long due = publication(id, OffsetDateTime.now(ZoneOffset.ofHours(7)).plusSeconds(2).toString());
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			this.scheduler.fireDue();
			assertThat(state(due)).isEqualTo("DISPATCHED");
		});
		this.scheduler.fireDue();
		assertThat(this.jdbc.sql("select count(*) from delivery where publication_id = :id")
			.param("id", due)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(state(cancelled)).isEqualTo("CANCELLED");
	}

	@Test
	void aPublicationNotSentYetCanBeRescheduledAndOneSentCannot() throws Exception {
		long id = approvedItem("Đổi giờ đăng " + UUID.randomUUID());
		long publication = publication(id, OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(1).toString());
		OffsetDateTime later = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(2).withNano(0);

		as("approver", "APPROVER",
				post("/api/v1/publications/" + publication + "/reschedule").contentType(MediaType.APPLICATION_JSON)
					.content("{\"scheduledAt\":\"" + later + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("SCHEDULED"))
			.andExpect(jsonPath("$.scheduledAt").value(later.toInstant().toString()));
		assertThat(this.publications.history(publication)).anySatisfy((event) -> {
			assertThat(event.action()).isEqualTo("RESCHEDULED");
			assertThat(event.actor()).isEqualTo("approver");
		});
		as("approver", "APPROVER",
				post("/api/v1/publications/" + publication + "/reschedule").contentType(MediaType.APPLICATION_JSON)
					.content("{\"scheduledAt\":\"2020-01-01T08:00:00+07:00\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("scheduledAt"));

		// Moved to now, it fires at once; then it can be moved no more.
		as("approver", "APPROVER",
				post("/api/v1/publications/" + publication + "/reschedule").contentType(MediaType.APPLICATION_JSON)
					.content("{\"scheduledAt\":\"" + OffsetDateTime.now(ZoneOffset.ofHours(7)) + "\"}"))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(state(publication)).isEqualTo("DISPATCHED"));
		as("approver", "APPROVER",
				post("/api/v1/publications/" + publication + "/reschedule").contentType(MediaType.APPLICATION_JSON)
					.content("{\"scheduledAt\":\"" + later + "\"}"))
			.andExpect(status().isConflict());
	}

	@Test
	void badPublicationsAreRefusedWithTheFieldNamedAndNothingWritten() throws Exception {
		long approved = approvedItem("Thông báo " + UUID.randomUUID());
		long draft = createItem("Bản nháp " + UUID.randomUUID(), "editor", "EDITOR");
		long before = count("publication");

		as("approver", "APPROVER",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + approved + ",\"targets\":[{\"channel\":\"pigeon\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("targets[0].channel"));
		as("approver", "APPROVER",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + approved + ",\"targets\":[{\"channel\":\"portal\"}],"
							+ "\"scheduledAt\":\"2020-01-01T08:00:00+07:00\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("scheduledAt"));
		as("approver", "APPROVER",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + draft + ",\"targets\":[{\"channel\":\"portal\"}]}"))
			.andExpect(status().isConflict());
		as("approver", "APPROVER",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + approved + ",\"targets\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("targets"));
		as("editor", "EDITOR",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + approved + ",\"targets\":[{\"channel\":\"portal\"}],\"urgent\":true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("urgent"));
		assertThat(count("publication")).isEqualTo(before);
	}

	@Test
	void badContentIsRefusedWithTheFieldNamed() throws Exception {
		long before = count("content_item");
		as("editor", "EDITOR",
				post("/api/v1/contents").contentType(MediaType.APPLICATION_JSON)
					.content("{\"title\":\"\",\"body\":\"Nội dung\",\"topic\":\"cchc\",\"audiences\":[],\"areas\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		as("editor", "EDITOR",
				post("/api/v1/contents").contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Thiếu ngoặc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Malformed request"));
		String huge = "a".repeat(5 * 1024 * 1024);
		as("editor", "EDITOR",
				post("/api/v1/contents").contentType(MediaType.APPLICATION_JSON)
					.content("{\"title\":\"Dài\",\"body\":\"" + huge
							+ "\",\"topic\":\"cchc\",\"audiences\":[],\"areas\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		assertThat(count("content_item")).isEqualTo(before);
	}

	@Test
	void scriptInTheBodyNeverReachesThePortal() throws Exception {
		long id = createItem("An toàn " + UUID.randomUUID(), "editor", "EDITOR",
				"Xin chào <script>alert(1)</script> <img src=x onerror=alert(2)> [liên kết](javascript:alert(3))");
		as("editor", "EDITOR", get("/api/v1/contents/" + id + "/renditions/portal")).andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.not(containsString("<script"))))
			.andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.not(containsString("onerror"))))
			.andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.not(containsString("javascript:"))))
			.andExpect(jsonPath("$.text").value(containsString("Xin chào")));
	}

	long approvedItem(String title) throws Exception {
		long id = createItem(title, "editor", "EDITOR");
		as("editor", "EDITOR", post("/api/v1/contents/" + id + "/submit")).andExpect(status().isOk());
		as("approver", "APPROVER", post("/api/v1/contents/" + id + "/approve")).andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"));
		return id;
	}

	long createItem(String title, String user, String role) throws Exception {
		return createItem(title, user, role,
				"UBND tỉnh triển khai **dịch vụ công trực tuyến** mức độ 3, 4 từ ngày 01/7/2021.");
	}

	long createItem(String title, String user, String role, String body) throws Exception {
		String json = "{\"title\":\"" + title + "\",\"summary\":\"Tóm tắt\",\"body\":\"" + body.replace("\"", "\\\"")
				+ "\",\"topic\":\"dich-vu-cong\",\"audiences\":[\"CITIZENS_AND_BUSINESSES\"],\"areas\":[\"56\"],"
				+ "\"links\":[{\"title\":\"Cổng DVC\",\"url\":\"https://dichvucong.example.vn\"}]}";
		String answer = as(user, role, post("/api/v1/contents").contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(answer, "$.id")).longValue();
	}

	long publication(long contentId, String at) throws Exception {
		String answer = as("approver", "APPROVER",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + contentId
							+ ",\"targets\":[{\"channel\":\"portal\"}],\"scheduledAt\":\"" + at + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("SCHEDULED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(answer, "$.id")).longValue();
	}

	String state(long publication) {
		return this.jdbc.sql("select state from publication where id = :id")
			.param("id", publication)
			.query(String.class)
			.single();
	}

	long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

}
