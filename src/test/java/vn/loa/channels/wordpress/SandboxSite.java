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
		return ((WordPressResult.Created) client.createPost(this.base, "loa-sandbox", "sandbox app password 0000",
				WordPressPost.publishNow(title, "<p>x</p>", "y")))
			.id();
	}

	String status(long id) {
		return RestClient.create()
			.get()
			.uri(this.base + "/wp-json/wp/v2/posts/" + id)
			.retrieve()
			.body(JsonNode.class)
			.path("status")
			.asString();
	}

}
