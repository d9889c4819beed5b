package vn.loa.channels.zalo;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;

import vn.loa.common.LoaProperties;
import vn.loa.deliverylog.DeliveryStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins Loa's Zalo OA client to the documented requests and answers: paths, the
 * {@code access_token} header, the JSON bodies, the single JSON {@code data} query
 * parameter of GETs, and the {@code {error, message, data}} envelope whose errors come
 * with HTTP 200.
 */
class ZaloOaClientContractTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private MockWebServer server;

	private ZaloOaClient client;

	private final List<String> tokens = new ArrayList<>(List.of("token-1", "token-2"));

	private final List<String> refused = new ArrayList<>();

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getByName("127.0.0.1"), 0);
		ZaloProperties properties = ZaloTestProperties.live(this.server.url("/").toString(),
				this.server.url("/").toString());
		ZaloEndpoints endpoints = new ZaloEndpoints(properties,
				new LoaProperties(java.nio.file.Path.of("target"), "http://localhost:8080"), new MockEnvironment());
		ZaloTokenSource source = new ZaloTokenSource() {

			@Override
			public String accessToken() {
				return ZaloOaClientContractTests.this.tokens.get(0);
			}

			@Override
			public void refused(String accessToken) {
				ZaloOaClientContractTests.this.refused.add(accessToken);
				ZaloOaClientContractTests.this.tokens.remove(accessToken);
			}

		};
		this.client = new ZaloOaClient(endpoints, source, properties, this.json);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aConsultationMessageIsPostedAsDocumentedAndAnswersTheMessageId() throws Exception {
		answer("{\"data\":{\"message_id\":\"a1b2c3\",\"user_id\":\"4455\"},\"error\":0,\"message\":\"Success\"}");

		assertThat(this.client.sendText("4455", "Xin chào")).isEqualTo("a1b2c3");

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v3.0/oa/message/cs");
		assertThat(request.getHeaders().get("access_token")).isEqualTo("token-1");
		JsonNode body = this.json.readTree(request.getBody().utf8());
		assertThat(body.path("recipient").path("user_id").asString()).isEqualTo("4455");
		assertThat(body.path("message").path("text").asString()).isEqualTo("Xin chào");
	}

	@Test
	void errorsSentWithHttp200AreRefusalsClassifiedByTheStatusTable() {
		answer("{\"error\":-230,\"message\":\"User has not interacted with the OA in the last 7 days\"}");
		assertThatThrownBy(() -> this.client.sendText("4455", "Xin chào")).isInstanceOfSatisfying(ZaloApiError.class,
				(error) -> {
					assertThat(error.status()).isEqualTo(DeliveryStatus.SKIPPED);
					assertThat(error.code()).isEqualTo("-230");
					assertThat(error.getMessage()).isEqualTo("User has not interacted with the OA in the last 7 days");
					assertThat(error.retrySafe()).isFalse();
				});

		answer("{\"error\":-207,\"message\":\"User id is invalid\"}");
		assertThatThrownBy(() -> this.client.sendText("0", "x")).isInstanceOfSatisfying(ZaloApiError.class,
				(error) -> assertThat(error.status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE));

		answer("{\"error\":-999,\"message\":\"Something new\"}");
		assertThatThrownBy(() -> this.client.sendText("1", "x")).isInstanceOfSatisfying(ZaloApiError.class, (error) -> {
			assertThat(error.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
			assertThat(error.getMessage()).isEqualTo("Something new");
		});

		this.server.enqueue(new MockResponse.Builder().code(502).body("Bad gateway").build());
		assertThatThrownBy(() -> this.client.sendText("1", "x")).isInstanceOfSatisfying(ZaloApiError.class, (error) -> {
			assertThat(error.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
			assertThat(error.retrySafe()).isFalse();
		});
	}

	@Test
	void anInvalidTokenIsReportedAndTheCallMadeOnceMoreWithTheNextToken() throws Exception {
		answer("{\"error\":-201,\"message\":\"Access token is invalid\"}");
		answer("{\"data\":{\"message_id\":\"m2\"},\"error\":0,\"message\":\"Success\"}");

		assertThat(this.client.sendText("4455", "Xin chào")).isEqualTo("m2");

		assertThat(this.refused).containsExactly("token-1");
		assertThat(this.server.takeRequest().getHeaders().get("access_token")).isEqualTo("token-1");
		assertThat(this.server.takeRequest().getHeaders().get("access_token")).isEqualTo("token-2");
	}

	@Test
	void anArticleIsCreatedWithCoverAndBlocksThenVerified() throws Exception {
		answer("{\"data\":{\"token\":\"art-token\"},\"error\":0,\"message\":\"Success\"}");
		answer("{\"data\":{\"id\":\"art-42\"},\"error\":0,\"message\":\"Success\"}");

		String token = this.client.createArticle(new ZaloOaClient.Article("Tiêu đề", "Sở Nội vụ",
				"https://loa.example/media/a.png", "Tóm tắt", List.of(ZaloOaClient.Block.text("Đoạn một"),
						ZaloOaClient.Block.image("https://loa.example/media/b.png", "Ảnh"))));
		assertThat(this.client.verifyArticle(token)).isEqualTo("art-42");

		RecordedRequest create = this.server.takeRequest();
		assertThat(create.getUrl().encodedPath()).isEqualTo("/v2.0/article/create");
		JsonNode body = this.json.readTree(create.getBody().utf8());
		assertThat(body.path("type").asString()).isEqualTo("normal");
		assertThat(body.path("title").asString()).isEqualTo("Tiêu đề");
		assertThat(body.path("author").asString()).isEqualTo("Sở Nội vụ");
		assertThat(body.path("cover").path("cover_type").asString()).isEqualTo("photo");
		assertThat(body.path("cover").path("photo_url").asString()).isEqualTo("https://loa.example/media/a.png");
		assertThat(body.path("cover").path("status").asString()).isEqualTo("show");
		assertThat(body.path("description").asString()).isEqualTo("Tóm tắt");
		assertThat(body.path("status").asString()).isEqualTo("show");
		assertThat(body.path("body").get(0).path("type").asString()).isEqualTo("text");
		assertThat(body.path("body").get(0).path("content").asString()).isEqualTo("Đoạn một");
		assertThat(body.path("body").get(1).path("type").asString()).isEqualTo("image");
		assertThat(body.path("body").get(1).path("url").asString()).isEqualTo("https://loa.example/media/b.png");
		assertThat(body.path("body").get(1).path("caption").asString()).isEqualTo("Ảnh");
		RecordedRequest verify = this.server.takeRequest();
		assertThat(verify.getUrl().encodedPath()).isEqualTo("/v2.0/article/verify");
		assertThat(this.json.readTree(verify.getBody().utf8()).path("token").asString()).isEqualTo("art-token");
	}

	@Test
	void anImageIsUploadedAsMultipartFile() throws Exception {
		answer("{\"data\":{\"attachment_id\":\"att-1\"},\"error\":0,\"message\":\"Success\"}");

		assertThat(this.client.uploadImage(new byte[] { 1, 2, 3 }, "cover.png", MediaType.IMAGE_PNG))
			.isEqualTo("att-1");

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v2.0/oa/upload/image");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
		assertThat(request.getBody().utf8()).contains("name=\"file\"").contains("filename=\"cover.png\"");
	}

	@Test
	void followerListsAndDetailsPassOneJsonDataQueryParameter() throws Exception {
		answer("{\"data\":{\"total\":2,\"count\":2,\"offset\":0,\"users\":[{\"user_id\":\"11\"},{\"user_id\":\"12\"}]},"
				+ "\"error\":0,\"message\":\"Success\"}");
		answer("{\"data\":{\"user_id\":\"11\",\"display_name\":\"Trần Văn Bình\",\"user_is_follower\":true,"
				+ "\"shared_info\":{\"phone\":\"84905123456\",\"name\":\"Trần Văn Bình\"}},\"error\":0,"
				+ "\"message\":\"Success\"}");

		ZaloOaClient.FollowerPage page = this.client.followers(0, 50);
		ZaloOaClient.FollowerDetail detail = this.client.follower("11");

		assertThat(page.total()).isEqualTo(2);
		assertThat(page.userIds()).containsExactly("11", "12");
		assertThat(detail.displayName()).isEqualTo("Trần Văn Bình");
		assertThat(detail.follower()).isTrue();
		assertThat(detail.phone()).isEqualTo("84905123456");
		RecordedRequest list = this.server.takeRequest();
		assertThat(list.getMethod()).isEqualTo("GET");
		assertThat(list.getUrl().encodedPath()).isEqualTo("/v3.0/oa/user/getlist");
		JsonNode data = this.json.readTree(list.getUrl().queryParameter("data"));
		assertThat(data.path("offset").asInt()).isZero();
		assertThat(data.path("count").asInt()).isEqualTo(50);
		assertThat(data.path("is_follower").asBoolean()).isTrue();
		RecordedRequest one = this.server.takeRequest();
		assertThat(one.getUrl().encodedPath()).isEqualTo("/v3.0/oa/user/detail");
		assertThat(this.json.readTree(one.getUrl().queryParameter("data")).path("user_id").asString()).isEqualTo("11");
	}

	private void answer(String json) {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body(new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
			.build());
	}

}
