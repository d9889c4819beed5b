package vn.loa.channels.facebook.sandbox;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Graph's paths as RestFB calls them, under {@code /sandbox/facebook/graph/{version}}:
 * form or query parameters with {@code access_token} and {@code appsecret_proof}, JSON
 * answers with usage headers.
 */
@RestController
@RequestMapping("/sandbox/facebook/graph/{version}")
class GraphSimulatorController {

	private final GraphSimulator simulator;

	GraphSimulatorController(GraphSimulator simulator) {
		this.simulator = simulator;
	}

	@PostMapping("/{pageId}/feed")
	ResponseEntity<Map<String, Object>> feed(@PathVariable String pageId, @RequestParam Map<String, String> params) {
		return answer(pageId, params, () -> this.simulator.publish(pageId, params.get("message"), params.get("link"),
				null, params.get("published"), params.get("scheduled_publish_time")));
	}

	@PostMapping("/{pageId}/photos")
	ResponseEntity<Map<String, Object>> photos(@PathVariable String pageId, @RequestParam Map<String, String> params) {
		String caption = (params.get("caption") != null) ? params.get("caption") : params.get("message");
		return answer(pageId, params, () -> this.simulator.publish(pageId, caption, null, params.get("url"),
				params.get("published"), params.get("scheduled_publish_time")));
	}

	@GetMapping("/{pageId}/feed")
	ResponseEntity<Map<String, Object>> readFeed(@PathVariable String pageId,
			@RequestParam Map<String, String> params) {
		return answer(pageId, params, () -> this.simulator.feed(pageId, false));
	}

	@GetMapping("/{pageId}/scheduled_posts")
	ResponseEntity<Map<String, Object>> scheduled(@PathVariable String pageId,
			@RequestParam Map<String, String> params) {
		return answer(pageId, params, () -> this.simulator.feed(pageId, true));
	}

	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> object(@PathVariable String id, @RequestParam Map<String, String> params,
			HttpServletRequest request) {
		String base = ServletUriComponentsBuilder.fromContextPath(request).path("/sandbox/facebook").toUriString();
		return answer(this.simulator.pageOf(id), params, () -> this.simulator.object(id, base));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Map<String, Object>> delete(@PathVariable String id, @RequestParam Map<String, String> params) {
		return answer(this.simulator.pageOf(id), params, () -> this.simulator.delete(id));
	}

	@PostMapping("/{id}")
	ResponseEntity<Map<String, Object>> update(@PathVariable String id, @RequestParam Map<String, String> params) {
		if (params.containsKey("scheduled_publish_time")) {
			return answer(this.simulator.pageOf(id), params,
					() -> this.simulator.reschedule(id, params.get("scheduled_publish_time")));
		}
		return answer(this.simulator.pageOf(id), params,
				() -> this.simulator.hide(id, Boolean.parseBoolean(params.get("is_hidden"))));
	}

	@PostMapping("/{commentId}/comments")
	ResponseEntity<Map<String, Object>> reply(@PathVariable String commentId,
			@RequestParam Map<String, String> params) {
		return answer(this.simulator.pageOf(commentId), params,
				() -> this.simulator.reply(commentId, params.get("message")));
	}

	private ResponseEntity<Map<String, Object>> answer(String pageId, Map<String, String> params,
			java.util.function.Supplier<GraphSimulator.Answer> call) {
		GraphSimulator.Answer refused = this.simulator.check(pageId, params);
		GraphSimulator.Answer answer = (refused != null) ? refused : call.get();
		HttpHeaders headers = new HttpHeaders();
		answer.headers().forEach(headers::add);
		return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
	}

}
