package vn.loa.channels.zalo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a follower broadcast sends, kept in its bulk job's row: the consultation message
 * and, when the publication asks for one, the OA article to create first (title,
 * description, cover, blocks — {@link ZaloChannel#article}).
 */
record ZaloOaPayload(String body, JsonNode article) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	String toJson() {
		return JSON.writeValueAsString(this);
	}

	static ZaloOaPayload fromJson(String json) {
		return JSON.readValue(json, ZaloOaPayload.class);
	}

	boolean wantsArticle() {
		return this.article != null && !this.article.isNull() && !this.article.isMissingNode();
	}

}
