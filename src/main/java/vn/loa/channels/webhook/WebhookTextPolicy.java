package vn.loa.channels.webhook;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import vn.loa.channels.ArticleText;
import vn.loa.content.ContentVersion;
import vn.loa.rendering.TemplateProblem;

/**
 * The webhook template renders the payload's {@code content} object from the same
 * variables as the other web channels'. It must be a JSON object (not sanitised HTML);
 * checking that here makes a broken template fail when it is saved or previewed, not when
 * a partner's endpoint receives garbage.
 */
@Component
class WebhookTextPolicy extends ArticleText {

	private final JsonMapper jsonMapper;

	private final WebhookProperties properties;

	WebhookTextPolicy(JsonMapper jsonMapper, WebhookProperties properties) {
		this.jsonMapper = jsonMapper;
		this.properties = properties;
	}

	@Override
	public String channel() {
		return WebhookChannel.ID;
	}

	@Override
	public String finish(String text, Map<String, String> options) {
		String template = WebhookChannel.ID + "/" + this.properties.template();
		try {
			JsonNode json = this.jsonMapper.readTree(text);
			if (json == null || !json.isObject()) {
				throw new TemplateProblem(template, 0, "must render a JSON object", null);
			}
			return text;
		}
		catch (JacksonException ex) {
			throw new TemplateProblem(template, ex.getLocation() != null ? ex.getLocation().getLineNr() : 0,
					"does not render valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public Map<String, Object> metrics(String text, Map<String, String> options) {
		return Map.of("bytes", text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
	}

	/** What every web channel's templates get ({@code bodyHtml}), and the item's id. */
	@Override
	public Map<String, Object> variables(ContentVersion content) {
		Map<String, Object> variables = new java.util.HashMap<>(super.variables(content));
		variables.put("contentId", content.contentId());
		return variables;
	}

}
