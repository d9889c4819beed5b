package vn.loa.channels.wordpress;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import vn.loa.channels.WebChannelsTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real client against Loa's own simulator: the sandbox must answer like WordPress.
 */
@WebChannelsTest
class WordPressSimulatorTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper jsonMapper;

	private WordPressClient client() {
		return new WordPressClient(this.jsonMapper, Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

	private String base() {
		return "http://127.0.0.1:" + this.port + "/sandbox/wordpress";
	}

	private String api() {
		return base() + "/wp-json/";
	}

	@Test
	void createsAPostThatCanBeReadBack() {
		// WordPress accepts the password with or without the spaces it displays.
		WordPressResult result = client().createPost(api(), "loa-sandbox", "sandboxapppassword0000",
				WordPressPost.publishNow("Rà soát thủ tục hành chính", "<p>Nội dung rà soát</p>", "Tóm tắt"));

		assertThat(result).isInstanceOf(WordPressResult.Created.class);
		WordPressResult.Created created = (WordPressResult.Created) result;
		assertThat(created.status()).isEqualTo("publish");
		assertThat(created.link()).startsWith(base() + "/20").endsWith("/ra-soat-thu-tuc-hanh-chinh/");

		JsonNode post = RestClient.create()
			.get()
			.uri(base() + "/wp-json/wp/v2/posts/" + created.id())
			.header("Authorization", SandboxSite.AUTHORIZATION)
			.retrieve()
			.body(JsonNode.class);
		assertThat(post.path("title").path("rendered").asString()).isEqualTo("Rà soát thủ tục hành chính");
		assertThat(post.path("author").asLong()).isEqualTo(1);
		JsonNode list = RestClient.create().get().uri(base() + "/wp-json/wp/v2/posts").retrieve().body(JsonNode.class);
		assertThat(list.isArray()).isTrue();
		assertThat(list.valueStream().map((p) -> p.path("id").asLong())).contains(created.id());
	}

	@Test
	void schedulesFuturePosts() {
		Instant at = Instant.now().plus(3, ChronoUnit.DAYS);
		WordPressResult.Created created = (WordPressResult.Created) client().createPost(api(), "loa-sandbox",
				"sandbox app password 0000", WordPressPost.scheduled("Lịch tiếp công dân", "<p>x</p>", "y", at));

		assertThat(created.status()).isEqualTo("future");
	}

	@Test
	void refusesAWrongApplicationPasswordLikeWordPress() {
		assertThat(client().createPost(api(), "loa-sandbox", "wrong", WordPressPost.publishNow("t", "c", "e")))
			.isEqualTo(new WordPressResult.Rejected(401, "rest_cannot_create",
					"Sorry, you are not allowed to create posts as this user."));
	}

	@Test
	void unknownPostIsNotFound() {
		var answer = RestClient.create()
			.get()
			.uri(base() + "/wp-json/wp/v2/posts/999999")
			.exchange((req, res) -> res.getStatusCode().value() + " " + new String(res.getBody().readAllBytes()));
		assertThat(answer).startsWith("404").contains("rest_post_invalid_id");
	}

	@Test
	void trashesAPostLikeWordPressAndThenAnswersGone() {
		WordPressResult.Created created = (WordPressResult.Created) client().createPost(api(), "loa-sandbox",
				"sandbox app password 0000", WordPressPost.publishNow("Thông báo sẽ rút", "<p>x</p>", "y"));

		assertThat(client().trash(api(), "loa-sandbox", "sandbox app password 0000", created.id()))
			.isEqualTo(new WordPressTrashResult.Trashed(created.id(), "trash", base() + "/?p=" + created.id()));
		JsonNode post = RestClient.create()
			.get()
			.uri(base() + "/wp-json/wp/v2/posts/" + created.id())
			.header("Authorization", SandboxSite.AUTHORIZATION)
			.retrieve()
			.body(JsonNode.class);
		assertThat(post.path("status").asString()).isEqualTo("trash");

		var again = RestClient.create()
			.delete()
			.uri(base() + "/wp-json/wp/v2/posts/" + created.id())
			.header("Authorization", "Basic bG9hLXNhbmRib3g6c2FuZGJveCBhcHAgcGFzc3dvcmQgMDAwMA==")
			.exchange((req, res) -> res.getStatusCode().value() + " " + new String(res.getBody().readAllBytes()));
		assertThat(again).startsWith("410")
			.contains("\"code\":\"rest_already_trashed\"")
			.contains("The post has already been deleted.");
		assertThat(client().trash(api(), "loa-sandbox", "sandbox app password 0000", created.id()))
			.isEqualTo(new WordPressTrashResult.Gone(410, "rest_already_trashed"));
	}

	@Test
	void trashingAnUnknownPostIsNotFound() {
		assertThat(client().trash(api(), "loa-sandbox", "sandbox app password 0000", 999999))
			.isEqualTo(new WordPressTrashResult.Gone(404, "rest_post_invalid_id"));
	}

	@Test
	void trashingChecksTheApplicationPasswordLikeCreating() {
		WordPressResult.Created created = (WordPressResult.Created) client().createPost(api(), "loa-sandbox",
				"sandbox app password 0000", WordPressPost.publishNow("Thông báo", "<p>x</p>", "y"));

		assertThat(client().trash(api(), "loa-sandbox", "wrong", created.id()))
			.isEqualTo(new WordPressTrashResult.Failed(401, "rest_cannot_delete",
					"Sorry, you are not allowed to delete this post.", false));
		var anonymous = RestClient.create()
			.delete()
			.uri(base() + "/wp-json/wp/v2/posts/" + created.id())
			.exchange((req, res) -> res.getStatusCode().value() + " " + new String(res.getBody().readAllBytes()));
		assertThat(anonymous).startsWith("401").contains("rest_cannot_delete");
		JsonNode post = RestClient.create()
			.get()
			.uri(base() + "/wp-json/wp/v2/posts/" + created.id())
			.header("Authorization", SandboxSite.AUTHORIZATION)
			.retrieve()
			.body(JsonNode.class);
		assertThat(post.path("status").asString()).isEqualTo("publish");
	}

}
