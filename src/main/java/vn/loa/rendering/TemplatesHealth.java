package vn.loa.rendering;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "templates": every template on disk compiles and
 * renders on the sample item. A file edited on disk outside the API shows up here before
 * any send.
 */
@Component("templatesHealthIndicator")
class TemplatesHealth extends AbstractHealthIndicator {

	private final TemplateStore templates;

	private final Renderer renderer;

	TemplatesHealth(TemplateStore templates, Renderer renderer) {
		this.templates = templates;
		this.renderer = renderer;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, String> problems = new LinkedHashMap<>();
		int count = 0;
		for (TemplateStore.TemplateInfo info : this.templates.list()) {
			count++;
			try {
				this.renderer.render(SampleContent.ITEM, info.channel(), info.name(), Map.of(), Map.of());
			}
			catch (RuntimeException ex) {
				problems.put(info.channel() + "/" + info.name(), String.valueOf(ex.getMessage()));
			}
		}
		builder.withDetail("templates", count);
		if (problems.isEmpty()) {
			builder.up();
		}
		else {
			builder.down().withDetail("problems", problems);
		}
	}

}
