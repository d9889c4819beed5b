package vn.loa.channels.wordpress;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.env.MockEnvironment;

import vn.loa.channels.RetractionRetry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trashing is safe to repeat, so a 5xx or a refused connection is tried once more; a
 * refusal by WordPress is not.
 */
class WordPressSenderTrashTests {

	private WireMockServer wordpress;

	private WordPressSender sender;

	@BeforeEach
	void start() {
		this.wordpress = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		this.wordpress.start();
		WordPressProperties properties = new WordPressProperties(true, WordPressProperties.Mode.LIVE, "post.html",
				Duration.ofSeconds(10), Duration.ofSeconds(10), new WordPressProperties.Retry(3, Duration.ofMillis(10)),
				Duration.ofMinutes(5),
				new RetractionRetry(Duration.ofMinutes(1), 8, Duration.ofMinutes(1), Duration.ofHours(6), 100),
				List.of(new WordPressProperties.Site("so-noi-vu", "http://127.0.0.1:" + this.wordpress.port(),
						"http://127.0.0.1:" + this.wordpress.port() + "/wp-json/", "bientap", "WP_SO_NOI_VU")),
				new WordPressProperties.Sandbox("loa-sandbox", "pw"));
		this.sender = new WordPressSender(properties,
				new WordPressSites(properties, new MockEnvironment().withProperty("WP_SO_NOI_VU", "abcd EFGH")),
				JsonMapper.builder().build());
	}

	@AfterEach
	void stop() {
		this.wordpress.stop();
	}

	@Test
	void aServerErrorIsTriedOnceMore() {
		this.wordpress.stubFor(delete("/wp-json/wp/v2/posts/7").inScenario("trash")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502).withBody("Bad Gateway"))
			.willSetStateTo("up"));
		this.wordpress.stubFor(delete("/wp-json/wp/v2/posts/7").inScenario("trash")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":7,\"status\":\"trash\"}")));

		assertThat(this.sender.trash("so-noi-vu", 7)).isEqualTo(new WordPressTrashResult.Trashed(7, "trash", null));
		this.wordpress.verify(2, deleteRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/7")));
	}

	@Test
	void onlyOnceMore() {
		this.wordpress.stubFor(delete("/wp-json/wp/v2/posts/7").willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":\"internal_server_error\",\"message\":\"There has been a critical error.\","
					+ "\"data\":{\"status\":500}}")));

		assertThat(this.sender.trash("so-noi-vu", 7)).isEqualTo(new WordPressTrashResult.Failed(500,
				"internal_server_error", "There has been a critical error.", true));
		this.wordpress.verify(2, deleteRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/7")));
	}

	@Test
	void aRefusalIsNotTriedAgain() {
		this.wordpress.stubFor(delete("/wp-json/wp/v2/posts/7").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":\"incorrect_password\",\"message\":\"The provided password is an invalid"
					+ " application password.\",\"data\":{\"status\":401}}")));

		assertThat(this.sender.trash("so-noi-vu", 7)).isEqualTo(new WordPressTrashResult.Failed(401,
				"incorrect_password", "The provided password is an invalid application password.", false));
		this.wordpress.verify(1, deleteRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/7")));
	}

	@Test
	void aSiteNoLongerConfiguredIsAFailure() {
		assertThat(this.sender.trash("da-xoa", 7)).isInstanceOfSatisfying(WordPressTrashResult.Failed.class,
				(failed) -> assertThat(failed.code()).isEqualTo("unknown_site"));
	}

}
