package vn.loa.rendering;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir where the channel templates live
 * ({@code templates/<channel>/<name>.mustache})
 * @param variables short configured strings every template may use (agency name,
 * hotline…); their values may refer to each other as {@code ${name}}
 */
@ConfigurationProperties("loa.templates")
public record RenderingProperties(@DefaultValue("./templates") Path dir, Map<String, String> variables) {

	public RenderingProperties {
		variables = (variables != null) ? Map.copyOf(variables) : Map.of();
	}

}
