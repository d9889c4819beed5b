package vn.loa.channels.facebook.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import vn.loa.channels.facebook.FacebookApp;

/**
 * What officers see of the simulator: {@code GET /sandbox/facebook/{page-id}} shows the
 * Page as its followers would (posts, photos, scheduled ones, hidden and deleted ones
 * marked, comments and the Page's replies) with a form to comment as a citizen, which
 * sends Loa a webhook signed with the app secret, as Facebook does. Faults are injected
 * with {@code POST /sandbox/facebook/faults}.
 */
@RestController
@ConditionalOnProperty(prefix = "loa.channels.facebook", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class FacebookSandboxPages {

	private final GraphSimulator simulator;

	private final FacebookApp app;

	private final Environment environment;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	FacebookSandboxPages(GraphSimulator simulator, FacebookApp app, Environment environment, JsonMapper json) {
		this.simulator = simulator;
		this.app = app;
		this.environment = environment;
		this.json = json;
	}

	@PostMapping(path = "/sandbox/facebook/faults", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> inject(@RequestBody FaultRequest request) {
		this.simulator.inject(request.pageId(),
				new GraphSimulator.Fault(request.code(), request.subcode(),
						(request.type() != null) ? request.type()
								: (request.code() == 190) ? "OAuthException" : "FacebookApiException",
						(request.message() != null) ? request.message() : "(#" + request.code() + ") simulated error",
						(request.times() != null) ? request.times() : 1,
						(request.regainMinutes() != null) ? request.regainMinutes() : 0));
		return Map.of("pageId", request.pageId(), "code", request.code());
	}

	record FaultRequest(String pageId, int code, Integer subcode, String type, String message, Integer times,
			Integer regainMinutes) {
	}

	@DeleteMapping("/sandbox/facebook/faults")
	void clear() {
		this.simulator.clearFaults();
	}

	/**
	 * A citizen comments under a post; Loa gets the signed webhook before this answers.
	 * @return the comment id and the HTTP status Loa's webhook answered
	 */
	@PostMapping("/sandbox/facebook/{pageId}/comments")
	ResponseEntity<?> comment(@PathVariable String pageId, @RequestParam String postId,
			@RequestParam(defaultValue = "Người dân") String name,
			@RequestParam(defaultValue = "100009876543210") String fromId, @RequestParam String message,
			@RequestParam(required = false) String redirect) throws Exception {
		GraphSimulator.SimComment comment = this.simulator.citizenComments(postId, fromId, name, message);
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("from", Map.of("id", fromId, "name", name));
		value.put("post", Map.of("id", postId, "status_type", "added_photos", "is_published", true));
		value.put("message", message);
		value.put("post_id", postId);
		value.put("comment_id", comment.id());
		value.put("created_time", comment.createdAt().getEpochSecond());
		value.put("item", "comment");
		value.put("parent_id", postId);
		value.put("verb", "add");
		Map<String, Object> event = Map.of("object", "page", "entry", List.of(Map.of("id", pageId, "time",
				comment.createdAt().getEpochSecond(), "changes", List.of(Map.of("field", "feed", "value", value)))));
		byte[] body = this.json.writeValueAsBytes(event);
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + contextPath + "/webhooks/facebook"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("X-Hub-Signature-256",
					"sha256=" + java.util.HexFormat.of().formatHex(GraphSimulator.hmac(this.app.appSecret(), body)))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		if (redirect != null) {
			return ResponseEntity.status(303).location(URI.create(contextPath + "/sandbox/facebook/" + pageId)).build();
		}
		return ResponseEntity.ok(Map.of("commentId", comment.id(), "webhookStatus", status));
	}

	@GetMapping(path = "/sandbox/facebook/{pageId}", produces = MediaType.TEXT_HTML_VALUE)
	String page(@PathVariable String pageId) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
				+ "<title>Trang Facebook (sandbox) " + esc(pageId) + "</title>"
				+ "<link rel=\"stylesheet\" href=\"/css/console.css\"></head><body><main class=\"container\">"
				+ "<h1>Trang Facebook " + esc(pageId) + " <small>(mô phỏng)</small></h1>");
		List<GraphSimulator.SimPost> posts = new java.util.ArrayList<>(this.simulator.postsOf(pageId));
		java.util.Collections.reverse(posts);
		if (posts.isEmpty()) {
			html.append("<p class=\"empty\">Trang chưa có bài nào.</p>");
		}
		for (GraphSimulator.SimPost post : posts) {
			html.append("<article class=\"card\" id=\"post-")
				.append(esc(post.id()))
				.append("\" data-state=\"")
				.append(post.deleted() ? "deleted"
						: post.hidden() ? "hidden" : (post.scheduledFor() != null) ? "scheduled" : "published")
				.append("\">");
			if (post.deleted()) {
				html.append("<p class=\"badge\">Đã xoá</p>");
			}
			else if (post.hidden()) {
				html.append("<p class=\"badge\">Đã ẩn khỏi dòng thời gian</p>");
			}
			if (post.scheduledFor() != null) {
				html.append("<p class=\"hint\">Hẹn đăng lúc ")
					.append(esc(post.scheduledFor().toString()))
					.append("</p>");
			}
			html.append("<p style=\"white-space:pre-wrap\">").append(esc(post.message())).append("</p>");
			if (post.photoUrl() != null) {
				html.append("<p><img style=\"max-width:100%\" alt=\"\" src=\"")
					.append(esc(post.photoUrl()))
					.append("\"></p>");
			}
			if (post.link() != null) {
				html.append("<p><a href=\"")
					.append(esc(post.link()))
					.append("\">")
					.append(esc(post.link()))
					.append("</a></p>");
			}
			html.append("<ul class=\"comments\">");
			for (GraphSimulator.SimComment comment : post.comments()) {
				html.append("<li><strong>")
					.append(esc(comment.fromName()))
					.append("</strong>: ")
					.append(esc(comment.message()))
					.append(comment.isHidden() ? " <em>(đã ẩn)</em>" : "");
				for (GraphSimulator.SimComment reply : comment.replies()) {
					html.append("<ul><li class=\"reply\"><strong>Trang</strong>: ")
						.append(esc(reply.message()))
						.append("</li></ul>");
				}
				html.append("</li>");
			}
			html.append("</ul>");
			if (!post.deleted()) {
				html.append("<form method=\"post\" action=\"/sandbox/facebook/")
					.append(esc(pageId))
					.append("/comments\"><input type=\"hidden\" name=\"redirect\" value=\"1\"><input type=\"hidden\" name=\"postId\" value=\"")
					.append(esc(post.id()))
					.append("\"><label>Tên <input name=\"name\" value=\"Nguyễn Văn Dân\"></label> "
							+ "<label>Bình luận <input name=\"message\" required></label> "
							+ "<button class=\"btn btn-small\" type=\"submit\">Bình luận như người dân</button></form>");
			}
			html.append("</article>");
		}
		return html.append("</main></body></html>").toString();
	}

	private static String esc(String value) {
		return (value != null) ? HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name()) : "";
	}

}
