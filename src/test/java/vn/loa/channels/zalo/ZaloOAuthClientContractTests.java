package vn.loa.channels.zalo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.env.MockEnvironment;

import vn.loa.common.LoaProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins the OAuth v4 token calls to Zalo's documented form: {@code POST
 * /v4/oa/access_token}, header {@code secret_key}, the form fields of each grant, and
 * answers whose errors come with HTTP 200.
 */
class ZaloOAuthClientContractTests {

	private MockWebServer server;

	private ZaloOAuthClient client;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getByName("127.0.0.1"), 0);
		ZaloProperties properties = ZaloTestProperties.live(this.server.url("/").toString(),
				this.server.url("/").toString());
		ZaloEndpoints endpoints = new ZaloEndpoints(properties,
				new LoaProperties(java.nio.file.Path.of("target"), "http://localhost:8080"), new MockEnvironment());
		this.client = new ZaloOAuthClient(endpoints, properties, JsonMapper.builder().build());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void theCodeIsExchangedWithTheVerifier() throws Exception {
		answer("{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"expires_in\":\"90000\"}");

		ZaloOAuthClient.TokenPair pair = this.client.exchangeCode("code-1", "v".repeat(43));

		assertThat(pair.accessToken()).isEqualTo("at-1");
		assertThat(pair.refreshToken()).isEqualTo("rt-1");
		assertThat(pair.expiresIn()).isEqualTo(Duration.ofSeconds(90000));
		assertThat(pair.toString()).doesNotContain("at-1").doesNotContain("rt-1");
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v4/oa/access_token");
		assertThat(request.getHeaders().get("secret_key")).isEqualTo("app-secret");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
		assertThat(form(request)).containsEntry("code", "code-1")
			.containsEntry("app_id", "111")
			.containsEntry("grant_type", "authorization_code")
			.containsEntry("code_verifier", "v".repeat(43));
	}

	@Test
	void aRefreshSendsTheRefreshTokenAndARefusalCarriesZalosCodeAndWords() throws Exception {
		answer("{\"access_token\":\"at-2\",\"refresh_token\":\"rt-2\",\"expires_in\":90000}");
		assertThat(this.client.refresh("rt-1").refreshToken()).isEqualTo("rt-2");
		assertThat(form(this.server.takeRequest())).containsEntry("refresh_token", "rt-1")
			.containsEntry("app_id", "111")
			.containsEntry("grant_type", "refresh_token");

		answer("{\"error_name\":\"Invalid parameter\",\"error_reason\":\"Invalid refresh token\","
				+ "\"error_description\":\"Invalid refresh token\",\"error\":-14014}");
		assertThatThrownBy(() -> this.client.refresh("rt-1")).isInstanceOfSatisfying(ZaloOAuthClient.Refused.class,
				(refused) -> {
					assertThat(refused.code()).isEqualTo(-14014);
					assertThat(refused.getMessage()).isEqualTo("Invalid refresh token");
				});
	}

	private static Map<String, String> form(RecordedRequest request) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : request.getBody().utf8().split("&")) {
			String[] kv = pair.split("=", 2);
			form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
					URLDecoder.decode((kv.length > 1) ? kv[1] : "", StandardCharsets.UTF_8));
		}
		return form;
	}

	private void answer(String json) {
		this.server.enqueue(
				new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(json).build());
	}

}
