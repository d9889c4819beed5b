package vn.loa.channels.zalo.zns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.channels.zalo.ZaloReauthorisationNeeded;
import vn.loa.rendering.ChannelTextPolicy;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * What the ZNS channel sends and shows at preview: the rendered mapping (template id and
 * parameter values), checked against the template Zalo approved — refused (400, naming
 * the parameter) over a maximum length or when the template is not ENABLED — and each
 * parameter's value with its length and maximum in the metrics.
 */
@Component
class ZnsTextPolicy implements ChannelTextPolicy {

	private static final Logger log = LoggerFactory.getLogger(ZnsTextPolicy.class);

	private final ZnsTemplates templates;

	ZnsTextPolicy(ZnsTemplates templates) {
		this.templates = templates;
	}

	@Override
	public String channel() {
		return ZnsChannel.ID;
	}

	/**
	 * Checks the mapping against Zalo's template. When Zalo cannot be asked (no OA token,
	 * Zalo unreachable) the rendition is not refused for that: Zalo's own answer per
	 * message (-131, -146…) still lands in the delivery log.
	 */
	@Override
	public String finish(String text, Map<String, String> options) {
		ZnsTemplates.Mapping mapping = ZnsTemplates.parse(text);
		try {
			this.templates.check(mapping);
		}
		catch (RestClientException | ZaloReauthorisationNeeded | ZnsClient.ZnsApiException ex) {
			log.info("ZNS template {} not checked: {}", mapping.templateId(), ex.getMessage());
		}
		return text;
	}

	@Override
	public Map<String, Object> metrics(String text, Map<String, String> options) {
		ZnsTemplates.Mapping mapping = ZnsTemplates.parse(text);
		ZnsTemplates.Synced template;
		try {
			template = this.templates.template(mapping.templateId());
		}
		catch (RestClientException | ZaloReauthorisationNeeded | ZnsClient.ZnsApiException ex) {
			template = new ZnsTemplates.Synced(mapping.templateId(), "", "UNKNOWN", List.of(), null);
		}
		ZnsTemplates.Synced synced = template;
		List<Map<String, Object>> params = new ArrayList<>();
		mapping.params().forEach((name, value) -> {
			Map<String, Object> param = new LinkedHashMap<>();
			param.put("name", name);
			param.put("value", value);
			param.put("length", value.codePointCount(0, value.length()));
			ZnsClient.TemplateParam known = synced.param(name);
			param.put("maxLength", (known != null) ? known.maxLength() : null);
			params.add(param);
		});
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("templateId", mapping.templateId());
		metrics.put("templateName", (template.name() != null) ? template.name() : "");
		metrics.put("templateStatus", template.status());
		metrics.put("params", params);
		return metrics;
	}

}
