package vn.loa.channels.zalo.zns;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.channels.ChannelHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Pins the ZNS client to the JSON Zalo documents, requests and answers alike. */
class ZnsClientContractTests {

	private final MockWebServer server = new MockWebServer();

	private final JsonMapper json = JsonMapper.builder().build();

	private ZnsClient client;

	@BeforeEach
	void start() throws Exception {
		this.server.start();
		String base = "http://127.0.0.1:" + this.server.getPort();
		this.client = new ZnsClient(ChannelHttp.restClient(Duration.ofSeconds(2), Duration.ofSeconds(5)), () -> base);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void sendPostsTheDocumentedBodyWithTheTokenHeaderAndReadsMsgIdAndQuota() throws Exception {
		answer("{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"a1b2c3\",\"sent_time\":\"1733100000000\","
				+ "\"quota\":{\"dailyQuota\":\"500\",\"remainingQuota\":\"499\"}}}");
		Map<String, String> data = new LinkedHashMap<>();
		data.put("ten_thong_bao", "Thông báo");

		ZnsClient.SendAnswer answer = this.client.send("oa-token", "84987654321", "355330", data, "12345", false);

		assertThat(answer.accepted()).isTrue();
		assertThat(answer.msgId()).isEqualTo("a1b2c3");
		assertThat(answer.dailyQuota()).isEqualTo(500);
		assertThat(answer.remainingQuota()).isEqualTo(499);
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/message/template");
		assertThat(request.getHeaders().get("access_token")).isEqualTo("oa-token");
		JsonNode body = this.json.readTree(request.getBody().utf8());
		assertThat(body.path("phone").asString()).isEqualTo("84987654321");
		assertThat(body.path("template_id").asString()).isEqualTo("355330");
		assertThat(body.path("template_data").path("ten_thong_bao").asString()).isEqualTo("Thông báo");
		assertThat(body.path("tracking_id").asString()).isEqualTo("12345");
		assertThat(body.has("mode")).isFalse();
	}

	@Test
	void developmentModeIsSentWhenAsked() throws Exception {
		answer("{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"x\"}}");

		this.client.send("t", "84987654321", "355330", Map.of("a", "b"), "1", true);

		assertThat(this.json.readTree(this.server.takeRequest().getBody().utf8()).path("mode").asString())
			.isEqualTo("development");
	}

	@Test
	void anErrorComesAsHttp200WithANonZeroError() {
		answer("{\"error\":-118,\"message\":\"Zalo account does not exist\"}");

		ZnsClient.SendAnswer answer = this.client.send("t", "84987654321", "355330", Map.of("a", "b"), "1", false);

		assertThat(answer.accepted()).isFalse();
		assertThat(answer.error()).isEqualTo(-118);
		assertThat(answer.message()).isEqualTo("Zalo account does not exist");
	}

	@Test
	void templatesInfoAndQuotaReadTheDocumentedFields() throws Exception {
		answer("{\"error\":0,\"message\":\"Success\",\"data\":[{\"templateId\":355330,\"templateName\":\"Thông báo\","
				+ "\"status\":\"ENABLE\",\"templateQuality\":\"HIGH\"},{\"templateId\":355331,\"templateName\":\"Cũ\","
				+ "\"status\":\"DISABLE\",\"templateQuality\":\"LOW\"}],\"metadata\":{\"total\":2}}");
		answer("{\"error\":0,\"message\":\"Success\",\"data\":{\"templateId\":355330,\"templateName\":\"Thông báo\","
				+ "\"status\":\"ENABLE\",\"listParams\":[{\"name\":\"ten_thong_bao\",\"require\":true,\"type\":\"STRING\","
				+ "\"maxLength\":120,\"minLength\":0,\"acceptNull\":false}],\"price\":\"300\"}}");
		answer("{\"error\":0,\"message\":\"Success\",\"data\":{\"dailyQuota\":\"500\",\"remainingQuota\":\"12\"}}");

		assertThat(this.client.templates("t"))
			.extracting(ZnsClient.TemplateSummary::templateId, ZnsClient.TemplateSummary::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("355330", "ENABLED"),
					org.assertj.core.groups.Tuple.tuple("355331", "DISABLED"));
		ZnsClient.TemplateInfo info = this.client.templateInfo("t", "355330");
		assertThat(info.params()).singleElement().satisfies((p) -> {
			assertThat(p.name()).isEqualTo("ten_thong_bao");
			assertThat(p.maxLength()).isEqualTo(120);
			assertThat(p.require()).isTrue();
		});
		assertThat(this.client.quota("t")).isEqualTo(new ZnsClient.Quota(500, 12));
		assertThat(this.server.takeRequest().getTarget()).isEqualTo("/template/all?offset=0&limit=100");
		assertThat(this.server.takeRequest().getTarget()).isEqualTo("/template/info?template_id=355330");
		RecordedRequest quota = this.server.takeRequest();
		assertThat(quota.getTarget()).isEqualTo("/message/quota");
		assertThat(quota.getHeaders().get("access_token")).isEqualTo("t");
	}

	@Test
	void aGetThatZaloRefusesIsAnErrorNamingTheCode() {
		answer("{\"error\":-124,\"message\":\"Access token is invalid\"}");

		assertThatExceptionOfType(ZnsClient.ZnsApiException.class).isThrownBy(() -> this.client.quota("t"))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(-124));
	}

	private void answer(String body) {
		this.server.enqueue(
				new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
	}

}
