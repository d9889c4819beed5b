package vn.loa.channels.wordpress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.client.RestClient;

import vn.loa.channels.ArticleText;
import vn.loa.channels.ChannelDescriptor;
import vn.loa.publishing.PublicationService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What Loa's WordPress channel must get from a WordPress site, asserted through Loa's own
 * API against the simulator ({@link WordPressSimulatorContractTests}) and against a real
 * WordPress ({@link WordPressLiveContractTests}), so that the simulator cannot drift from
 * what live runs meet. Four sites are configured: {@value #ADMIN} (an administrator, who
 * may post unfiltered HTML, pretty permalinks), {@value #WRONG} (a wrong application
 * password), {@value #AUTHOR} (an author, whose text WordPress filters with kses) and
 * {@value #PLAIN} (plain permalinks). The sites' own time zone is Asia/Tokyo, Loa's is
 * Asia/Ho_Chi_Minh.
 */
abstract class WordPressContract {

	static final String ADMIN = "so-noi-vu";

	static final String WRONG = "sai-mat-khau";

	static final String AUTHOR = "tac-gia";

	static final String PLAIN = "trang-thuong";

	static final ZoneId SITE_ZONE = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("wordpressDescriptor")
	ChannelDescriptor wordpress;

	@Autowired
	PublicationService publications;

	/** The REST API root of a configured site, as the test reads it. */
	abstract String apiRoot(String site);

	/** The administrator's {@code user:application password} on the site. */
	abstract String adminCredentials(String site);

	@Test
	void markupInTitleAndSummaryArrivesEscapedAndTheBodySanitised() throws Exception {
		String title = "Lịch tiếp dân <img src=x onerror=alert(1)> & \"giờ\" " + unique();
		String summary = "Tóm tắt <script>alert(2)</script> của Sở";
		long contentId = approvedItem(title, summary,
				"Nội dung **quan trọng** <script>alert(3)</script> <img src=x onerror=alert(4)>");

		JsonNode row = published(contentId, ADMIN, Map.of());

		assertThat(row.path("status").asString()).isEqualTo("SENT");
		assertThat(row.path("providerStatus").asInt()).isEqualTo(201);
		assertThat(row.path("attempts").asInt()).isEqualTo(1);
		JsonNode post = wpPost(ADMIN, row.path("providerReference").asLong());
		assertThat(post.path("status").asString()).isEqualTo("publish");
		assertThat(post.path("title").path("raw").asString()).isEqualTo(ArticleText.html(title));
		assertThat(post.path("title").path("rendered").asString()).doesNotContain("<img").doesNotContain("<script");
		assertThat(post.path("excerpt").path("raw").asString()).isEqualTo(ArticleText.html(summary));
		assertThat(post.path("excerpt").path("rendered").asString()).doesNotContain("<script");
		assertThat(post.path("content").path("raw").asString()).contains("<strong>quan trọng</strong>")
			.doesNotContain("<script")
			.doesNotContain("onerror=");
		// A published post on a site with pretty permalinks has its pretty link.
		assertThat(row.path("providerUrl").asString()).isEqualTo(post.path("link").asString()).doesNotContain("?p=");
	}

	@Test
	void anAuthorAccountFilteredByKsesKeepsTheEscapedText() throws Exception {
		String title = "Tác giả <b>đậm</b> & 'nháy' " + unique();
		long contentId = approvedItem(title, "Tóm tắt <i>nghiêng</i>", "Nội dung **rõ ràng**.");

		JsonNode row = published(contentId, AUTHOR, Map.of());

		assertThat(row.path("status").asString()).isEqualTo("SENT");
		JsonNode post = wpPost(AUTHOR, row.path("providerReference").asLong());
		assertThat(post.path("title").path("raw").asString()).isEqualTo(ArticleText.html(title));
		assertThat(post.path("excerpt").path("raw").asString()).isEqualTo(ArticleText.html("Tóm tắt <i>nghiêng</i>"));
		assertThat(post.path("content").path("raw").asString()).contains("<strong>rõ ràng</strong>");
	}

	@Test
	void aPublicationScheduledAheadIsAFuturePostThatFollowsRescheduleAndCancel() throws Exception {
		String title = "Lịch tiếp công dân tháng 12 " + unique();
		long contentId = approvedItem(title, "Lịch tiếp công dân định kỳ.", "Nội dung lịch tiếp.");
		Instant at = Instant.now().plus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

		long publication = publication(contentId, ADMIN, at, Map.of());
		// Handed over at approval, not when the time comes.
		JsonNode row = awaitRow(publication, ADMIN);
		assertThat(row.path("status").asString()).isEqualTo("SENT");
		long postId = row.path("providerReference").asLong();
		JsonNode post = wpPost(ADMIN, postId);
		assertThat(post.path("status").asString()).isEqualTo("future");
		assertThat(post.path("date_gmt").asString()).isEqualTo(gmt(at));
		// The site reads the time in its own zone, whatever Loa's is.
		assertThat(post.path("date").asString()).isEqualTo(local(at));

		Instant later = at.plus(40, ChronoUnit.MINUTES);
		as("approver", "APPROVER",
				post("/api/v1/publications/" + publication + "/reschedule").contentType(MediaType.APPLICATION_JSON)
					.content("{\"scheduledAt\":\"" + OffsetDateTime.ofInstant(later, ZoneOffset.ofHours(7)) + "\"}"))
			.andExpect(status().isOk());
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(wpPost(ADMIN, postId).path("date_gmt").asString()).isEqualTo(gmt(later)));
		assertThat(wpPost(ADMIN, postId).path("status").asString()).isEqualTo("future");

		as("approver", "APPROVER", post("/api/v1/publications/" + publication + "/cancel")).andExpect(status().isOk());
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(wpPost(ADMIN, postId).path("status").asString()).isEqualTo("trash"));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(row(publication, ADMIN).path("status").asString()).isEqualTo("SKIPPED"));
	}

	@Test
	void aPublishedPostStaysOnTheSiteUntilANewerPublicationScheduledAheadFires() throws Exception {
		long contentId = approvedItem("Bài đã đăng " + unique(), "Tóm tắt.", "Nội dung đầu.");
		long postId = published(contentId, ADMIN, Map.of()).path("providerReference").asLong();
		revise(contentId, "Bài sửa hẹn giờ " + unique(), "Nội dung mới.");

		long publication = publication(contentId, ADMIN, Instant.now().plus(40, ChronoUnit.MINUTES), Map.of());

		// WordPress would take the published post off the site until the new time.
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.publications.history(publication))
				.anySatisfy((event) -> assertThat(event.action()).isEqualTo("HANDED_AHEAD")));
		assertThat(row(publication, ADMIN)).isNull();
		assertThat(wpPost(ADMIN, postId).path("status").asString()).isEqualTo("publish");
		assertThat(wpPost(ADMIN, postId).path("content").path("raw").asString()).contains("Nội dung đầu.");
	}

	@Test
	void withdrawingTheItemTrashesThePostAndKeepsItsTrashLink() throws Exception {
		long contentId = approvedItem("Thông báo sẽ rút " + unique(), "Tóm tắt.", "Nội dung.");
		JsonNode row = published(contentId, ADMIN, Map.of());
		long postId = row.path("providerReference").asLong();

		as("approver", "APPROVER", post("/api/v1/contents/" + contentId + "/withdraw")).andExpect(status().isOk());

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(wpPost(ADMIN, postId).path("status").asString()).isEqualTo("trash"));
		JsonNode trashed = wpPost(ADMIN, postId);
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode remembered = wordPressPosts(contentId).get(0);
			assertThat(remembered.path("trashedAt").isNull()).isFalse();
			// WordPress takes the pretty link away in the trash; Loa keeps what it gives.
			assertThat(remembered.path("link").asString()).isEqualTo(trashed.path("link").asString())
				.contains("?p=" + postId)
				.isNotEqualTo(row.path("providerUrl").asString());
		});
	}

	@Test
	void aWrongApplicationPasswordIs401OnTheRowAndTheChannelIsDown() throws Exception {
		long contentId = approvedItem("Sai mật khẩu " + unique(), "Tóm tắt.", "Nội dung.");

		JsonNode row = published(contentId, WRONG, Map.of());

		assertThat(row.path("status").asString()).isEqualTo("PERMANENT_FAILURE");
		assertThat(row.path("providerStatus").asInt()).isEqualTo(401);
		assertThat(row.path("errorCode").asString()).isEqualTo("rest_cannot_create");
		assertThat(row.path("errorMessage").asString())
			.isEqualTo("Sorry, you are not allowed to create posts as this user.");
		await().atMost(PATIENCE).untilAsserted(() -> {
			ChannelDescriptor.ChannelHealth health = this.wordpress.health();
			assertThat(health.up()).isFalse();
			assertThat(health.detail())
				.contains(WRONG + ": WordPress không nhận tên người dùng hoặc mật khẩu ứng dụng (401")
				.doesNotContain(ADMIN + ":")
				.doesNotContain(AUTHOR + ":")
				.doesNotContain(PLAIN + ":");
		});
	}

	@Test
	void aSiteWithPlainPermalinksIsPublishedToUnderRestRoute() throws Exception {
		String title = "Trang không có đường dẫn đẹp " + unique();
		long contentId = approvedItem(title, "Tóm tắt.", "Nội dung.");

		JsonNode row = published(contentId, PLAIN, Map.of());

		assertThat(row.path("status").asString()).isEqualTo("SENT");
		long postId = row.path("providerReference").asLong();
		assertThat(row.path("providerUrl").asString()).endsWith("?p=" + postId);
		assertThat(wpPost(PLAIN, postId).path("title").path("raw").asString()).isEqualTo(ArticleText.html(title));
	}

	@Test
	void aNewerPublicationOfTheItemUpdatesItsPostUnlessANewOneIsAskedFor() throws Exception {
		long contentId = approvedItem("Bản đầu " + unique(), "Tóm tắt.", "Nội dung đầu.");
		long first = published(contentId, ADMIN, Map.of()).path("providerReference").asLong();

		String revised = "Bản sửa " + unique();
		revise(contentId, revised, "Nội dung đã sửa.");
		JsonNode second = published(contentId, ADMIN, Map.of());

		assertThat(second.path("status").asString()).isEqualTo("SENT");
		assertThat(second.path("providerReference").asLong()).isEqualTo(first);
		JsonNode post = wpPost(ADMIN, first);
		assertThat(post.path("title").path("raw").asString()).isEqualTo(ArticleText.html(revised));
		assertThat(post.path("content").path("raw").asString()).contains("Nội dung đã sửa.");

		JsonNode third = published(contentId, ADMIN, Map.of("wordpress.new-post", "true"));
		assertThat(third.path("providerReference").asLong()).isNotEqualTo(first);
	}

	// Helpers: Loa's API as an officer uses it, the site's API as its administrator does.

	JsonNode wpPost(String site, long id) {
		return RestClient.create()
			.get()
			.uri(WordPressClient.route(apiRoot(site), "wp/v2/posts/" + id, "context=edit"))
			.header("Authorization", basic(adminCredentials(site)))
			.retrieve()
			.body(JsonNode.class);
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private static String gmt(Instant at) {
		return WORDPRESS_DATE.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
	}

	private static String local(Instant at) {
		return WORDPRESS_DATE.format(LocalDateTime.ofInstant(at, SITE_ZONE));
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** Publishes the item now to one site and waits for the row to settle. */
	private JsonNode published(long contentId, String site, Map<String, String> options) throws Exception {
		long publication = publication(contentId, site, null, options);
		return awaitRow(publication, site);
	}

	private long publication(long contentId, String site, Instant at, Map<String, String> options) throws Exception {
		Map<String, Object> request = new java.util.LinkedHashMap<>();
		request.put("contentId", contentId);
		request.put("targets", List.of(Map.of("channel", "wordpress", "target", site)));
		request.put("options", options);
		if (at != null) {
			request.put("scheduledAt", OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(7)).toString());
		}
		return this.json
			.readTree(as("approver", "APPROVER",
					post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
						.content(this.json.writeValueAsString(request)))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("id")
			.asLong();
	}

	private JsonNode awaitRow(long publication, String site) throws Exception {
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode row = row(publication, site);
			assertThat(row).isNotNull();
			assertThat(row.path("status").asString()).isNotIn("PENDING", "SENDING");
		});
		return row(publication, site);
	}

	private JsonNode row(long publication, String site) throws Exception {
		JsonNode rows = this.json
			.readTree(as("approver", "APPROVER", get("/api/v1/publications/" + publication + "/deliveries"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		return rows.valueStream().filter((r) -> r.path("target").asString().equals(site)).findFirst().orElse(null);
	}

	private List<JsonNode> wordPressPosts(long contentId) throws Exception {
		return this.json
			.readTree(
					as("editor", "EDITOR", get("/api/v1/wordpress/posts").param("contentId", Long.toString(contentId)))
						.andExpect(status().isOk())
						.andReturn()
						.getResponse()
						.getContentAsString())
			.valueStream()
			.toList();
	}

	private long approvedItem(String title, String summary, String body) throws Exception {
		long id = this.json
			.readTree(as("editor", "EDITOR",
					post("/api/v1/contents").contentType(MediaType.APPLICATION_JSON)
						.content(itemJson(title, summary, body)))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("id")
			.asLong();
		approve(id);
		return id;
	}

	private void revise(long id, String title, String body) throws Exception {
		as("editor", "EDITOR",
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/contents/" + id)
					.contentType(MediaType.APPLICATION_JSON)
					.content(itemJson(title, "Tóm tắt đã sửa.", body)))
			.andExpect(status().isOk());
		approve(id);
	}

	private void approve(long id) throws Exception {
		as("editor", "EDITOR", post("/api/v1/contents/" + id + "/submit")).andExpect(status().isOk());
		as("approver", "APPROVER", post("/api/v1/contents/" + id + "/approve")).andExpect(status().isOk());
	}

	private String itemJson(String title, String summary, String body) {
		return this.json.writeValueAsString(Map.of("title", title, "summary", summary, "body", body, "topic",
				"cai-cach-hanh-chinh", "audiences", List.of("CITIZENS_AND_BUSINESSES"), "areas", List.of("56")));
	}

	private org.springframework.test.web.servlet.ResultActions as(String name, String role,
			MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

}
