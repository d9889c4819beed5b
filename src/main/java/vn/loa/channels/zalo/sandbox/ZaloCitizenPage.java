package vn.loa.channels.zalo.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.channels.zalo.ZaloProperties;

/**
 * {@code /sandbox/zalo/oa}: play a citizen of the OA. Following, writing, sharing a phone
 * number and unfollowing each send Loa the signed webhook Zalo would send; the page shows
 * what the OA sent each citizen (consultation messages, article links).
 */
@Controller
@ConditionalOnProperty(prefix = "loa.channels.zalo", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class ZaloCitizenPage {

	private final ZaloSandbox sandbox;

	private final ZaloSandboxWebhooks webhooks;

	private final ZaloProperties properties;

	private final JsonMapper json;

	ZaloCitizenPage(ZaloSandbox sandbox, ZaloSandboxWebhooks webhooks, ZaloProperties properties, JsonMapper json) {
		this.sandbox = sandbox;
		this.webhooks = webhooks;
		this.properties = properties;
		this.json = json;
	}

	@GetMapping("/sandbox/zalo/oa")
	String page(@RequestParam(name = "user", required = false) String user, Model model) {
		List<ZaloSandbox.Citizen> citizens = this.sandbox.citizens();
		model.addAttribute("citizens", citizens);
		model.addAttribute("selected", this.sandbox.citizen(user).orElse(citizens.isEmpty() ? null : citizens.get(0)));
		model.addAttribute("oaId", this.properties.effectiveOaId());
		return "sandbox/zalo-oa";
	}

	/** A new citizen follows the OA. */
	@PostMapping("/sandbox/zalo/oa/citizens")
	String follow(@RequestParam("name") String name, RedirectAttributes redirect) {
		ZaloSandbox.Citizen citizen = this.sandbox.follow(name.isBlank() ? "Người dân" : name.strip());
		Map<String, Object> event = base("follow", citizen.userId());
		event.put("follower", Map.of("id", citizen.userId()));
		event.put("source", "oa_profile");
		redirect.addFlashAttribute("webhookStatus", send(event));
		return "redirect:/sandbox/zalo/oa?user=" + citizen.userId();
	}

	/** The citizen writes to the OA. */
	@PostMapping("/sandbox/zalo/oa/citizens/{userId}/messages")
	String write(@PathVariable String userId, @RequestParam("text") String text, RedirectAttributes redirect) {
		ZaloSandbox.Citizen citizen = this.sandbox.citizen(userId).orElseThrow();
		citizen.lastInteraction = this.sandbox.now();
		Map<String, Object> event = base("user_send_text", userId);
		event.put("message", Map.of("msg_id", "sandbox-" + java.util.UUID.randomUUID(), "text", text));
		redirect.addFlashAttribute("webhookStatus", send(event));
		return "redirect:/sandbox/zalo/oa?user=" + userId;
	}

	/** The citizen shares name and phone with the OA ({@code user_submit_info}). */
	@PostMapping("/sandbox/zalo/oa/citizens/{userId}/info")
	String share(@PathVariable String userId, @RequestParam("phone") String phone, RedirectAttributes redirect) {
		ZaloSandbox.Citizen citizen = this.sandbox.citizen(userId).orElseThrow();
		citizen.phone = phone.strip();
		citizen.lastInteraction = this.sandbox.now();
		Map<String, Object> event = base("user_submit_info", userId);
		event.put("info",
				Map.of("name", citizen.name(), "phone", citizen.phone(), "address", "", "city", "", "district", ""));
		redirect.addFlashAttribute("webhookStatus", send(event));
		return "redirect:/sandbox/zalo/oa?user=" + userId;
	}

	@PostMapping("/sandbox/zalo/oa/citizens/{userId}/unfollow")
	String unfollow(@PathVariable String userId, RedirectAttributes redirect) {
		ZaloSandbox.Citizen citizen = this.sandbox.citizen(userId).orElseThrow();
		citizen.follower = false;
		Map<String, Object> event = base("unfollow", userId);
		event.put("follower", Map.of("id", userId));
		event.put("source", "oa_profile");
		redirect.addFlashAttribute("webhookStatus", send(event));
		return "redirect:/sandbox/zalo/oa?user=" + userId;
	}

	private Map<String, Object> base(String eventName, String userId) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("app_id", this.properties.effectiveAppId());
		event.put("oa_id", this.properties.effectiveOaId());
		event.put("user_id_by_app", userId);
		event.put("event_name", eventName);
		event.put("sender", Map.of("id", userId));
		event.put("recipient", Map.of("id", this.properties.effectiveOaId()));
		event.put("timestamp", Long.toString(this.sandbox.now().toEpochMilli()));
		return event;
	}

	private int send(Map<String, Object> event) {
		JsonNode node = this.json.valueToTree(event);
		return this.webhooks.send(node, null);
	}

}
