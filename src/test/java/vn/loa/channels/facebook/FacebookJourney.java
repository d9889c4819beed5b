package vn.loa.channels.facebook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.facebook.sandbox.GraphSimulator;
import vn.loa.content.ContentVersion;
import vn.loa.content.ImageRef;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.rendering.Rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Facebook channel end to end against the Graph simulator: Pages registered through
 * the API, approved items published to them, a refused token, a rate limit, a duplicate,
 * Facebook's own scheduling, withdrawal, and a citizen's comment answered from the inbox.
 * Each test has its own Pages (its own area), so the database may hold earlier runs. Runs
 * on H2 and PostgreSQL.
 */
abstract class FacebookJourney {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GraphSimulator simulator;

	@Autowired
	FacebookPublisher publisher;

	@Autowired
	FacebookWithdrawal withdrawal;

	@Autowired
	FacebookPosts posts;

	@Autowired
	FacebookApp app;

	@Autowired
	FacebookProperties properties;

	@Autowired
	FacebookPages facebookPages;

	@Autowired
	FacebookGraph graph;

	private final String area = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

	@AfterEach
	void clearFaults() {
		this.simulator.clearFaults();
	}

	@Test
	void threePagesGetOnePostEachAndARefusedTokenPausesOnlyItsPage() throws Exception {
		String province = page("Sở Nội vụ", this.area, "token-province");
		String district = page("UBND huyện Diên Khánh", this.area + ".568", "token-district");
		String commune = page("UBND xã Diên An", this.area + ".568.22", "EXPIRED-token-commune");
		String title = "Tiếp nhận hồ sơ trực tuyến " + UUID.randomUUID();
		long item = approvedItem(title);

		long publication = publish(item, "area:" + this.area, null, Map.of());
		Map<String, JsonNode> rows = settled(publication, 3);

		for (String page : List.of(province, district)) {
			JsonNode row = rows.get(page);
			assertThat(row.path("status").asString()).isEqualTo("SENT");
			assertThat(row.path("provider").asString()).isEqualTo("facebook:" + page);
			String postId = row.path("providerReference").asString();
			assertThat(postId).startsWith(page + "_");
			assertThat(row.path("providerUrl").asString()).endsWith("/sandbox/facebook/" + page + "#post-" + postId);
			GraphSimulator.SimPost post = this.simulator.post(postId);
			assertThat(post.message()).startsWith(title);
			assertThat(post.link()).endsWith("/portal/articles/" + slug(item));
			assertThat(this.simulator.postsOf(page)).hasSize(1);
		}
		JsonNode paused = rows.get(commune);
		assertThat(paused.path("status").asString()).isEqualTo("TEMPORARY_FAILURE");
		assertThat(paused.path("errorCode").asString()).isEqualTo("190/463");
		assertThat(paused.path("errorMessage").asString()).startsWith("waiting for a new Page token");
		assertThat(this.simulator.postsOf(commune)).isEmpty();

		String listed = body(as("admin", "ADMIN", get("/api/v1/facebook/pages")).andExpect(status().isOk()));
		assertThat(listed).doesNotContain("token-province").doesNotContain("EXPIRED-token");
		JsonNode communePage = pages().get(commune);
		assertThat(communePage.path("state").asString()).isEqualTo("NEEDS_REAUTHORISATION");
		assertThat(communePage.path("stateReason").asString()).contains("Session has expired");
		assertThat(body(as("admin", "ADMIN", get("/console/facebook")))).contains("Cần cấp lại mã truy cập")
			.contains("Session has expired");
		String sealed = this.jdbc.sql("select token_sealed from facebook_page where page_id = ?")
			.param(province)
			.query(String.class)
			.single();
		assertThat(sealed).startsWith("v1:").doesNotContain("token-province");

		// An admin enters a new token: the waiting post goes out, once.
		as("admin", "ADMIN", put("/api/v1/facebook/pages/" + commune + "/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"token-commune-2\"}")).andExpect(status().isOk());
		assertThat(pages().get(commune).path("state").asString()).isEqualTo("ACTIVE");
		assertThat(this.publisher.retryDue(Instant.now())).isEqualTo(1);
		assertThat(this.publisher.retryDue(Instant.now())).isZero();
		JsonNode resumed = deliveries(publication).get(commune);
		assertThat(resumed.path("status").asString()).isEqualTo("SENT");
		assertThat(this.simulator.postsOf(commune)).hasSize(1);

		// Withdrawal takes every post down, once, and says so per post.
		as("approver", "APPROVER", post("/api/v1/contents/" + item + "/withdraw")).andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.posts.ofContent(item)).allMatch((p) -> p.retractedAt() != null));
		assertThat(List.of(province, district, commune))
			.allSatisfy((page) -> assertThat(this.simulator.postsOf(page)).singleElement().satisfies((p) -> {
				assertThat(p.deleted()).isTrue();
				assertThat(p.deleteRequests()).isOne();
			}));
		JsonNode outcomes = this.json
			.readTree(body(as("editor", "EDITOR", get("/api/v1/facebook/posts").param("contentId", Long.toString(item)))
				.andExpect(status().isOk())));
		assertThat(outcomes).hasSize(3).allSatisfy((p) -> {
			assertThat(p.path("retractAction").asString()).isEqualTo("delete");
			assertThat(p.path("retractedAt").isNull()).isFalse();
		});
	}

	@Test
	void theWithdrawalAndASweepRunningAtTheSameTimeDeleteEachPostOnce() throws Exception {
		long contentId = ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L);
		List<String> pages = List.of(page("UBND xã Cam Hải Tây", this.area, "token-race-1"),
				page("UBND xã Cam Hải Đông", this.area, "token-race-2"),
				page("UBND xã Cam Đức", this.area, "token-race-3"));
		for (String page : pages) {
			deliver(contentId, page);
		}
		this.posts.withdrawn(contentId, Instant.now());
		// Each Graph call takes a while, as it may on a busy day: the passes overlap.
		pages.forEach((page) -> this.simulator.slow(page, Duration.ofMillis(300)));

		ExecutorService passes = Executors.newFixedThreadPool(3);
		try {
			List<Future<Integer>> left = passes.invokeAll(List.of(() -> this.withdrawal.retract(contentId),
					() -> this.withdrawal.sweep(Instant.now()), () -> this.withdrawal.sweep(Instant.now())));
			for (Future<Integer> pass : left) {
				assertThat(pass.get()).isZero();
			}
		}
		finally {
			passes.shutdown();
		}

		assertThat(pages).allSatisfy((page) -> assertThat(this.simulator.postsOf(page)).singleElement()
			.satisfies((p) -> assertThat(p.deleteRequests()).isOne()));
		assertThat(this.posts.ofContent(contentId)).hasSize(3).allSatisfy((p) -> {
			assertThat(p.retractAction()).isEqualTo("delete");
			assertThat(p.retractAttempts()).isOne();
			assertThat(p.retractClaimedUntil()).isNull();
		});
	}

	@Test
	void aPostClaimedByAnotherPassIsLeftToIt() {
		String page = page("UBND xã Cam Thành Nam", this.area, "token-claimed");
		long contentId = ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L);
		deliver(contentId, page);
		this.posts.withdrawn(contentId, Instant.now());
		FacebookPosts.Post post = this.posts.ofContent(contentId).get(0);
		Instant now = Instant.now();
		assertThat(this.posts.claim(post, now, now, now.plus(Duration.ofMinutes(10)))).isPresent();

		assertThat(this.withdrawal.retract(contentId)).isZero();
		assertThat(this.withdrawal.sweep(now.plus(Duration.ofMinutes(1)))).isZero();
		assertThat(this.simulator.post(post.postId()).deleteRequests()).isZero();

		// A node that died holding it: once its claim has run out, the sweep takes it.
		this.jdbc.sql("update facebook_post set retract_claimed_until = ? where id = ?")
			.params(java.sql.Timestamp.from(now.minusSeconds(1)), post.id())
			.update();
		assertThat(this.withdrawal.sweep(Instant.now())).isZero();
		assertThat(this.simulator.post(post.postId()).deleteRequests()).isOne();
		assertThat(this.posts.ofContent(contentId).get(0).retractAction()).isEqualTo("delete");
	}

	@Test
	void withHideAsTheActionTheWithdrawnPostsStayHiddenFromTheTimeline() {
		String page = page("UBND xã Cam Phước Đông", this.area, "token-hide");
		long contentId = ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L);
		deliver(contentId, page);
		this.posts.withdrawn(contentId, Instant.now());
		FacebookProperties configured = this.properties;
		FacebookProperties.Withdrawal withdrawal = configured.withdrawal();
		FacebookProperties hide = new FacebookProperties(configured.enabled(), configured.mode(), configured.template(),
				configured.graphVersion(), configured.graphUrl(), configured.post(), configured.schedule(),
				configured.retry(),
				new FacebookProperties.Withdrawal("hide", withdrawal.sweepInterval(), withdrawal.maxAttempts(),
						withdrawal.firstDelay(), withdrawal.maxDelay(), withdrawal.batchSize()),
				configured.secrets(), configured.sandbox());

		assertThat(new FacebookWithdrawal(this.posts, this.facebookPages, this.graph, hide, java.time.Clock.systemUTC())
			.retract(contentId)).isZero();

		GraphSimulator.SimPost post = this.simulator.postsOf(page).get(0);
		assertThat(post.hidden()).isTrue();
		assertThat(post.deleted()).isFalse();
		assertThat(this.posts.ofContent(contentId).get(0).retractAction()).isEqualTo("hide");
	}

	private void deliver(long contentId, String page) {
		ContentVersion content = new ContentVersion(contentId, 1, "bai-" + contentId, "Bài", "Tóm tắt", "Nội dung",
				"cai-cach-hanh-chinh", List.of(), List.of("56"), List.of(), List.of(), "editor", Instant.now());
		assertThat(this.publisher.deliver(new ChannelDispatch(contentId, "facebook", page, content,
				new Rendition("facebook", "post.txt", "t1", "Bài " + contentId, Map.of()), Map.of(), false,
				Instant.now())))
			.singleElement()
			.satisfies((o) -> assertThat(o.status()).isEqualTo(DeliveryStatus.SENT));
	}

	@Test
	void aDuplicateRecordsTheEarlierPostInsteadOfASecondOne() throws Exception {
		String page = page("UBND huyện Cam Lâm", this.area, "token-dup");
		long item = approvedItem("Lịch tiếp công dân " + UUID.randomUUID());
		long first = publish(item, page, null, Map.of());
		String postId = settled(first, 1).get(page).path("providerReference").asString();

		long second = publish(item, page, null, Map.of());
		JsonNode row = settled(second, 1).get(page);
		assertThat(row.path("status").asString()).isEqualTo("SENT");
		assertThat(row.path("providerReference").asString()).isEqualTo(postId);
		assertThat(row.path("errorCode").asString()).isEqualTo("506/1455006");
		assertThat(this.simulator.postsOf(page)).hasSize(1);

		// Both rows record the one post: withdrawing the item deletes it once.
		as("approver", "APPROVER", post("/api/v1/contents/" + item + "/withdraw")).andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.posts.ofContent(item)).hasSize(2)
				.allSatisfy((p) -> assertThat(p.retractAction()).isEqualTo("delete")));
		assertThat(this.simulator.post(postId).deleteRequests()).isOne();
		assertThat(this.withdrawal.sweep(Instant.now().plus(Duration.ofDays(1)))).isZero();
		assertThat(this.simulator.post(postId).deleteRequests()).isOne();
	}

	@Test
	void aRateLimitedPostWaitsAsLongAsTheUsageHeadersSayAndThenGoesOut() throws Exception {
		String page = page("UBND huyện Vạn Ninh", this.area, "token-rate");
		this.simulator.inject(page,
				new GraphSimulator.Fault(4, null, "OAuthException", "(#4) Application request limit reached", 1, 20));
		long item = approvedItem("Giờ làm việc mùa đông " + UUID.randomUUID());
		long publication = publish(item, page, null, Map.of());

		JsonNode row = settled(publication, 1).get(page);
		assertThat(row.path("status").asString()).isEqualTo("TEMPORARY_FAILURE");
		assertThat(row.path("errorCode").asString()).isEqualTo("4");
		FacebookPosts.Post waiting = this.posts.ofPublication(publication).get(0);
		assertThat(waiting.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(19)));

		assertThat(this.publisher.retryDue(Instant.now())).isZero();
		assertThat(this.publisher.retryDue(Instant.now().plus(Duration.ofMinutes(21)))).isEqualTo(1);
		assertThat(deliveries(publication).get(page).path("status").asString()).isEqualTo("SENT");
		assertThat(this.simulator.postsOf(page)).hasSize(1);
	}

	@Test
	void aPublicationHoursAheadIsScheduledOnFacebookAtOnceAndOneMinutesAheadWaitsForLoa() throws Exception {
		String page = page("UBND huyện Khánh Sơn", this.area, "token-schedule");
		long item = approvedItem("Hội nghị trực tuyến " + UUID.randomUUID());
		Instant at = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
		long publication = publish(item, page, at, Map.of());

		JsonNode row = settled(publication, 1).get(page);
		assertThat(row.path("status").asString()).isEqualTo("SENT");
		GraphSimulator.SimPost post = this.simulator.post(row.path("providerReference").asString());
		assertThat(post.scheduledFor()).isEqualTo(at);
		assertThat(this.posts.ofPublication(publication).get(0).scheduledOnFacebookAt()).isEqualTo(at);

		// Moved: the post scheduled on Facebook moves with it; cancelled: it is deleted.
		Instant later = at.plus(Duration.ofHours(1));
		as("approver", "APPROVER",
				post("/api/v1/publications/" + publication + "/reschedule").contentType(MediaType.APPLICATION_JSON)
					.content("{\"scheduledAt\":\"" + later.atOffset(java.time.ZoneOffset.ofHours(7)) + "\"}"))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(post.scheduledFor()).isEqualTo(later));
		as("approver", "APPROVER", post("/api/v1/publications/" + publication + "/cancel")).andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(post.deleted()).isTrue());

		long soon = publish(approvedItem("Sắp diễn ra " + UUID.randomUUID()), page,
				Instant.now().plus(Duration.ofMinutes(5)), Map.of());
		assertThat(this.posts.ofPublication(soon)).isEmpty();
		assertThat(this.simulator.postsOf(page)).hasSize(1);
	}

	@Test
	void aPublicationLeftToLoasSchedulerIsPostedWhenItsTimeComes() throws Exception {
		String page = page("UBND xã Ninh Thân", this.area, "token-fires");
		Instant at = Instant.now().plusSeconds(6);
		long publication = publish(approvedItem("Đối thoại với thanh niên " + UUID.randomUUID()), page, at, Map.of());
		assertThat(this.posts.ofPublication(publication)).isEmpty();

		JsonNode row = settled(publication, 1).get(page);
		assertThat(row.path("status").asString()).isEqualTo("SENT");
		GraphSimulator.SimPost post = this.simulator.post(row.path("providerReference").asString());
		assertThat(post.createdAt()).isAfterOrEqualTo(at.truncatedTo(ChronoUnit.SECONDS));
		assertThat(post.scheduledFor()).isNull();
	}

	@Test
	void anApprovedItemWithAnImageGoesToThreePagesAsPhotoPostsWithOneRowEach() throws Exception {
		List<String> pages = List.of(page("Sở Văn hóa", this.area, "token-photo-1"),
				page("UBND huyện Cam Lâm", this.area + ".569", "token-photo-2"),
				page("UBND xã Cam Hòa", this.area + ".569.7", "token-photo-3"));
		String title = "Ảnh ngày hội chuyển đổi số " + UUID.randomUUID();
		FacebookFixtures.Item item = fixtures().approvedItemWithImage(title);

		long publication = publish(item.id(), "area:" + this.area, null, Map.of("facebook.post", "photo"));
		Map<String, JsonNode> rows = settled(publication, 3);

		assertThat(pages).allSatisfy((page) -> {
			assertThat(rows.get(page).path("status").asString()).isEqualTo("SENT");
			assertThat(this.simulator.postsOf(page)).singleElement().satisfies((post) -> {
				assertThat(post.id()).isEqualTo(rows.get(page).path("providerReference").asString());
				assertThat(post.photoUrl()).endsWith("/media/" + item.image());
				assertThat(post.link()).isNull();
				assertThat(post.message()).startsWith(title);
			});
		});
		assertThat(this.posts.ofPublication(publication)).hasSize(3).allMatch((p) -> "photo".equals(p.kind()));
	}

	@Test
	void aPhotoPostCarriesTheItemsFirstImage() {
		String page = page("Sở Thông tin", this.area, "token-photo");
		long publication = ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L);
		ContentVersion content = new ContentVersion(publication, 1, "anh-" + publication, "Ảnh hội nghị", "Tóm tắt",
				"Nội dung", "cai-cach-hanh-chinh", List.of(), List.of("56"), List.of(),
				List.of(new ImageRef("hoi-nghi.jpg", "image/jpeg", "Hội nghị")), "editor", Instant.now());
		ChannelDispatch dispatch = new ChannelDispatch(publication, "facebook", page, content,
				new Rendition("facebook", "post.txt", "t1", "Ảnh hội nghị " + publication, Map.of()),
				Map.of("facebook.post", "photo"), false, Instant.now());

		List<DeliveryOutcome> outcomes = this.publisher.deliver(dispatch);

		assertThat(outcomes).singleElement().satisfies((o) -> assertThat(o.status()).isEqualTo(DeliveryStatus.SENT));
		GraphSimulator.SimPost post = this.simulator.post(outcomes.get(0).providerReference());
		assertThat(post.photoUrl()).endsWith("/media/hoi-nghi.jpg");
		assertThat(post.message()).isEqualTo("Ảnh hội nghị " + publication);
		assertThat(post.link()).isNull();
	}

	@Test
	void aPostThePageWouldNotGiveUpIsAskedAgainByTheSweep() {
		String page = page("UBND xã Suối Tiên", this.area, "token-sweep");
		long contentId = ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L);
		ContentVersion content = new ContentVersion(contentId, 1, "bai-" + contentId, "Bài", "Tóm tắt", "Nội dung",
				"cai-cach-hanh-chinh", List.of(), List.of("56"), List.of(), List.of(), "editor", Instant.now());
		this.publisher.deliver(new ChannelDispatch(contentId, "facebook", page, content,
				new Rendition("facebook", "post.txt", "t1", "Bài " + contentId, Map.of()), Map.of(), false,
				Instant.now()));
		String postId = this.posts.ofContent(contentId).get(0).postId();
		this.posts.withdrawn(contentId, Instant.now());
		this.simulator.inject(page, new GraphSimulator.Fault(2, null, "FacebookApiException",
				"(#2) Service temporarily unavailable", 1, 0));

		assertThat(this.withdrawal.retract(contentId)).isEqualTo(1);
		FacebookPosts.Post refused = this.posts.ofContent(contentId).get(0);
		assertThat(refused.retractError()).contains("Service temporarily unavailable");
		assertThat(refused.nextRetractAt()).isNotNull();
		assertThat(this.simulator.post(postId).deleted()).isFalse();

		assertThat(this.withdrawal.sweep(refused.nextRetractAt().minusSeconds(1))).isZero();
		assertThat(this.posts.ofContent(contentId).get(0).retractAttempts()).isEqualTo(1);
		assertThat(this.withdrawal.sweep(refused.nextRetractAt())).isZero();
		assertThat(this.simulator.post(postId).deleted()).isTrue();
		assertThat(this.posts.ofContent(contentId).get(0).retractAction()).isEqualTo("delete");
	}

	@Test
	void aCitizensCommentLandsInTheInboxLinkedToTheItemAndTheReplyGoesUnderIt() throws Exception {
		String page = page("UBND huyện Ninh Hòa", this.area, "token-comment");
		long item = approvedItem("Thu phí trực tuyến " + UUID.randomUUID());
		String postId = settled(publish(item, page, null, Map.of()), 1).get(page).path("providerReference").asString();

		JsonNode commented = this.json.readTree(
				body(this.mvc
					.perform(post("/sandbox/facebook/" + page + "/comments").param("postId", postId)
						.param("name", "Trần Thị Lan")
						.param("fromId", "100001234")
						.param("message", "Cho hỏi phí nộp trực tuyến là bao nhiêu?"))
					.andExpect(status().isOk())));
		assertThat(commented.path("webhookStatus").asInt()).isEqualTo(200);
		String commentId = commented.path("commentId").asString();

		JsonNode conversation = conversation(page + ":" + postId + ":100001234");
		assertThat(conversation.path("contentItemId").asLong()).isEqualTo(item);
		assertThat(conversation.path("senderName").asString()).isEqualTo("Trần Thị Lan");
		assertThat(conversation.path("messages")).hasSize(1);
		assertThat(conversation.path("messages").get(0).path("text").asString())
			.isEqualTo("Cho hỏi phí nộp trực tuyến là bao nhiêu?");

		JsonNode replied = this.json.readTree(body(as("editor", "EDITOR",
				post("/api/v1/inbox/" + conversation.path("id").asLong() + "/reply")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"text\":\"Chào chị, lệ phí được giảm 50% khi nộp trực tuyến.\"}"))
			.andExpect(status().isCreated())));
		String replyId = replied.path("conversation").path("messages").get(1).path("externalId").asString();
		GraphSimulator.SimComment comment = this.simulator.comment(commentId);
		assertThat(comment.replies()).singleElement().satisfies((reply) -> {
			assertThat(reply.id()).isEqualTo(replyId);
			assertThat(reply.message()).isEqualTo("Chào chị, lệ phí được giảm 50% khi nộp trực tuyến.");
		});

		// An officer hides the comment; it is audited.
		as("editor", "EDITOR", post("/api/v1/facebook/comments/" + commentId + "/hide")).andExpect(status().isOk());
		assertThat(comment.isHidden()).isTrue();
		assertThat(this.jdbc.sql("select actor from facebook_comment_action where comment_id = ?")
			.param(commentId)
			.query(String.class)
			.list()).containsExactly("editor");
	}

	@Test
	void webhookVerificationAndSignatures() throws Exception {
		this.mvc
			.perform(get("/webhooks/facebook").param("hub.mode", "subscribe")
				.param("hub.verify_token", this.app.verifyToken())
				.param("hub.challenge", "1158201444"))
			.andExpect(status().isOk())
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string("1158201444"));
		this.mvc
			.perform(get("/webhooks/facebook").param("hub.mode", "subscribe")
				.param("hub.verify_token", "wrong")
				.param("hub.challenge", "1158201444"))
			.andExpect(status().isForbidden());

		String commentId = "forged_" + UUID.randomUUID();
		String forged = "giả mạo " + commentId;
		// A Page Loa does not know.
		String page = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
		byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + page
				+ "\",\"time\":1764640000,\"changes\":[{\"field\":\"feed\",\"value\":{\"from\":{\"id\":\"42\","
				+ "\"name\":\"Kẻ giả mạo\"},\"post_id\":\"" + page + "_1\",\"comment_id\":\"" + commentId
				+ "\",\"created_time\":1764640000,\"item\":\"comment\",\"parent_id\":\"" + page
				+ "_1\",\"verb\":\"add\",\"message\":\"" + forged + "\"}}]}]}")
			.getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(post("/webhooks/facebook").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/webhooks/facebook").contentType(MediaType.APPLICATION_JSON)
				.header("X-Hub-Signature-256",
						"sha256=" + HexFormat.of().formatHex(FacebookWebhook.hmac("not-the-app-secret", body)))
				.content(body))
			.andExpect(status().isUnauthorized());
		assertThat(commentsWithId(commentId)).isZero();
		assertThat(
				body(as("editor", "EDITOR", get("/api/v1/inbox").param("channel", "facebook").param("limit", "200"))))
			.doesNotContain(forged);

		// Signed, and delivered twice: kept once, even on a Page Loa does not know.
		String signature = "sha256=" + HexFormat.of().formatHex(FacebookWebhook.hmac(this.app.appSecret(), body));
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(post("/webhooks/facebook").contentType(MediaType.APPLICATION_JSON)
					.header("X-Hub-Signature-256", signature)
					.content(body))
				.andExpect(status().isOk());
		}
		assertThat(commentsWithId(commentId)).isEqualTo(1);
		assertThat(conversation(page + ":" + page + "_1:42").path("messages")).hasSize(1);
	}

	private long commentsWithId(String commentId) {
		return this.jdbc.sql("select count(*) from facebook_comment where comment_id = ?")
			.param(commentId)
			.query(Long.class)
			.single();
	}

	private JsonNode conversation(String citizen) throws Exception {
		JsonNode list = this.json.readTree(
				body(as("editor", "EDITOR", get("/api/v1/inbox").param("channel", "facebook").param("limit", "200"))
					.andExpect(status().isOk())));
		for (JsonNode c : list.path("conversations")) {
			if (citizen.equals(c.path("citizen").asString(null))) {
				return c;
			}
		}
		throw new AssertionError("no conversation with " + citizen + " in " + list);
	}

	private String page(String name, String areaCode, String token) {
		try {
			return fixtures().page(name, areaCode, token);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private FacebookFixtures fixtures() {
		return new FacebookFixtures(this.mvc, this.json);
	}

	private Map<String, JsonNode> pages() throws Exception {
		return this.json
			.readTree(body(as("editor", "EDITOR", get("/api/v1/facebook/pages")).andExpect(status().isOk())))
			.valueStream()
			.collect(Collectors.toMap((p) -> p.path("pageId").asString(), Function.identity()));
	}

	private long publish(long item, String target, Instant at, Map<String, String> options) throws Exception {
		Map<String, Object> request = new java.util.LinkedHashMap<>();
		request.put("contentId", item);
		request.put("targets", List.of(Map.of("channel", "facebook", "target", target)));
		request.put("options", options);
		if (at != null) {
			request.put("scheduledAt", at.atOffset(java.time.ZoneOffset.ofHours(7)).toString());
		}
		return this.json
			.readTree(body(as("approver", "APPROVER",
					post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
						.content(this.json.writeValueAsString(request)))
				.andExpect(status().isCreated())))
			.path("id")
			.asLong();
	}

	private Map<String, JsonNode> settled(long publication, int rows) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(deliveries(publication).values()).hasSize(rows)
				.allSatisfy((d) -> assertThat(d.path("status").asString()).isNotIn("PENDING", "SENDING")));
		try {
			return deliveries(publication);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, JsonNode> deliveries(long publication) throws Exception {
		return this.json
			.readTree(body(as("approver", "APPROVER", get("/api/v1/publications/" + publication + "/deliveries"))
				.andExpect(status().isOk())))
			.valueStream()
			.collect(Collectors.toMap((d) -> d.path("target").asString(), Function.identity()));
	}

	private String slug(long item) throws Exception {
		return this.json
			.readTree(body(as("editor", "EDITOR", get("/api/v1/contents/" + item)).andExpect(status().isOk())))
			.path("slug")
			.asString();
	}

	private long approvedItem(String title) throws Exception {
		return fixtures().approvedItem(title, "Người dân nộp hồ sơ không cần đến cơ quan.");
	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return fixtures().as(name, role, request);
	}

	private static String body(ResultActions result) throws Exception {
		return FacebookFixtures.body(result);
	}

}
