package vn.loa.channels.zalo.zns;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a ZNS job sends every recipient, kept in the job's row: the template and its
 * parameter values, and — when the publication asks for SMS fallback — the SMS rendition
 * ({@code sms.diacritics} applied) and its template version.
 */
record ZnsPayload(String templateId, Map<String, String> data, boolean fallback, String smsText,
		String smsTemplateVersion) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	String toJson() {
		return JSON.writeValueAsString(this);
	}

	static ZnsPayload fromJson(String json) {
		return JSON.readValue(json, ZnsPayload.class);
	}

}
