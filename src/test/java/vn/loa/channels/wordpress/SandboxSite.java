package vn.loa.channels.wordpress;

import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

/**
 * The WordPress simulator of a test application on its port, as the withdrawal tests use
 * it: posts made with the real client, and what status the simulator gives them.
 */
final class SandboxSite {

	/** The sandbox administrator, {@code loa-sandbox} with its application password. */
	static final String AUTHORIZATION = "Basic bG9hLXNhbmRib3g6c2FuZGJveCBhcHAgcGFzc3dvcmQgMDAwMA==";

	private final String base;

	private final JsonMapper json;

	SandboxSite(int port, JsonMapper json) {
		this.base = "http://127.0.0.1:" + port + "/sandbox/wordpress";
		this.json = json;
	}

	String base() {
		return this.base;
	}

	long create(String title) {
		WordPressClient client = new WordPressClient(this.json, Duration.ofSeconds(2), Duration.ofSeconds(5));
		return ((WordPressResult.Created) client.createPost(this.base + "/wp-json/", "loa-sandbox",
				"sandbox app password 0000", WordPressPost.publishNow(title, "<p>x</p>", "y")))
			.id();
	}

	/** As an account of the site: a trashed post is not shown to anyone else. */
	String status(long id) {
		return post(id).path("status").asString();
	}

	JsonNode post(long id) {
		return RestClient.create()
			.get()
			.uri(this.base + "/wp-json/wp/v2/posts/" + id)
			.header("Authorization", AUTHORIZATION)
			.retrieve()
			.body(JsonNode.class);
	}

}
