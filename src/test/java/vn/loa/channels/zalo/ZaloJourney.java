package vn.loa.channels.zalo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import vn.loa.audience.ZaloFollowers;
import vn.loa.channels.zalo.sandbox.ZaloSandbox;
import vn.loa.channels.zalo.sandbox.ZaloSandboxWebhooks;
import vn.loa.common.CitizenMessageReceived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Zalo OA channel end to end in sandbox mode, against the simulator over real HTTP:
 * an admin connects the OA (OAuth v4 PKCE), citizens follow and write through signed
 * webhooks, an approved item goes to the followers by consultation message with an OA
 * article, an expired token is refreshed without a failed delivery, a refused refresh
 * leaves deliveries waiting with the channel NEEDS_REAUTHORISATION until an admin
 * reconnects, a forged webhook is refused, and a redelivered citizen message reaches the
 * inbox once. Runs on H2 and PostgreSQL.
 */
abstract class ZaloJourney {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ZaloSandbox sandbox;

	@Autowired
	ZaloSandboxWebhooks webhooks;

	@Autowired
	ZaloFollowers followers;

	@Autowired
	ZaloWebhookEvents events;

	@Autowired
	ZaloOaTokens tokens;

	@Autowired
	ZaloProperties properties;

	@Autowired
	ZaloTest.Recorder recorder;

	@Autowired
	ZaloTokenRefresher refresher;

	@Autowired
	vn.loa.audience.Subscribers subscribers;

	@Autowired
	ZaloOAuthClient oauth;

	@Autowired
	net.javacrumbs.shedlock.core.LockProvider lockProvider;

	@Test
	void anApprovedItemReachesFollowersThroughRefreshRefusalAndReconnection() throws Exception {
		connect();
		assertThat(this.tokens.status().state()).isEqualTo(ZaloOaTokens.State.CONNECTED);
		String consolePage = as("admin", "ADMIN", get("/console/zalo")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(consolePage).contains("data-state=\"CONNECTED\"")
			.contains("Đã kết nối")
			.contains("href=\"/sandbox/zalo/oa\"");
		String stored = this.jdbc.sql("select access_token from zalo_oa_token").query(String.class).single();
		assertThat(stored).startsWith("v1:");

		String lan = follow("Nguyễn Thị Lan");
		String binh = follow("Trần Văn Bình");
		String stale = "9" + UUID.randomUUID().toString().replaceAll("\\D", "").substring(0, 12);
		this.followers.followed(stale, true, Instant.now().minus(10, ChronoUnit.DAYS));

		// Zalo expires the token early: the first call is refused (-201), the token is
		// refreshed and the call made again, and no delivery fails.
		this.sandbox.expireAccessTokens();
		String title = "Đăng ký khai sinh trực tuyến " + UUID.randomUUID().toString().substring(0, 6);
		long first = publish(approvedItemWithImage(title), true);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(rows(first)).containsKeys(lan, binh, stale, "article")
				.values()
				.allSatisfy((row) -> assertThat(row.path("status").asString()).isNotIn("PENDING", "SENDING")));
		Map<String, JsonNode> rows = rows(first);
		assertThat(rows.get(lan).path("status").asString()).isEqualTo("SENT");
		assertThat(rows.get(binh).path("status").asString()).isEqualTo("SENT");
		assertThat(rows.get(lan).path("providerReference").asString()).isNotBlank();
		assertThat(rows.get(stale).path("status").asString()).isEqualTo("SKIPPED");
		assertThat(rows.get(stale).path("errorCode").asString()).isEqualTo("OUTSIDE_WINDOW");
		JsonNode article = rows.get("article");
		assertThat(article.path("status").asString()).isEqualTo("SENT");
		String articleUrl = article.path("providerUrl").asString();
		assertThat(articleUrl).contains(article.path("providerReference").asString());
		assertThat(rows.values()).noneSatisfy((row) -> assertThat(row.path("status").asString()).endsWith("FAILURE"));
		assertThat(this.tokens.status().refreshedAt()).isNotNull();
		// The follower broadcast is one bulk job like an SMS or ZNS broadcast, run in
		// recorded batches.
		await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(jobState(first)));
		assertThat(this.jdbc
			.sql("select count(*) from bulk_batch b join bulk_job j on j.id = b.job_id where j.publication_id = :p "
					+ "and j.channel = 'zalo' and b.state = 'RECORDED'")
			.param("p", first)
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.sandbox.received(lan)).singleElement().satisfies((message) -> {
			assertThat(message.text()).contains(title).contains(articleUrl);
			assertThat(message.messageId()).isEqualTo(rows.get(lan).path("providerReference").asString());
		});

		// Zalo says the citizen's phone received the message: the row is DELIVERED.
		Map<String, Object> received = new LinkedHashMap<>();
		received.put("app_id", this.properties.effectiveAppId());
		received.put("event_name", "user_received_message");
		received.put("sender", Map.of("id", this.properties.effectiveOaId()));
		received.put("recipient", Map.of("id", lan));
		received.put("message", Map.of("msg_id", rows.get(lan).path("providerReference").asString()));
		received.put("timestamp", Long.toString(Instant.now().toEpochMilli()));
		assertThat(this.webhooks.send(this.json.valueToTree(received), null)).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(rows(first).get(lan).path("status").asString()).isEqualTo("DELIVERED"));

		// The follower sync brings back what Loa did not hear from the webhook.
		this.jdbc.sql("delete from zalo_follower where user_id = :id").param("id", binh).update();
		as("admin", "ADMIN", post("/console/zalo/sync")).andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.followers.find(binh).map((f) -> f.followed()).orElse(false));
		assertThat(this.followers.find(binh).orElseThrow().displayName()).isEqualTo("Trần Văn Bình");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					as("admin", "ADMIN", get("/console/zalo")).andReturn().getResponse().getContentAsString())
				.contains("Đồng bộ: xong"));
		// Synced followers have no interaction on record: they wait for the citizen to
		// write.
		this.followers.interacted(binh, Instant.now());

		// Zalo refuses the refresh: the channel needs reauthorisation and the next
		// publication waits, sending nothing and failing nothing.
		this.sandbox.refuseRefresh(true);
		this.jdbc.sql("update zalo_oa_token set access_expires_at = :past")
			.param("past", Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)))
			.update();
		long second = publish(approvedItemWithImage("Lịch tiếp công dân tháng 12"), false);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.tokens.status().state() == ZaloOaTokens.State.NEEDS_REAUTHORISATION
					&& rows(second).keySet().containsAll(List.of(lan, binh, stale)));
		Map<String, JsonNode> waiting = rows(second);
		assertThat(waiting.get(lan).path("status").asString()).isEqualTo("PENDING");
		assertThat(waiting.get(binh).path("status").asString()).isEqualTo("PENDING");
		assertThat(waiting.get(stale).path("status").asString()).isEqualTo("SKIPPED");
		assertThat(this.sandbox.received(lan)).hasSize(1);
		JsonNode health = this.json
			.readTree(as("admin", "ADMIN", get("/actuator/health")).andReturn().getResponse().getContentAsString());
		JsonNode zalo = health.path("components").path("channels").path("details").path("zalo");
		assertThat(zalo.path("status").asString()).isEqualTo("DOWN");
		assertThat(zalo.path("detail").asString()).startsWith("NEEDS_REAUTHORISATION").contains("-14014");
		String reauthPage = as("admin", "ADMIN", get("/console/zalo")).andReturn().getResponse().getContentAsString();
		assertThat(reauthPage).contains("data-state=\"NEEDS_REAUTHORISATION\"").contains("Cần kết nối lại");
		// The job waits between attempts, with its reason on the page.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					as("admin", "ADMIN", get("/console/zalo")).andReturn().getResponse().getContentAsString())
				.contains("id=\"zalo-waiting\"")
				.contains("data-reason=\"NEEDS_REAUTHORISATION\""));

		// An admin connects the OA again: the waiting deliveries go out.
		this.sandbox.refuseRefresh(false);
		connect();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(rows(second).get(binh).path("status").asString()).isEqualTo("SENT"));
		assertThat(rows(second).get(lan).path("status").asString()).isEqualTo("SENT");
		assertThat(this.sandbox.received(lan)).hasSize(2);
	}

	@Test
	void twoNodesRefreshingAtOnceSpendTheSingleUseRefreshTokenOnce() throws Exception {
		connect();
		ZaloTokenRefresher otherNode = new ZaloTokenRefresher(this.tokens, this.oauth, this.lockProvider,
				this.properties, java.time.Clock.systemUTC());
		for (int round = 0; round < 3; round++) {
			this.jdbc.sql("update zalo_oa_token set access_expires_at = :soon")
				.param("soon", Timestamp.from(Instant.now().plus(10, ChronoUnit.MINUTES)))
				.update();
			java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
			java.util.concurrent.CompletableFuture<?> a = java.util.concurrent.CompletableFuture.runAsync(() -> {
				arrive(start);
				this.refresher.refreshIfDue();
			});
			java.util.concurrent.CompletableFuture<?> b = java.util.concurrent.CompletableFuture.runAsync(() -> {
				arrive(start);
				otherNode.refreshIfDue();
			});
			java.util.concurrent.CompletableFuture.allOf(a, b).get(30, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(this.tokens.status().state()).isEqualTo(ZaloOaTokens.State.CONNECTED);
			assertThat(this.tokens.status().accessExpiresAt()).isAfter(Instant.now().plus(20, ChronoUnit.HOURS));
		}
	}

	private static void arrive(java.util.concurrent.CyclicBarrier barrier) {
		try {
			barrier.await(10, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aForgedWebhookIsRefusedAndNothingIsStored() {
		long before = storedEvents();
		byte[] body = event("user_send_text", "55501", "forged-" + UUID.randomUUID(), "Xin chào");
		String timestamp = this.json.readTree(body).path("timestamp").asString();

		assertThat(this.webhooks.send(body, "mac=" + "0".repeat(64), null)).isEqualTo(401);
		assertThat(this.webhooks.send(body, null, null)).isEqualTo(401);
		assertThat(this.webhooks.send(body,
				ZaloSignature.sign(this.properties.effectiveAppId(), body, timestamp, "not the OA secret key"), null))
			.isEqualTo(401);
		assertThat(this.webhooks.send(body, ZaloSignature.sign(this.properties.effectiveAppId(), body, timestamp,
				this.properties.effectiveAppSecret()), null))
			.isEqualTo(401);
		assertThat(storedEvents()).isEqualTo(before);

		// Signed with the OA id in place of the app id, as integrators report: accepted.
		assertThat(this.webhooks.send(body, ZaloSignature.sign(this.properties.effectiveOaId(), body, timestamp,
				this.properties.effectiveOaSecretKey()), null))
			.isEqualTo(200);
		assertThat(storedEvents()).isEqualTo(before + 1);
	}

	@Test
	void aCitizensMessageIsPublishedOnceThoughZaloDeliversItThreeTimes() throws Exception {
		String msgId = "msg-" + UUID.randomUUID();
		String userId = "777" + Math.abs(msgId.hashCode());
		byte[] body = event("user_send_text", userId, msgId, "Cho hỏi thủ tục đăng ký kết hôn cần giấy tờ gì?");
		String signature = ZaloSignature.sign(this.properties.effectiveAppId(), body,
				this.json.readTree(body).path("timestamp").asString(), this.properties.effectiveOaSecretKey());

		for (int i = 0; i < 3; i++) {
			assertThat(this.webhooks.send(body, signature, null)).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("select count(*) from zalo_webhook_event where event_key = :key and processed_at is not null")
				.param("key", "user_send_text:" + msgId)
				.query(Long.class)
				.single() == 1);
		this.events.sweep();

		List<CitizenMessageReceived> received = this.recorder.messages.stream()
			.filter((m) -> m.externalMessageId().equals(msgId))
			.toList();
		assertThat(received).singleElement().satisfies((message) -> {
			assertThat(message.channel()).isEqualTo("zalo");
			assertThat(message.conversationKey()).isEqualTo(userId);
			assertThat(message.replyTo()).isEqualTo(userId);
			assertThat(message.text()).isEqualTo("Cho hỏi thủ tục đăng ký kết hôn cần giấy tờ gì?");
		});
		assertThat(this.jdbc.sql("select count(*) from zalo_webhook_event where event_key = :key")
			.param("key", "user_send_text:" + msgId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.followers.find(userId)).hasValueSatisfying(
				(follower) -> assertThat(follower.lastInteractionAt()).isEqualTo(received.get(0).receivedAt()));

		// The citizen shares a phone: kept in E.164, with the area of the SMS subscriber.
		String phone = "+8490" + String.format("%07d", Math.abs(userId.hashCode()) % 10_000_000);
		this.subscribers.subscribe(phone, "56.568", List.of(), "vi", "test");
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("app_id", this.properties.effectiveAppId());
		info.put("event_name", "user_submit_info");
		info.put("sender", Map.of("id", userId));
		info.put("recipient", Map.of("id", this.properties.effectiveOaId()));
		info.put("info", Map.of("name", "Lê Thị Hoa", "phone", "0" + phone.substring(3), "address", "", "city",
				"Khánh Hòa", "district", ""));
		info.put("timestamp", Long.toString(Instant.now().toEpochMilli()));
		assertThat(this.webhooks.send(this.json.valueToTree(info), null)).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.followers.find(userId)).hasValueSatisfying((follower) -> {
				assertThat(follower.phone()).isEqualTo(phone);
				assertThat(follower.areaCode()).isEqualTo("56.568");
				assertThat(follower.displayName()).isEqualTo("Lê Thị Hoa");
			}));
	}

	@Test
	void aZnsDeliveryReceiptIsPublishedForTheZnsChannel() {
		String msgId = "zns-" + UUID.randomUUID();
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("app_id", this.properties.effectiveAppId());
		event.put("event_name", "user_received_message");
		event.put("sender", Map.of("id", this.properties.effectiveOaId()));
		event.put("recipient", Map.of("id", "84905123456"));
		event.put("message", Map.of("msg_id", msgId, "tracking_id", "4242", "delivery_time", "1764633600000"));
		event.put("timestamp", "1764633601000");

		assertThat(this.webhooks.send(this.json.valueToTree(event), "ZNS")).isEqualTo(200);
		assertThat(this.webhooks.send(this.json.valueToTree(event), "ZNS")).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.recorder.receipts.stream().anyMatch((r) -> r.msgId().equals(msgId)));
		this.events.sweep();
		assertThat(this.recorder.receipts.stream().filter((r) -> r.msgId().equals(msgId))).singleElement()
			.satisfies((receipt) -> {
				assertThat(receipt.trackingId()).isEqualTo("4242");
				assertThat(receipt.deliveredAt()).isEqualTo(Instant.ofEpochMilli(1764633600000L));
			});
	}

	/** The OAuth v4 PKCE flow as an admin's browser goes through it. */
	private void connect() throws Exception {
		String permission = as("admin", "ADMIN", post("/console/zalo/connect")).andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		UriComponents request = UriComponentsBuilder.fromUriString(permission).build();
		assertThat(request.getPath()).isEqualTo("/sandbox/zalo/oauth/v4/oa/permission");
		Map<String, String> query = request.getQueryParams().toSingleValueMap();
		assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
		String page = this.mvc.perform(get(request.getPath() + "?" + request.getQuery()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"zalo-allow\"");
		String callback = this.mvc
			.perform(post("/sandbox/zalo/oauth/v4/oa/permission").param("app_id", decode(query.get("app_id")))
				.param("redirect_uri", decode(query.get("redirect_uri")))
				.param("code_challenge", decode(query.get("code_challenge")))
				.param("state", decode(query.get("state"))))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UriComponents back = UriComponentsBuilder.fromUriString(callback).build();
		assertThat(back.getPath()).isEqualTo("/console/zalo/callback");
		as("admin", "ADMIN", get(back.getPath() + "?" + back.getQuery())).andExpect(status().is3xxRedirection())
			.andExpect((result) -> assertThat(result.getFlashMap().get("failure")).isNull());
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** A citizen follows the OA on the sandbox page; Loa learns it from the webhook. */
	private String follow(String name) throws Exception {
		String location = this.mvc.perform(post("/sandbox/zalo/oa/citizens").param("name", name))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String userId = UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("user");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.followers.find(userId).map((f) -> f.followed()).orElse(false));
		return userId;
	}

	private long publish(long contentId, boolean article) throws Exception {
		String request = this.json.writeValueAsString(Map.of("contentId", contentId, "targets",
				List.of(Map.of("channel", "zalo")), "options", Map.of("zalo.article", Boolean.toString(article))));
		return this.json
			.readTree(as("approver", "APPROVER",
					post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON).content(request))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.path("id")
			.asLong();
	}

	private long approvedItemWithImage(String title) throws Exception {
		Map<String, Object> draft = new LinkedHashMap<>();
		draft.put("title", title);
		draft.put("summary", "Người dân đăng ký khai sinh trên Cổng dịch vụ công, không phải đến UBND xã.");
		draft.put("body",
				"Từ ngày 1/12, người dân **đăng ký khai sinh** trực tuyến.\n\nHồ sơ được giải quyết trong ngày.");
		draft.put("topic", "cai-cach-hanh-chinh");
		draft.put("audiences", List.of("CITIZENS_AND_BUSINESSES"));
		draft.put("areas", List.of("56"));
		long id = this.json
			.readTree(as("editor", "EDITOR",
					post("/api/v1/contents").contentType(MediaType.APPLICATION_JSON)
						.content(this.json.writeValueAsString(draft)))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.path("id")
			.asLong();
		String fileName = this.json
			.readTree(as("editor", "EDITOR",
					multipart("/api/v1/contents/" + id + "/images")
						.file(new MockMultipartFile("file", "bia.png", "image/png", png()))
						.param("alt", "Người dân làm thủ tục"))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.path("fileName")
			.asString();
		draft.put("imageFiles", List.of(fileName));
		as("editor", "EDITOR", put("/api/v1/contents/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(draft))).andExpect(status().isOk());
		as("editor", "EDITOR", post("/api/v1/contents/" + id + "/submit")).andExpect(status().isOk());
		as("approver", "APPROVER", post("/api/v1/contents/" + id + "/approve")).andExpect(status().isOk());
		return id;
	}

	private static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private Map<String, JsonNode> rows(long publication) throws Exception {
		JsonNode list = this.json
			.readTree(as("approver", "APPROVER", get("/api/v1/publications/" + publication + "/deliveries")).andReturn()
				.getResponse()
				.getContentAsString());
		Map<String, JsonNode> rows = new LinkedHashMap<>();
		list.valueStream()
			.filter((row) -> row.path("channel").asString().equals("zalo"))
			.forEach((row) -> rows.put(row.path("target").asString(), row));
		return rows;
	}

	private String jobState(long publication) {
		return this.jdbc.sql("select state from bulk_job where publication_id = :p and channel = 'zalo'")
			.param("p", publication)
			.query(String.class)
			.single();
	}

	private byte[] event(String name, String userId, String msgId, String text) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("app_id", this.properties.effectiveAppId());
		event.put("user_id_by_app", userId);
		event.put("event_name", name);
		event.put("sender", Map.of("id", userId));
		event.put("recipient", Map.of("id", this.properties.effectiveOaId()));
		event.put("message", Map.of("msg_id", msgId, "text", text));
		event.put("timestamp", Long.toString(Instant.now().toEpochMilli()));
		return this.json.writeValueAsBytes(event);
	}

	private long storedEvents() {
		return this.jdbc.sql("select count(*) from zalo_webhook_event").query(Long.class).single();
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> ResultActions as(String name, String role, B request)
			throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

}
