package vn.loa.channels;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One item published to the web channel family at once: Loa's portal (page and feeds),
 * two WordPress sites through the sandbox simulator (one with a wrong application
 * password) and a signed webhook through the sandbox receiver. The simulators are reached
 * over real HTTP, so the test runs on a real port. Runs on H2 and PostgreSQL.
 */
abstract class WebChannelsJourney {

	/**
	 * The sandbox WordPress administrator's application password, as Basic credentials.
	 */
	private static final String WP_ADMIN = "Basic bG9hLXNhbmRib3g6c2FuZGJveCBhcHAgcGFzc3dvcmQgMDAwMA==";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void oneItemReachesPortalWordPressAndWebhookWithoutItsScript() throws Exception {
		String title = "Giảm 30% thời gian giải quyết TTHC " + UUID.randomUUID().toString().substring(0, 8);
		long contentId = approvedItem(title, "UBND tỉnh **cắt giảm** thời gian giải quyết hồ sơ."
				+ " <script>alert('xss')</script> <img src=x onerror=alert(2)> [xem](javascript:alert(3))");

		JsonNode publication = this.json.readTree(as("approver", "APPROVER",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + contentId + ",\"targets\":[{\"channel\":\"portal\"},"
							+ "{\"channel\":\"wordpress\"},{\"channel\":\"webhook\"}]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		long id = publication.get("id").asLong();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(deliveries(id).values()).hasSize(4)
				.allSatisfy((d) -> assertThat(d.get("status").asString()).isNotIn("PENDING", "SENDING")));
		Map<String, JsonNode> rows = deliveries(id);

		JsonNode portal = rows.get("portal/portal");
		assertThat(portal.get("status").asString()).isEqualTo("SENT");
		String slug = portal.get("providerReference").asString();
		assertThat(portal.get("providerUrl").asString()).endsWith("/portal/articles/" + slug);

		JsonNode wordpress = rows.get("wordpress/so-noi-vu");
		assertThat(wordpress.get("status").asString()).isEqualTo("SENT");
		assertThat(wordpress.get("provider").asString()).isEqualTo("wordpress:so-noi-vu");
		String postId = wordpress.get("providerReference").asString();
		assertThat(postId).matches("\\d+");
		// A published post's pretty link, as WordPress gives it.
		assertThat(wordpress.get("providerUrl").asString()).contains("/sandbox/wordpress/20").doesNotContain("?p=");

		JsonNode refused = rows.get("wordpress/sai-mat-khau");
		assertThat(refused.get("status").asString()).isEqualTo("PERMANENT_FAILURE");
		// Current WordPress does not say the password is wrong; the HTTP status does.
		assertThat(refused.get("errorCode").asString()).isEqualTo("rest_cannot_create");
		assertThat(refused.get("errorMessage").asString())
			.isEqualTo("Sorry, you are not allowed to create posts as this user.");
		assertThat(refused.get("providerStatus").asInt()).isEqualTo(401);

		JsonNode webhook = rows.get("webhook/cong-tinh");
		assertThat(webhook.get("status").asString()).isEqualTo("SENT");
		assertThat(webhook.get("providerReference").asString()).startsWith("rcpt-");

		// What the WordPress site received: the post, without the script.
		JsonNode post = this.json.readTree(this.mvc
			.perform(get("/sandbox/wordpress/wp-json/wp/v2/posts/" + postId).header("Authorization", WP_ADMIN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(post.path("title").path("rendered").asString()).isEqualTo(title);
		assertThat(post.path("content").path("rendered").asString()).contains("<strong>cắt giảm</strong>")
			.doesNotContain("<script")
			.doesNotContain("onerror")
			.doesNotContain("javascript:");

		// What the webhook receiver got: a valid signature over a v1 payload.
		Map<String, Object> receipt = this.jdbc
			.sql("select signature_valid, body from sandbox_webhook_receipt where delivery_id = :d")
			.param("d", "loa-" + id + "-cong-tinh")
			.query()
			.singleRow();
		assertThat(receipt.get("signature_valid")).isEqualTo(true);
		JsonNode payload = this.json.readTree((String) receipt.get("body"));
		assertThat(payload.path("version").asString()).isEqualTo("loa.webhook.v1");
		assertThat(payload.path("publication").path("id").asLong()).isEqualTo(id);
		assertThat(payload.path("content").path("title").asString()).isEqualTo(title);
		assertThat(payload.path("content").path("id").asLong()).isEqualTo(contentId);
		assertThat(payload.path("content").path("html").asString()).contains("<strong>cắt giảm</strong>")
			.doesNotContain("<script");

		// The portal, without logging in.
		String list = this.mvc.perform(get("/portal"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(title).contains("/portal/articles/" + slug);
		String page = this.mvc.perform(get("/portal/articles/" + slug))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<html lang=\"vi\"")
			.contains("<h1>" + title + "</h1>")
			.contains("<strong>cắt giảm</strong>")
			.doesNotContain("alert(")
			.doesNotContain("onerror")
			.doesNotContain("javascript:");
		assertThat(feedLinks("/portal/feed.rss"))
			.anySatisfy((link) -> assertThat(link).endsWith("/portal/articles/" + slug));
		assertThat(feedLinks("/portal/feed.atom"))
			.anySatisfy((link) -> assertThat(link).endsWith("/portal/articles/" + slug));

		// Withdrawn: gone from the page and the feeds.
		as("approver", "APPROVER", post("/api/v1/contents/" + contentId + "/withdraw")).andExpect(status().isOk());
		this.mvc.perform(get("/portal/articles/" + slug)).andExpect(status().isNotFound());
		assertThat(feedLinks("/portal/feed.rss"))
			.noneSatisfy((link) -> assertThat(link).endsWith("/portal/articles/" + slug));
		assertThat(this.mvc.perform(get("/portal")).andReturn().getResponse().getContentAsString())
			.doesNotContain(title);

		// Withdrawn: the WordPress post goes to the site's trash once the withdrawal is
		// committed, off the request thread. The site with the wrong password never got a
		// post, so there is nothing to trash there.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode trashed = this.json.readTree(this.mvc
				.perform(get("/sandbox/wordpress/wp-json/wp/v2/posts/" + postId).header("Authorization", WP_ADMIN))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
			assertThat(trashed.path("status").asString()).isEqualTo("trash");
			assertThat(wordPressPosts(contentId)).singleElement()
				.satisfies((p) -> assertThat(p.path("trashedAt").isNull()).isFalse());
		});
		JsonNode remembered = wordPressPosts(contentId).get(0);
		assertThat(remembered.path("site").asString()).isEqualTo("so-noi-vu");
		assertThat(remembered.path("postId").asString()).isEqualTo(postId);
		// In the trash the post loses its pretty link; Loa keeps the one WordPress gives.
		assertThat(remembered.path("link").asString()).endsWith("/sandbox/wordpress/?p=" + postId)
			.isNotEqualTo(wordpress.get("providerUrl").asString());
		assertThat(remembered.path("trashError").isNull()).isTrue();
		assertThat(wordPressPosts(contentId))
			.noneSatisfy((p) -> assertThat(p.path("site").asString()).isEqualTo("sai-mat-khau"));

		// Withdrawn: the webhook endpoint that accepted the item gets a signed notice
		// once the withdrawal is committed, off the request thread. The approver gave
		// no reason, and is not named.
		String withdrawnId = "loa-withdrawn-" + contentId + "-cong-tinh";
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(webhookEvents(contentId)).anySatisfy((e) -> {
				assertThat(e.path("event").asString()).isEqualTo("content.withdrawn");
				assertThat(e.path("status").asString()).isNotEqualTo("SENDING");
			}));
		Map<String, Object> notice = this.jdbc
			.sql("select event, signature_valid, body from sandbox_webhook_receipt where delivery_id = :d")
			.param("d", withdrawnId)
			.query()
			.singleRow();
		assertThat(notice.get("event")).isEqualTo("content.withdrawn");
		assertThat(notice.get("signature_valid")).isEqualTo(true);
		JsonNode withdrawnBody = this.json.readTree((String) notice.get("body"));
		assertThat(withdrawnBody.propertyNames()).containsExactly("version", "event", "deliveryId", "sentAt", "id",
				"withdrawnAt", "reason");
		assertThat(withdrawnBody.path("deliveryId").asString()).isEqualTo(withdrawnId);
		assertThat(withdrawnBody.path("event").asString()).isEqualTo("content.withdrawn");
		assertThat(withdrawnBody.path("id").asLong()).isEqualTo(contentId);
		assertThat(java.time.Instant.parse(withdrawnBody.path("withdrawnAt").asString()))
			.isBefore(java.time.Instant.now().plusSeconds(1));
		assertThat(withdrawnBody.path("reason").isNull()).isTrue();
		assertThat((String) notice.get("body")).doesNotContain("approver");
		List<JsonNode> told = webhookEvents(contentId);
		assertThat(told).hasSize(2);
		assertThat(told.get(0).path("event").asString()).isEqualTo("content.published");
		assertThat(told.get(0).path("deliveryId").asString()).isEqualTo("loa-" + id + "-cong-tinh");
		assertThat(told.get(0).path("publicationId").asLong()).isEqualTo(id);
		assertThat(told.get(0).path("status").asString()).isEqualTo("SENT");
		assertThat(told.get(1).path("endpoint").asString()).isEqualTo("cong-tinh");
		assertThat(told.get(1).path("event").asString()).isEqualTo("content.withdrawn");
		assertThat(told.get(1).path("deliveryId").asString()).isEqualTo(withdrawnId);
		assertThat(told.get(1).path("status").asString()).isEqualTo("SENT");
		assertThat(told.get(1).path("httpStatus").asInt()).isEqualTo(200);
		assertThat(told.get(1).path("sentAt").isNull()).isFalse();
	}

	private List<JsonNode> webhookEvents(long contentId) throws Exception {
		return listed("/api/v1/webhooks/events", contentId);
	}

	private List<JsonNode> wordPressPosts(long contentId) throws Exception {
		return listed("/api/v1/wordpress/posts", contentId);
	}

	private List<JsonNode> listed(String path, long contentId) throws Exception {
		return this.json
			.readTree(as("editor", "EDITOR", get(path).param("contentId", Long.toString(contentId)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.valueStream()
			.toList();
	}

	@Test
	void aWebhookTemplateThatDoesNotRenderJsonIsRefusedAtPreview() throws Exception {
		String broken = this.json.writeValueAsString(Map.of("source", "{\"title\": \"{{title}}\", }"));
		String answer = as("admin", "ADMIN",
				post("/api/v1/templates/webhook/payload.json/preview").contentType(MediaType.APPLICATION_JSON)
					.content(broken))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).contains("webhook/payload.json").contains("JSON");

		String fine = this.json.writeValueAsString(Map.of("source", "{\"title\": \"{{title}}\"}"));
		as("admin", "ADMIN",
				post("/api/v1/templates/webhook/payload.json/preview").contentType(MediaType.APPLICATION_JSON)
					.content(fine))
			.andExpect(status().isOk());
	}

	private List<String> feedLinks(String path) throws Exception {
		String xml = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
		return feed.getEntries().stream().map((e) -> e.getLink()).toList();
	}

	private Map<String, JsonNode> deliveries(long publication) throws Exception {
		JsonNode list = this.json
			.readTree(as("approver", "APPROVER", get("/api/v1/publications/" + publication + "/deliveries")).andReturn()
				.getResponse()
				.getContentAsString());
		return list.valueStream()
			.collect(Collectors.toMap((d) -> d.get("channel").asString() + "/" + d.get("target").asString(),
					Function.identity()));
	}

	private long approvedItem(String title, String body) throws Exception {
		String request = this.json.writeValueAsString(Map.of("title", title, "summary",
				"Tỉnh rút ngắn thời gian xử lý hồ sơ hành chính.", "body", body, "topic", "cai-cach-hanh-chinh",
				"audiences", List.of("CITIZENS_AND_BUSINESSES"), "areas", List.of("56")));
		long id = this.json
			.readTree(as("editor", "EDITOR",
					post("/api/v1/contents").contentType(MediaType.APPLICATION_JSON).content(request))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("id")
			.asLong();
		as("editor", "EDITOR", post("/api/v1/contents/" + id + "/submit")).andExpect(status().isOk());
		as("approver", "APPROVER", post("/api/v1/contents/" + id + "/approve")).andExpect(status().isOk());
		return id;
	}

	private org.springframework.test.web.servlet.ResultActions as(String name, String role,
			MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

}
