package vn.loa.channels.wordpress;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.loa.channels.WebChannelsTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The withdrawal sweep against the simulator, called directly with the time it runs at
 * (the scheduled one is an hour away in tests): {@code sai-mat-khau} has a wrong
 * application password, until a test sets the right one.
 */
@WebChannelsTest
class WordPressWithdrawalSweepTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MockMvc mvc;

	@Autowired
	WordPressPosts posts;

	@Autowired
	WordPressWithdrawal withdrawal;

	@Autowired
	ConfigurableEnvironment environment;

	@Test
	void aRefusedTrashIsAskedAgainAfterItsDelayAndSucceedsOnceThePasswordIsRight() throws Exception {
		long contentId = contentId();
		long post = site().create("Bài bị từ chối xoá");
		Instant now = Instant.now();
		this.posts.remember(contentId, 1, 61, "sai-mat-khau", post, site().base() + "/?p=" + post, "publish", null,
				now);
		this.posts.withdrawn(contentId, now);

		assertThat(this.withdrawal.trashPosts(contentId)).isEqualTo(1);
		WordPressPosts.Post refused = this.posts.ofContent(contentId).get(0);
		assertThat(refused.trashAttempts()).isEqualTo(1);
		assertThat(refused.nextTrashAt()).isAfter(now.plusSeconds(50)).isBefore(now.plusSeconds(70));

		// Not due yet: the site is not asked.
		this.withdrawal.sweep(now.plusSeconds(30));
		assertThat(this.posts.ofContent(contentId).get(0).trashAttempts()).isEqualTo(1);

		// Still refused: the delay doubles.
		Instant second = now.plusSeconds(90);
		this.withdrawal.sweep(second);
		refused = this.posts.ofContent(contentId).get(0);
		assertThat(refused.trashAttempts()).isEqualTo(2);
		assertThat(refused.nextTrashAt()).isCloseTo(second.plus(Duration.ofMinutes(2)), within(1, ChronoUnit.MILLIS));
		assertThat(site().status(post)).isEqualTo("publish");

		// An operator puts the right password in the site's variable.
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("fixed-password",
					Map.of("LOA_TEST_WRONG_WP_PASSWORD", "sandbox app password 0000")));
		try {
			this.withdrawal.sweep(second.plus(Duration.ofMinutes(3)));
		}
		finally {
			this.environment.getPropertySources().remove("fixed-password");
		}

		assertThat(site().status(post)).isEqualTo("trash");
		JsonNode listed = listed(contentId).get(0);
		assertThat(listed.path("trashedAt").isNull()).isFalse();
		assertThat(listed.path("trashError").isNull()).isTrue();
		assertThat(listed.path("trashAttempts").asInt()).isEqualTo(3);
		assertThat(listed.path("nextTrashAt").isNull()).isTrue();
		assertThat(listed.path("trashGivenUpAt").isNull()).isTrue();
	}

	@Test
	void givesUpAfterTheMaximumAttemptsAndKeepsTheError() throws Exception {
		long contentId = contentId();
		long post = site().create("Bài không bao giờ xoá được");
		Instant now = Instant.now();
		this.posts.remember(contentId, 1, 62, "sai-mat-khau", post, site().base() + "/?p=" + post, "publish", null,
				now);
		this.posts.withdrawn(contentId, now);
		this.withdrawal.trashPosts(contentId);

		Instant at = now;
		for (int pass = 2; pass <= 8; pass++) {
			at = at.plus(Duration.ofDays(1));
			this.withdrawal.sweep(at);
			assertThat(this.posts.ofContent(contentId).get(0).trashAttempts()).isEqualTo(pass);
		}
		// Given up: later sweeps leave it alone.
		this.withdrawal.sweep(at.plus(Duration.ofDays(30)));

		assertThat(site().status(post)).isEqualTo("publish");
		JsonNode listed = listed(contentId).get(0);
		assertThat(listed.path("trashedAt").isNull()).isTrue();
		assertThat(listed.path("trashAttempts").asInt()).isEqualTo(8);
		assertThat(listed.path("trashGivenUpAt").isNull()).isFalse();
		assertThat(listed.path("nextTrashAt").isNull()).isTrue();
		assertThat(listed.path("trashError").asString())
			.isEqualTo("rest_cannot_delete: Sorry, you are not allowed to delete this post.");
		assertThat(this.withdrawal.trashPosts(contentId)).isZero();
		assertThat(this.posts.ofContent(contentId).get(0).trashAttempts()).isEqualTo(8);
	}

	@Test
	void aPostRememberedAfterTheWithdrawalWasHandledIsTrashedByTheSweep() throws Exception {
		long contentId = contentId();
		Instant now = Instant.now();
		// The withdrawal is handled while a dispatch is still on its way: nothing to
		// trash.
		this.posts.withdrawn(contentId, now);
		assertThat(this.withdrawal.trashPosts(contentId)).isZero();
		long late = site().create("Bài đăng trễ");
		this.posts.remember(contentId, 1, 63, "so-noi-vu", late, site().base() + "/?p=" + late, "publish", null,
				now.plusSeconds(1));
		// An item that is not withdrawn keeps its post.
		long other = contentId();
		long kept = site().create("Bài của tin khác");
		this.posts.remember(other, 1, 64, "so-noi-vu", kept, site().base() + "/?p=" + kept, "publish", null, now);

		this.withdrawal.sweep(now.plusSeconds(2));

		assertThat(site().status(late)).isEqualTo("trash");
		assertThat(listed(contentId).get(0).path("trashedAt").isNull()).isFalse();
		assertThat(site().status(kept)).isEqualTo("publish");
		assertThat(this.posts.ofContent(other).get(0).trashAttempts()).isZero();
	}

	private static long contentId() {
		return ThreadLocalRandom.current().nextLong(6_000_000, 7_000_000);
	}

	private JsonNode listed(long contentId) throws Exception {
		return this.json.readTree(this.mvc
			.perform(get("/api/v1/wordpress/posts").param("contentId", Long.toString(contentId))
				.with(user("editor").roles("EDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private SandboxSite site() {
		return new SandboxSite(this.port, this.json);
	}

}
