package vn.loa.rendering;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir the folder of template files that replace the built-in ones and where
 * admins' edits are saved ({@code <dir>/<channel>/<name>.mustache}); by default
 * {@code LOA_HOME/templates} when LOA_HOME is set, else {@code templates} in the data dir
 * @param variables short configured strings every template may use (agency name,
 * hotline…); their values may refer to each other as {@code ${name}}
 */
@ConfigurationProperties("loa.templates")
public record RenderingProperties(Path dir, Map<String, String> variables) {

	public RenderingProperties {
		variables = (variables != null) ? Map.copyOf(variables) : Map.of();
	}

}
