package vn.loa.channels.wordpress;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The requests and answers follow the WordPress REST API handbook (posts endpoint,
 * application passwords, error envelope).
 */
class WordPressClientTests {

	private WireMockServer wordpress;

	private WordPressClient client;

	@BeforeEach
	void start() {
		this.wordpress = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		this.wordpress.start();
		this.client = new WordPressClient(JsonMapper.builder().build(), Duration.ofSeconds(2), Duration.ofSeconds(2));
	}

	@AfterEach
	void stop() {
		this.wordpress.stop();
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.wordpress.port() + "/wp-json/";
	}

	@Test
	void publishesWithApplicationPasswordAndReadsTheNewPost() {
		this.wordpress.stubFor(post("/wp-json/wp/v2/posts").willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json; charset=UTF-8")
			.withHeader("Location", "https://sonv.example.gov.vn/wp-json/wp/v2/posts/4711")
			.withBody("""
					{"id":4711,"date":"2026-11-24T15:00:00","date_gmt":"2026-11-24T08:00:00","status":"publish",
					 "link":"https://sonv.example.gov.vn/2026/11/24/ra-quan-cchc/","slug":"ra-quan-cchc",
					 "title":{"raw":"Ra quân CCHC","rendered":"Ra quân CCHC"}}""")));

		WordPressResult result = this.client.createPost(baseUrl(), "bientap", "abcd EFGH 1234 ijkl",
				WordPressPost.publishNow("Ra quân CCHC", "<p>Nội dung</p>", "Tóm tắt"));

		assertThat(result).isEqualTo(
				new WordPressResult.Created(4711, "https://sonv.example.gov.vn/2026/11/24/ra-quan-cchc/", "publish"));
		// Basic base64("bientap:abcd EFGH 1234 ijkl")
		this.wordpress.verify(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts"))
			.withHeader("Authorization", equalTo("Basic YmllbnRhcDphYmNkIEVGR0ggMTIzNCBpamts"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"title":"Ra quân CCHC","content":"<p>Nội dung</p>","excerpt":"Tóm tắt","status":"publish"}""")));
	}

	@Test
	void schedulesAsFutureWithTheTimeInUtcOnly() {
		this.wordpress.stubFor(post("/wp-json/wp/v2/posts").willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":90,\"status\":\"future\",\"link\":\"https://sonv.example.gov.vn/?p=90\"}")));

		WordPressResult result = this.client.createPost(baseUrl(), "bientap", "pw",
				WordPressPost.scheduled("Lịch tiếp công dân", "<p>x</p>", "y", Instant.parse("2026-12-01T01:30:00Z")));

		assertThat(result).isEqualTo(new WordPressResult.Created(90, "https://sonv.example.gov.vn/?p=90", "future"));
		this.wordpress.verify(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts")).withRequestBody(equalToJson("""
				{"title":"Lịch tiếp công dân","content":"<p>x</p>","excerpt":"y","status":"future",
				 "date_gmt":"2026-12-01T01:30:00"}""")));
	}

	@Test
	void wrongApplicationPasswordIsRejectedWithWordPressCodeAndMessage() {
		this.wordpress.stubFor(post("/wp-json/wp/v2/posts")
			.willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
					{"code":"rest_cannot_create","message":"Sorry, you are not allowed to create posts as this user.",
					 "data":{"status":401}}""")));

		WordPressResult result = this.client.createPost(baseUrl(), "bientap", "wrong",
				WordPressPost.publishNow("t", "c", "e"));

		assertThat(result).isEqualTo(new WordPressResult.Rejected(401, "rest_cannot_create",
				"Sorry, you are not allowed to create posts as this user."));
	}

	@Test
	void missingRightsIsRejected() {
		this.wordpress.stubFor(post("/wp-json/wp/v2/posts")
			.willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("""
					{"code":"rest_cannot_create","message":"Sorry, you are not allowed to create posts as this user.",
					 "data":{"status":403}}""")));

		assertThat(this.client.createPost(baseUrl(), "u", "p", WordPressPost.publishNow("t", "c", "e")))
			.isEqualTo(new WordPressResult.Rejected(403, "rest_cannot_create",
					"Sorry, you are not allowed to create posts as this user."));
	}

	@Test
	void serverErrorIsAFailureNotRetriedBecauseThePostMayExist() {
		this.wordpress.stubFor(post("/wp-json/wp/v2/posts")
			.willReturn(aResponse().withStatus(500).withBody("<html>Fatal error</html>")));

		assertThat(this.client.createPost(baseUrl(), "u", "p", WordPressPost.publishNow("t", "c", "e")))
			.isEqualTo(new WordPressResult.Failed(500, "http_500", "<html>Fatal error</html>"));
	}

	@Test
	void maintenanceModeAndRefusedConnectionsMayBeRetried() {
		this.wordpress.stubFor(post("/wp-json/wp/v2/posts").willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":\"maintenance\",\"message\":\"Briefly unavailable\",\"data\":{\"status\":503}}")));
		assertThatExceptionOfType(WordPressUnavailableException.class)
			.isThrownBy(() -> this.client.createPost(baseUrl(), "u", "p", WordPressPost.publishNow("t", "c", "e")))
			.withMessageContaining("maintenance");

		int port = this.wordpress.port();
		this.wordpress.stop();
		assertThatExceptionOfType(WordPressUnavailableException.class).isThrownBy(() -> this.client
			.createPost("http://127.0.0.1:" + port, "u", "p", WordPressPost.publishNow("t", "c", "e")));
	}

	@Test
	void brokenConnectionAfterSendingIsAFailure() {
		this.wordpress
			.stubFor(post("/wp-json/wp/v2/posts").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThat(this.client.createPost(baseUrl(), "u", "p", WordPressPost.publishNow("t", "c", "e")))
			.isInstanceOf(WordPressResult.Failed.class);
	}

	@Test
	void trashesWithApplicationPasswordAndNoForce() {
		this.wordpress.stubFor(delete("/wp-json/wp/v2/posts/4711").willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8").withBody("""
						{"id":4711,"status":"trash","link":"https://sonv.example.gov.vn/?p=4711",
						 "title":{"raw":"Ra quân CCHC","rendered":"Ra quân CCHC"}}""")));

		assertThat(this.client.trash(baseUrl(), "bientap", "abcd EFGH 1234 ijkl", 4711))
			.isEqualTo(new WordPressTrashResult.Trashed(4711, "trash", "https://sonv.example.gov.vn/?p=4711"));
		// Without force, so that the site's editors can still restore the post.
		this.wordpress.verify(deleteRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/4711")).withHeader("Authorization",
				equalTo("Basic YmllbnRhcDphYmNkIEVGR0ggMTIzNCBpamts")));
		this.wordpress.verify(0, deleteRequestedFor(urlPathEqualTo("/wp-json/wp/v2/posts/4711")).withQueryParam("force",
				com.github.tomakehurst.wiremock.client.WireMock.matching(".*")));
	}

	@Test
	void aPostAlreadyInTheTrashIsGone() {
		this.wordpress.stubFor(delete("/wp-json/wp/v2/posts/4711").willReturn(aResponse().withStatus(410)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"code":"rest_already_trashed","message":"The post has already been deleted.","data":{"status":410}}""")));

		WordPressTrashResult result = this.client.trash(baseUrl(), "bientap", "pw", 4711);

		assertThat(result).isEqualTo(new WordPressTrashResult.Gone(410, "rest_already_trashed"));
		assertThat(result.done()).isTrue();
	}

	@Test
	void anUnknownPostIsGone() {
		this.wordpress.stubFor(delete("/wp-json/wp/v2/posts/4711")
			.willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
					{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}""")));

		WordPressTrashResult result = this.client.trash(baseUrl(), "bientap", "pw", 4711);

		assertThat(result).isEqualTo(new WordPressTrashResult.Gone(404, "rest_post_invalid_id"));
		assertThat(result.done()).isTrue();
	}

	@Test
	void aNotFoundPageThatIsNotWordPressSayingSoIsAFailure() {
		// A wrong base-url: the post may well still be on the real site.
		this.wordpress.stubFor(delete("/wp-json/wp/v2/posts/4711")
			.willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
					{"code":"rest_no_route","message":"No route was found matching the URL and request method.",
					 "data":{"status":404}}""")));

		WordPressTrashResult result = this.client.trash(baseUrl(), "bientap", "pw", 4711);

		assertThat(result).isEqualTo(new WordPressTrashResult.Failed(404, "rest_no_route",
				"No route was found matching the URL and request method.", false));
		assertThat(result.done()).isFalse();
	}

	@Test
	void wrongApplicationPasswordKeepsThePostAndWordPressCodeAndMessage() {
		this.wordpress.stubFor(delete("/wp-json/wp/v2/posts/4711")
			.willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
					{"code":"rest_cannot_delete","message":"Sorry, you are not allowed to delete this post.",
					 "data":{"status":401}}""")));

		WordPressTrashResult result = this.client.trash(baseUrl(), "bientap", "wrong", 4711);

		assertThat(result).isEqualTo(new WordPressTrashResult.Failed(401, "rest_cannot_delete",
				"Sorry, you are not allowed to delete this post.", false));
		assertThat(result.done()).isFalse();
	}

	@Test
	void missingRightsToDeleteIsAFailure() {
		this.wordpress.stubFor(delete("/wp-json/wp/v2/posts/4711")
			.willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("""
					{"code":"rest_cannot_delete","message":"Sorry, you are not allowed to delete this post.",
					 "data":{"status":403}}""")));

		assertThat(this.client.trash(baseUrl(), "u", "p", 4711)).isEqualTo(new WordPressTrashResult.Failed(403,
				"rest_cannot_delete", "Sorry, you are not allowed to delete this post.", false));
	}

	@Test
	void serverErrorAndRefusedConnectionMayBeTriedAgain() {
		this.wordpress.stubFor(delete("/wp-json/wp/v2/posts/4711")
			.willReturn(aResponse().withStatus(500).withBody("<html>Fatal error</html>")));

		assertThat(this.client.trash(baseUrl(), "u", "p", 4711))
			.isEqualTo(new WordPressTrashResult.Failed(500, "http_500", "<html>Fatal error</html>", true));

		int port = this.wordpress.port();
		this.wordpress.stop();
		assertThat(this.client.trash("http://127.0.0.1:" + port + "/wp-json/", "u", "p", 4711))
			.isInstanceOfSatisfying(WordPressTrashResult.Failed.class, (failed) -> {
				assertThat(failed.code()).isEqualTo("connection_refused");
				assertThat(failed.retryable()).isTrue();
			});
	}

	@Test
	void findsTheApiRootOfASiteWithPrettyPermalinks() {
		this.wordpress.stubFor(get(urlPathEqualTo("/wp-json/")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"namespaces\":[\"oembed/1.0\",\"wp/v2\"]}")));

		String site = "http://127.0.0.1:" + this.wordpress.port();
		assertThat(this.client.discoverApiRoot(site)).isEqualTo(site + "/wp-json/");
	}

	@Test
	void findsTheApiRootOfASiteWithPlainPermalinksFromItsLinkHeader() {
		// Without rewrite rules /wp-json/ is the front page, which names the API root.
		String site = "http://127.0.0.1:" + this.wordpress.port();
		this.wordpress.stubFor(get(urlPathEqualTo("/wp-json/")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html; charset=UTF-8")
			.withHeader("Link", "<" + site + "/index.php?rest_route=/>; rel=\"https://api.w.org/\"")
			.withBody("<!DOCTYPE html><html><body>Trang chủ</body></html>")));

		String root = this.client.discoverApiRoot(site);

		assertThat(root).isEqualTo(site + "/index.php?rest_route=/");
		assertThat(WordPressClient.route(root, "wp/v2/users/me", "context=edit"))
			.hasToString(site + "/index.php?rest_route=/wp/v2/users/me&context=edit");
	}

	@Test
	void aPageInsteadOfTheApiCreatedNothing() {
		this.wordpress.stubFor(post("/wp-json/wp/v2/posts").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html; charset=UTF-8")
			.withBody("<!DOCTYPE html><html><body>Trang chủ</body></html>")));

		assertThatExceptionOfType(WordPressApiMissingException.class)
			.isThrownBy(() -> this.client.createPost(baseUrl(), "u", "p", WordPressPost.publishNow("t", "c", "e")));
	}

	@Test
	void updatesAnExistingPost() {
		this.wordpress.stubFor(post("/wp-json/wp/v2/posts/90").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":90,\"status\":\"future\",\"link\":\"https://sonv.example.gov.vn/?p=90\"}")));

		WordPressResult result = this.client.updatePost(baseUrl(), "u", "p", 90,
				WordPressPost.movedTo(Instant.parse("2026-12-01T03:00:00Z"), true));

		assertThat(result)
			.isEqualTo(new WordPressResult.Created(200, 90, "https://sonv.example.gov.vn/?p=90", "future"));
		this.wordpress.verify(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/90"))
			.withRequestBody(equalToJson("{\"status\":\"future\",\"date_gmt\":\"2026-12-01T03:00:00\"}")));
	}

	@Test
	void asksWhoTheCredentialsBelongTo() {
		this.wordpress.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/users/me")).withQueryParam("context", equalTo("edit"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"id":3,"name":"Tác giả","slug":"loa-author","roles":["author"],
					 "capabilities":{"publish_posts":true,"unfiltered_html":false}}""")));
		assertThat(this.client.me(baseUrl(), "loa-author", "p"))
			.isEqualTo(new WordPressAccount.Known("loa-author", java.util.List.of("author"), true));

		this.wordpress.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/users/me")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":\"rest_not_logged_in\",\"message\":\"You are not currently logged in.\","
					+ "\"data\":{\"status\":401}}")));
		assertThat(this.client.me(baseUrl(), "loa-author", "wrong"))
			.isEqualTo(new WordPressAccount.Refused(401, "rest_not_logged_in", "You are not currently logged in."));
	}

}
