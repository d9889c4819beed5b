package vn.loa.channels.zalo.zns;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Loa's small typed client for Zalo's ZNS API ({@code business.openapi.zalo.me}). Every
 * call carries the OA token in the {@code access_token} header; every answer is
 * {@code {error, message, data}} and errors come as HTTP 200 with a non-zero
 * {@code error}. One call is exactly one HTTP request: retries are the channel's
 * decision.
 */
class ZnsClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient http;

	private final Supplier<String> baseUrl;

	private volatile SendAddress sendAddress;

	private volatile SendBody sendBody;

	ZnsClient(RestClient http, Supplier<String> baseUrl) {
		this.http = http;
		this.baseUrl = baseUrl;
	}

	/** Zalo's answer to a send: {@code error} 0 with the message id, or the error. */
	record SendAnswer(int error, String message, String msgId, Long dailyQuota, Long remainingQuota) {

		boolean accepted() {
			return this.error == 0;
		}

	}

	/** One template as {@code /template/all} lists it. */
	record TemplateSummary(String templateId, String templateName, String status, String quality) {

	}

	/** One parameter of a template ({@code /template/info}). */
	record TemplateParam(String name, boolean require, String type, int maxLength, int minLength, boolean acceptNull) {

	}

	/**
	 * A template's details ({@code /template/info}); status is Zalo's word, e.g. ENABLE.
	 */
	record TemplateInfo(String templateId, String templateName, String status, List<TemplateParam> params,
			String price) {

	}

	record Quota(long dailyQuota, long remainingQuota) {

	}

	/** An answer with a non-zero error where Loa needs data. */
	static final class ZnsApiException extends RuntimeException {

		private final int error;

		ZnsApiException(int error, String message) {
			super("ZNS error " + error + ": " + message);
			this.error = error;
		}

		int error() {
			return this.error;
		}

	}

	/**
	 * {@code POST /message/template}.
	 * @throws RestClientException when the request failed in transport (Zalo may have
	 * taken it)
	 */
	SendAnswer send(String token, String phone, String templateId, Map<String, String> data, String trackingId,
			boolean development) {
		JsonNode answer = this.http.post()
			.uri(sendUri())
			.header("access_token", token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(SendBody.of(templateId, data, development, this).bytes(phone, trackingId))
			.retrieve()
			.body(JsonNode.class);
		int error = answer.path("error").asInt(-1);
		JsonNode data1 = answer.path("data");
		JsonNode quota = data1.path("quota");
		return new SendAnswer(error, answer.path("message").asString(""), text(data1, "msg_id"),
				number(quota, "dailyQuota"), number(quota, "remainingQuota"));
	}

	/**
	 * The address of {@code /message/template}, parsed once per base URL rather than once
	 * per message (the base URL is read per call: the simulator's port is known late).
	 */
	private URI sendUri() {
		String base = this.baseUrl.get();
		SendAddress known = this.sendAddress;
		if (known == null || !known.base().equals(base)) {
			known = new SendAddress(base, URI.create(base + "/message/template"));
			this.sendAddress = known;
		}
		return known.uri();
	}

	private record SendAddress(String base, URI uri) {

	}

	/**
	 * A send's JSON body. A job sends every recipient the same template with the same
	 * values, so all but the phone number and the tracking id is encoded once per job
	 * (the last template and values seen, by identity) and each message costs one byte
	 * array.
	 */
	private record SendBody(String templateId, Map<String, String> data, boolean development, byte[] head,
			byte[] middle) {

		static SendBody of(String templateId, Map<String, String> data, boolean development, ZnsClient client) {
			SendBody known = client.sendBody;
			if (known != null && known.templateId().equals(templateId) && known.data() == data
					&& known.development() == development) {
				return known;
			}
			String head = development ? "{\"mode\":\"development\",\"phone\":" : "{\"phone\":";
			String middle = ",\"template_id\":" + JSON.writeValueAsString(templateId) + ",\"template_data\":"
					+ JSON.writeValueAsString(data) + ",\"tracking_id\":";
			SendBody body = new SendBody(templateId, data, development, head.getBytes(StandardCharsets.UTF_8),
					middle.getBytes(StandardCharsets.UTF_8));
			client.sendBody = body;
			return body;
		}

		byte[] bytes(String phone, String trackingId) {
			byte[] phoneJson = quoted(phone);
			byte[] trackingJson = quoted(trackingId);
			byte[] body = new byte[this.head.length + phoneJson.length + this.middle.length + trackingJson.length + 1];
			int at = 0;
			at = put(body, at, this.head);
			at = put(body, at, phoneJson);
			at = put(body, at, this.middle);
			at = put(body, at, trackingJson);
			body[at] = '}';
			return body;
		}

		/**
		 * A JSON string; digits and letters as they are, anything else through Jackson.
		 */
		private static byte[] quoted(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') && c != '-'
						&& c != '_' && c != '+' && c != '.') {
					return JSON.writeValueAsBytes(value);
				}
			}
			byte[] quoted = new byte[value.length() + 2];
			quoted[0] = '"';
			for (int i = 0; i < value.length(); i++) {
				quoted[i + 1] = (byte) value.charAt(i);
			}
			quoted[quoted.length - 1] = '"';
			return quoted;
		}

		private static int put(byte[] into, int at, byte[] part) {
			System.arraycopy(part, 0, into, at, part.length);
			return at + part.length;
		}

	}

	/** {@code GET /template/all}, every page. */
	List<TemplateSummary> templates(String token) {
		List<TemplateSummary> all = new ArrayList<>();
		for (int offset = 0;; offset += 100) {
			JsonNode data = get(token, "/template/all?offset=" + offset + "&limit=100");
			JsonNode list = data.isArray() ? data : data.path("data");
			for (JsonNode t : list) {
				all.add(new TemplateSummary(t.path("templateId").asString(""), t.path("templateName").asString(""),
						status(t.path("status")), t.path("templateQuality").asString(null)));
			}
			if (list.size() < 100) {
				return all;
			}
		}
	}

	/** {@code GET /template/info}. */
	TemplateInfo templateInfo(String token, String templateId) {
		JsonNode data = get(token, "/template/info?template_id=" + templateId);
		List<TemplateParam> params = new ArrayList<>();
		for (JsonNode p : data.path("listParams")) {
			params.add(new TemplateParam(p.path("name").asString(""), p.path("require").asBoolean(false),
					p.path("type").asString("STRING"), p.path("maxLength").asInt(0), p.path("minLength").asInt(0),
					p.path("acceptNull").asBoolean(false)));
		}
		return new TemplateInfo(text(data, "templateId") != null ? text(data, "templateId") : templateId,
				text(data, "templateName"), data.path("status").asString(""), params, text(data, "price"));
	}

	/** {@code GET /message/quota}. */
	Quota quota(String token) {
		JsonNode data = get(token, "/message/quota");
		Long daily = number(data, "dailyQuota");
		Long remaining = number(data, "remainingQuota");
		return new Quota((daily != null) ? daily : 0, (remaining != null) ? remaining : 0);
	}

	private JsonNode get(String token, String pathAndQuery) {
		JsonNode answer = this.http.get()
			.uri(this.baseUrl.get() + pathAndQuery)
			.header("access_token", token)
			.retrieve()
			.body(JsonNode.class);
		int error = answer.path("error").asInt(-1);
		if (error != 0) {
			throw new ZnsApiException(error, answer.path("message").asString(""));
		}
		return answer.path("data");
	}

	/**
	 * Loa's name for a template status: Zalo answers {@code ENABLE}, {@code DISABLE},
	 * {@code REJECT}, {@code PENDING_REVIEW} (and takes 1–4 in the {@code status}
	 * filter).
	 */
	static String status(JsonNode status) {
		if (status.isNumber()) {
			return switch (status.asInt()) {
				case 1 -> "ENABLED";
				case 2 -> "PENDING_REVIEW";
				case 3 -> "REJECTED";
				case 4 -> "DISABLED";
				default -> "UNKNOWN";
			};
		}
		return switch (status.asString("").toUpperCase(java.util.Locale.ROOT)) {
			case "ENABLE", "ENABLED" -> "ENABLED";
			case "DISABLE", "DISABLED" -> "DISABLED";
			case "REJECT", "REJECTED" -> "REJECTED";
			case "PENDING_REVIEW" -> "PENDING_REVIEW";
			default -> "UNKNOWN";
		};
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	private static Long number(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
