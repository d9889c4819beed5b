package vn.loa.channels.zalo.zns;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.loa.common.Problems;

import org.springframework.stereotype.Component;

/**
 * ZNS templates: the mapping a rendition carries (template id and the value of each
 * parameter, from {@code templates/zalo-zns/<name>.yml}) and the templates Zalo approved,
 * synced from {@code /template/all} and {@code /template/info} and kept for
 * {@code template-cache-ttl}. A mapping is checked against them: the template must be
 * ENABLED and every value within its parameter's length.
 */
@Component
class ZnsTemplates {

	/** A rendered mapping. */
	record Mapping(String templateId, Map<String, String> params) {

	}

	/** A synced template: its status and parameters. */
	record Synced(String templateId, String name, String status, List<ZnsClient.TemplateParam> params,
			Instant syncedAt) {

		ZnsClient.TemplateParam param(String name) {
			return this.params.stream().filter((p) -> p.name().equals(name)).findFirst().orElse(null);
		}

	}

	private final ZnsClient client;

	private final ZnsTokens tokens;

	private final ZnsProperties properties;

	private final Clock clock;

	private final Map<String, Synced> synced = new ConcurrentHashMap<>();

	ZnsTemplates(ZnsClient client, ZnsTokens tokens, ZnsProperties properties, Clock clock) {
		this.client = client;
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
	}

	/** Reads a rendered mapping; refuses one without a template id (400, naming it). */
	static Mapping parse(String text) {
		Object loaded;
		try {
			loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		}
		catch (RuntimeException ex) {
			throw Problems.invalid("template", "the ZNS mapping is not valid YAML: " + ex.getMessage());
		}
		if (!(loaded instanceof Map<?, ?> root) || root.get("template_id") == null) {
			throw Problems.invalid("template_id", "the ZNS mapping names no template_id");
		}
		Map<String, String> params = new LinkedHashMap<>();
		if (root.get("params") instanceof Map<?, ?> values) {
			values.forEach((name, value) -> params.put(String.valueOf(name), (value != null) ? value.toString() : ""));
		}
		return new Mapping(String.valueOf(root.get("template_id")), params);
	}

	/** The template as Zalo has it, synced when not known or older than the TTL. */
	Synced template(String templateId) {
		Synced known = this.synced.get(templateId);
		Instant now = this.clock.instant();
		if (known != null && known.syncedAt().plus(this.properties.templateCacheTtl()).isAfter(now)) {
			return known;
		}
		return sync(templateId);
	}

	/** Syncs one template from Zalo now. */
	Synced sync(String templateId) {
		String token = this.tokens.accessToken();
		String status = this.client.templates(token)
			.stream()
			.filter((t) -> t.templateId().equals(templateId))
			.map(ZnsClient.TemplateSummary::status)
			.findFirst()
			.orElse(null);
		if (status == null) {
			throw Problems.invalid("template_id", "Zalo has no ZNS template " + templateId + " for this OA");
		}
		ZnsClient.TemplateInfo info = this.client.templateInfo(token, templateId);
		Synced synced = new Synced(templateId, info.templateName(), status, List.copyOf(info.params()),
				this.clock.instant());
		this.synced.put(templateId, synced);
		return synced;
	}

	/**
	 * Checks a mapping against the synced template: refuses (400, naming the parameter or
	 * the template) a template not ENABLED, a required parameter without a value, a value
	 * over its maximum length, and a parameter Zalo does not know.
	 */
	Synced check(Mapping mapping) {
		Synced template = template(mapping.templateId());
		if (!"ENABLED".equals(template.status())) {
			throw Problems.invalid("template_id", "ZNS template " + mapping.templateId() + " is " + template.status()
					+ ", not ENABLED: Zalo will not send it");
		}
		for (ZnsClient.TemplateParam param : template.params()) {
			String value = mapping.params().get(param.name());
			if ((value == null || value.isEmpty()) && param.require() && !param.acceptNull()) {
				throw Problems.invalid("params." + param.name(),
						"is required by ZNS template " + mapping.templateId() + " and has no value");
			}
			int length = (value != null) ? value.codePointCount(0, value.length()) : 0;
			if (param.maxLength() > 0 && length > param.maxLength()) {
				throw Problems.invalid("params." + param.name(), "is " + length + " characters; ZNS template "
						+ mapping.templateId() + " allows at most " + param.maxLength());
			}
		}
		for (String name : mapping.params().keySet()) {
			if (template.param(name) == null) {
				throw Problems.invalid("params." + name, "is not a parameter of ZNS template " + mapping.templateId());
			}
		}
		return template;
	}

}
