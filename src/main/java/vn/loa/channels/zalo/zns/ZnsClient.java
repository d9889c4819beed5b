package vn.loa.channels.zalo.zns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

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

	private final RestClient http;

	private final Supplier<String> baseUrl;

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
		Map<String, Object> body = new LinkedHashMap<>();
		if (development) {
			body.put("mode", "development");
		}
		body.put("phone", phone);
		body.put("template_id", templateId);
		body.put("template_data", data);
		body.put("tracking_id", trackingId);
		JsonNode answer = this.http.post()
			.uri(this.baseUrl.get() + "/message/template")
			.header("access_token", token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(JsonNode.class);
		int error = answer.path("error").asInt(-1);
		JsonNode data1 = answer.path("data");
		JsonNode quota = data1.path("quota");
		return new SendAnswer(error, answer.path("message").asString(""), text(data1, "msg_id"),
				number(quota, "dailyQuota"), number(quota, "remainingQuota"));
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
