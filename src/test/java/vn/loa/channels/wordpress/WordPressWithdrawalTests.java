package vn.loa.channels.wordpress;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import vn.loa.channels.WebChannelsTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Trashing a withdrawn item's posts against the simulator, with the test context's two
 * sites: {@code so-noi-vu} has the right application password, {@code sai-mat-khau} a
 * wrong one, so its post stays and the refusal is kept.
 */
@WebChannelsTest
class WordPressWithdrawalTests {

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

	@Test
	void trashesEveryPostOfTheItemAndKeepsWhatASiteRefused() throws Exception {
		long contentId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
		long trashable = site().create("Thông báo trên Sở Nội vụ");
		long refused = site().create("Thông báo trên trang sai mật khẩu");
		long unknown = ThreadLocalRandom.current().nextLong(900_000_000, 1_000_000_000);
		Instant now = Instant.now();
		this.posts.remember(contentId, 1, 41, "so-noi-vu", trashable, site().base() + "/?p=" + trashable, "publish",
				null, now);
		this.posts.remember(contentId, 1, 41, "sai-mat-khau", refused, site().base() + "/?p=" + refused, "publish",
				null, now);
		// Deleted on the site by hand: WordPress answers 404, which means it is gone.
		this.posts.remember(contentId, 2, 42, "so-noi-vu", unknown, site().base() + "/?p=" + unknown, "publish", null,
				now);

		assertThat(this.withdrawal.trashPosts(contentId)).isEqualTo(1);

		assertThat(site().status(trashable)).isEqualTo("trash");
		assertThat(site().status(refused)).isEqualTo("publish");
		JsonNode listed = this.json.readTree(this.mvc
			.perform(get("/api/v1/wordpress/posts").param("contentId", Long.toString(contentId))
				.with(user("editor").roles("EDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(listed.size()).isEqualTo(3);
		assertThat(listed.get(0).path("site").asString()).isEqualTo("so-noi-vu");
		assertThat(listed.get(0).path("postId").asLong()).isEqualTo(trashable);
		assertThat(listed.get(0).path("link").asString()).isEqualTo(site().base() + "/?p=" + trashable);
		assertThat(listed.get(0).path("trashedAt").isNull()).isFalse();
		assertThat(listed.get(0).path("trashError").isNull()).isTrue();
		assertThat(listed.get(1).path("site").asString()).isEqualTo("sai-mat-khau");
		assertThat(listed.get(1).path("trashedAt").isNull()).isTrue();
		assertThat(listed.get(1).path("trashError").asString())
			.isEqualTo("rest_cannot_delete: Sorry, you are not allowed to delete this post.");
		assertThat(listed.get(2).path("postId").asLong()).isEqualTo(unknown);
		assertThat(listed.get(2).path("trashedAt").isNull()).isFalse();

		// A second pass leaves the refused post to its next attempt; then only the site
		// that refused is asked again, and it still refuses.
		assertThat(this.withdrawal.trashPosts(contentId)).isZero();
		WordPressPosts.Post owed = this.posts.toTrash(contentId).get(0);
		assertThat(owed.trashAttempts()).isOne();
		this.posts.withdrawn(contentId, now);
		this.withdrawal.sweep(owed.nextTrashAt());
		assertThat(this.posts.toTrash(contentId)).singleElement().satisfies((p) -> {
			assertThat(p.site()).isEqualTo("sai-mat-khau");
			assertThat(p.trashAttempts()).isEqualTo(2);
		});
	}

	@Test
	void theListNeedsALogin() throws Exception {
		this.mvc.perform(get("/api/v1/wordpress/posts").param("contentId", "1")).andExpect(status().isUnauthorized());
	}

	private SandboxSite site() {
		return new SandboxSite(this.port, this.json);
	}

}
