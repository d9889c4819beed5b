package vn.loa.channels.zalo.zns.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.channels.sms.sandbox.DelayedCallbacks;
import vn.loa.channels.zalo.ZaloSignature;
import vn.loa.channels.zalo.zns.ZnsProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zalo's ZNS API inside Loa (sandbox mode), under {@code /sandbox/zalo/business} with
 * Zalo's own paths: {@code POST /message/template}, {@code GET /template/all},
 * {@code /template/info}, {@code /message/quota}. Answers are {@code {error, message,
 * data}} and errors come as HTTP 200, as Zalo's do. It keeps a daily quota, answers -118
 * (no Zalo account) for a configurable share or list of numbers and -141 for numbers that
 * refused the OA, and posts signed, delayed {@code user_received_message} callbacks to
 * {@code /webhooks/zalo} with {@code X-ZEvent-Server: ZNS} (at most
 * {@link DelayedCallbacks#LIMIT} waiting; beyond that they are dropped and counted).
 * {@code GET /sandbox/zalo/{phone}} shows what a number received.
 */
@RestController
@ConditionalOnProperty(prefix = "loa.channels.zalo-zns", name = "mode", havingValue = "sandbox", matchIfMissing = true)
public class ZnsSimulator implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ZnsSimulator.class);

	private static final String BASE = "/sandbox/zalo/business";

	/** A Vietnamese number as Zalo takes it: {@code 84} and nine or ten digits. */
	private static final Pattern PHONE = Pattern.compile("84[0-9]{9,10}");

	/** The templates the simulated OA has: one ENABLED, one DISABLED for quality. */
	static final Map<String, Template> TEMPLATES = Map.of("355330",
			new Template("355330", "Thông báo cải cách hành chính", 1, "HIGH", params()), "355331",
			new Template("355331", "Thông báo cũ", 4, "LOW", params()));

	record Template(String id, String name, int status, String quality, List<Map<String, Object>> params) {

	}

	private final ZnsProperties properties;

	private final ZnsInbox inbox;

	private final Environment environment;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final DelayedCallbacks callbacks = new DelayedCallbacks("zns-simulator-callbacks", DelayedCallbacks.LIMIT);

	private final Set<String> refusedTokens = ConcurrentHashMap.newKeySet();

	private final AtomicLong sentToday = new AtomicLong();

	private volatile LocalDate day;

	private volatile long dailyQuota;

	private volatile double noZaloShare;

	private volatile boolean callbacksOn;

	private final Set<String> noZaloNumbers = ConcurrentHashMap.newKeySet();

	private final Set<String> refusedNumbers = ConcurrentHashMap.newKeySet();

	ZnsSimulator(ZnsProperties properties, ZnsInbox inbox, Environment environment, Clock clock) {
		this.properties = properties;
		this.inbox = inbox;
		this.environment = environment;
		this.clock = clock;
		reset();
	}

	/** Back to the configured quota, -118 share and numbers, with nothing sent today. */
	public void reset() {
		ZnsProperties.Simulator settings = this.properties.simulator();
		this.dailyQuota = settings.dailyQuota();
		this.noZaloShare = settings.noZaloShare();
		this.callbacksOn = settings.callbacks();
		this.noZaloNumbers.clear();
		settings.noZaloNumbers().forEach((n) -> this.noZaloNumbers.add(ZnsInbox.normalise(n)));
		this.refusedNumbers.clear();
		settings.refusedNumbers().forEach((n) -> this.refusedNumbers.add(ZnsInbox.normalise(n)));
		this.refusedTokens.clear();
		this.sentToday.set(0);
		this.day = today();
	}

	/** Sets today's quota (tests, the benchmark). */
	public void dailyQuota(long quota) {
		this.dailyQuota = quota;
	}

	/** Switches the receipt callbacks on or off (the benchmark measures sending). */
	public void callbacks(boolean on) {
		this.callbacksOn = on;
	}

	/** Sets the share of numbers without a Zalo account (the benchmark). */
	public void noZaloShare(double share) {
		this.noZaloShare = share;
	}

	/** Answers -118 (no Zalo account) for this number from now on. */
	public void noZalo(String phone) {
		this.noZaloNumbers.add(ZnsInbox.normalise(phone));
	}

	/** Answers -141 (the owner refused the OA) for this number from now on. */
	public void refusedByOwner(String phone) {
		this.refusedNumbers.add(ZnsInbox.normalise(phone));
	}

	/** Whether the simulator answers -118 for this number. */
	public boolean hasNoZalo(String phone) {
		String number = ZnsInbox.normalise(phone);
		if (this.noZaloNumbers.contains(number)) {
			return true;
		}
		// Decided per number, so a number always gets the same answer.
		return this.noZaloShare > 0
				&& Math.floorMod(number.hashCode() * 0x9E3779B1, 10_000) < this.noZaloShare * 10_000;
	}

	/** Answers -124 to calls with this token from now on. */
	public void refuseToken(String token) {
		this.refusedTokens.add(token);
	}

	@PostMapping(path = BASE + "/message/template", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> send(@RequestHeader(name = "access_token", required = false) String token,
			@RequestBody JsonNode request) {
		Map<String, Object> refused = checkToken(token);
		if (refused != null) {
			return refused;
		}
		String phone = request.path("phone").asString("");
		String templateId = request.path("template_id").asString("");
		String trackingId = request.path("tracking_id").asString("");
		JsonNode data = request.path("template_data");
		if (!PHONE.matcher(phone).matches()) {
			return error(-108, "Phone number is invalid");
		}
		Template template = TEMPLATES.get(templateId);
		if (template == null) {
			return error(-109, "Template id is invalid");
		}
		if (template.status() != 1) {
			return error(-146, "Template is disabled because of its quality");
		}
		if (!data.isObject() || data.isEmpty()) {
			return error(-111, "Template data is empty");
		}
		if (trackingId.isEmpty() || trackingId.length() > 48) {
			return error(-203, "tracking_id is required, at most 48 characters");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map<String, Object> param : template.params()) {
			String name = (String) param.get("name");
			JsonNode value = data.path(name);
			if (value.isMissingNode() || value.isNull()) {
				return error(-1122, "Missing parameter " + name);
			}
			String text = value.asString();
			if (text.codePointCount(0, text.length()) > (int) param.get("maxLength")) {
				return error(-1121, "Parameter " + name + " exceeds max length");
			}
			values.put(name, text);
		}
		if (this.refusedNumbers.contains(phone)) {
			return error(-141, "User refused to receive messages from this OA");
		}
		if (hasNoZalo(phone)) {
			return error(-118, "Zalo account does not exist");
		}
		rollDay();
		long used = this.sentToday.incrementAndGet();
		if (used > this.dailyQuota) {
			this.sentToday.decrementAndGet();
			return error(-144, "OA has reached the daily limit of ZNS messages");
		}
		String msgId = DelayedCallbacks.hex32();
		Instant now = this.clock.instant();
		this.inbox.add(new ZnsInbox.Received(phone, msgId, templateId, values, trackingId, now));
		if (this.callbacksOn) {
			this.callbacks.schedule(() -> callback(phone, msgId, trackingId),
					this.properties.simulator().callbackDelay());
		}
		Map<String, Object> quota = new LinkedHashMap<>();
		quota.put("dailyQuota", Long.toString(this.dailyQuota));
		quota.put("remainingQuota", Long.toString(Math.max(0, this.dailyQuota - used)));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("msg_id", msgId);
		answer.put("sent_time", Long.toString(now.toEpochMilli()));
		answer.put("quota", quota);
		return success(answer);
	}

	@GetMapping(path = BASE + "/template/all", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> templates(@RequestHeader(name = "access_token", required = false) String token,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit,
			@RequestParam(required = false) Integer status) {
		Map<String, Object> refused = checkToken(token);
		if (refused != null) {
			return refused;
		}
		if (limit > 100) {
			return error(-203, "limit must be at most 100");
		}
		List<Map<String, Object>> list = TEMPLATES.values()
			.stream()
			.filter((t) -> status == null || t.status() == status)
			.sorted((a, b) -> a.id().compareTo(b.id()))
			.skip(offset)
			.limit(limit)
			.map((t) -> Map.<String, Object>of("templateId", Long.valueOf(t.id()), "templateName", t.name(), "status",
					statusName(t.status()), "templateQuality", t.quality()))
			.toList();
		Map<String, Object> answer = success(list);
		answer.put("metadata", Map.of("total", TEMPLATES.size()));
		return answer;
	}

	@GetMapping(path = BASE + "/template/info", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> templateInfo(@RequestHeader(name = "access_token", required = false) String token,
			@RequestParam("template_id") String templateId) {
		Map<String, Object> refused = checkToken(token);
		if (refused != null) {
			return refused;
		}
		Template template = TEMPLATES.get(templateId);
		if (template == null) {
			return error(-109, "Template id is invalid");
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("templateId", Long.valueOf(template.id()));
		answer.put("templateName", template.name());
		answer.put("status", statusName(template.status()));
		answer.put("listParams", template.params());
		answer.put("templateQuality", template.quality());
		answer.put("price", "300");
		return success(answer);
	}

	@GetMapping(path = BASE + "/message/quota", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> quota(@RequestHeader(name = "access_token", required = false) String token) {
		Map<String, Object> refused = checkToken(token);
		if (refused != null) {
			return refused;
		}
		rollDay();
		return success(Map.of("dailyQuota", Long.toString(this.dailyQuota), "remainingQuota",
				Long.toString(Math.max(0, this.dailyQuota - this.sentToday.get()))));
	}

	/** What a number received, newest last, in any spelling Loa accepts. */
	@GetMapping(path = "/sandbox/zalo/{phone:[+0-9 ()-]+}", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> received(@PathVariable String phone) {
		List<Map<String, Object>> messages = this.inbox.receivedBy(phone)
			.stream()
			.map((r) -> Map.<String, Object>of("msgId", r.msgId(), "templateId", r.templateId(), "templateData",
					r.data(), "trackingId", r.trackingId(), "sentAt", r.at().toString()))
			.toList();
		return Map.of("phone", ZnsInbox.normalise(phone), "messages", messages);
	}

	private Map<String, Object> checkToken(String token) {
		if (token == null || token.isBlank() || this.refusedTokens.contains(token)) {
			return error(-124, "Access token is invalid");
		}
		return null;
	}

	private void callback(String phone, String msgId, String trackingId) {
		try {
			long now = this.clock.millis();
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("app_id", this.properties.effectiveAppId());
			event.put("sender", Map.of("id", this.properties.effectiveOaId()));
			event.put("recipient", Map.of("id", phone));
			event.put("event_name", "user_received_message");
			event.put("message",
					Map.of("msg_id", msgId, "tracking_id", trackingId, "delivery_time", Long.toString(now)));
			event.put("timestamp", Long.toString(now));
			byte[] body = this.json.writeValueAsBytes(event);
			HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl()))
				.header("Content-Type", "application/json")
				.header(ZaloSignature.HEADER,
						ZaloSignature.sign(this.properties.effectiveAppId(), body, Long.toString(now),
								this.properties.effectiveOaSecretKey()))
				.header("X-ZEvent-Server", "ZNS")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() >= 300) {
				log.debug("ZNS callback for {} answered {}", msgId, response.statusCode());
			}
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.debug("ZNS callback for {} not delivered: {}", msgId, ex.toString());
		}
	}

	private String webhookUrl() {
		String configured = this.properties.simulator().webhookUrl();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		return "http://127.0.0.1:" + port + this.environment.getProperty("server.servlet.context-path", "")
				+ "/webhooks/zalo";
	}

	private void rollDay() {
		LocalDate today = today();
		if (!today.equals(this.day)) {
			this.day = today;
			this.sentToday.set(0);
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.properties.quotaZone());
	}

	private static String statusName(int status) {
		return switch (status) {
			case 1 -> "ENABLE";
			case 2 -> "PENDING_REVIEW";
			case 3 -> "REJECT";
			default -> "DISABLE";
		};
	}

	private static Map<String, Object> success(Object data) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("error", 0);
		answer.put("message", "Success");
		answer.put("data", data);
		return answer;
	}

	private static Map<String, Object> error(int code, String message) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("error", code);
		answer.put("message", message);
		return answer;
	}

	private static List<Map<String, Object>> params() {
		return List.of(param("ten_thong_bao", 120), param("noi_dung", 400), param("duong_dan", 200),
				param("hotline", 30), param("co_quan", 100));
	}

	private static Map<String, Object> param(String name, int maxLength) {
		Map<String, Object> param = new LinkedHashMap<>();
		param.put("name", name);
		param.put("require", true);
		param.put("type", "STRING");
		param.put("maxLength", maxLength);
		param.put("minLength", 0);
		param.put("acceptNull", false);
		return param;
	}

	@Override
	public void destroy() {
		this.callbacks.close();
	}

}
