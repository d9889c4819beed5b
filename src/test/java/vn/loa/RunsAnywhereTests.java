package vn.loa;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

import vn.loa.rendering.TemplateStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loa's channel descriptors and templates are built into the jar, so nothing depends on
 * the directory it starts in; {@code LOA_HOME} replaces them file by file, and takes the
 * admins' template edits; a {@code LOA_HOME} that does not exist stops the start; a
 * channel whose template is missing makes health DOWN. (The packaged jar itself is
 * started from an empty directory by {@code .ci/smoke-production}.)
 */
class RunsAnywhereTests {

	@Test
	void withoutLoaHomeEveryChannelFileComesFromTheClassPath() {
		try (ConfigurableApplicationContext context = OperationsDocsTests.configurationOnly(Map.of())) {
			for (String channel : new String[] { "portal", "wordpress", "webhook", "sms", "radio" }) {
				assertThat(context.getEnvironment().getProperty("loa.channels." + channel + ".template")).as(channel)
					.isNotBlank();
			}
			assertThat(context.getEnvironment().getPropertySources().stream().map(p -> p.getName()))
				.anySatisfy(name -> assertThat(name).contains("channels/sms.yml (built in)"));
		}
	}

	@Test
	void aLoaHomeThatDoesNotExistStopsTheStartWithAClearMessage() {
		assertThatThrownBy(() -> OperationsDocsTests.configurationOnly(Map.of("LOA_HOME", "/nonexistent/loa-home")))
			.hasStackTraceContaining("LOA_HOME=/nonexistent/loa-home does not exist or is not a folder");
	}

	@Test
	void filesInLoaHomeReplaceTheBuiltInOnesAndTakeTemplateEdits(@TempDir Path home) throws Exception {
		Files.createDirectories(home.resolve("channels"));
		Files.createDirectories(home.resolve("templates/sms"));
		Files.writeString(home.resolve("channels/portal.yml"), """
				loa:
				  channels:
				    portal:
				      enabled: true
				      template: article.html
				      title: "Cổng thử của LOA_HOME"
				""");
		// a channel pointed at a template that exists nowhere
		Files.writeString(home.resolve("channels/radio.yml"), """
				loa:
				  channels:
				    radio:
				      enabled: true
				      template: missing.md
				""");
		Files.writeString(home.resolve("templates/sms/announcement.txt.mustache"), "LOA_HOME: {{title}}");

		Map<String, Object> environment = new HashMap<>();
		environment.put("LOA_HOME", home.toString());
		environment.put("LOA_DATA_DIR", home.resolve("data").toString());
		try (ConfigurableApplicationContext context = start(environment)) {
			assertThat(context.getEnvironment().getProperty("loa.channels.portal.title"))
				.isEqualTo("Cổng thử của LOA_HOME");
			// the built-in file was replaced, not merged
			assertThat(context.getEnvironment().getProperty("loa.channels.portal.feed-size")).isNull();
			assertThat(context.getEnvironment().getProperty("loa.channels.sms.template")).isEqualTo("announcement.txt");

			TemplateStore templates = context.getBean(TemplateStore.class);
			assertThat(templates.source("sms", "announcement.txt")).isEqualTo("LOA_HOME: {{title}}");
			assertThat(templates.origin("sms", "announcement.txt")).startsWith(home.toString());
			assertThat(templates.origin("portal", "article.html")).isEqualTo("built in");

			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> health = call(base, "GET", "/actuator/health", null, null);
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"status\":\"DOWN\"").doesNotContain("components", "missing.md");
			String details = call(base, "GET", "/actuator/health", "admin", null).body();
			assertThat((String) JsonPath.read(details, "$.components.channels.details.radio.detail"))
				.contains("template radio/missing.md is missing");
			assertThat((String) JsonPath.read(details, "$.components.channels.details.portal.status")).isEqualTo("UP");

			String source = templates.source("portal", "article.html") + "\n<!-- sửa trong LOA_HOME -->\n";
			HttpResponse<String> saved = call(base, "PUT", "/api/v1/templates/portal/article.html", "admin",
					"{\"source\":\"" + source.replace("\\", "\\\\")
						.replace("\"", "\\\"")
						.replace("\n", "\\n")
						.replace("\t", "\\t") + "\"}");
			assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
			assertThat(home.resolve("templates/portal/article.html.mustache")).content(StandardCharsets.UTF_8)
				.isEqualTo(source);
			assertThat(templates.origin("portal", "article.html")).startsWith(home.toString());
		}
	}

	/** Calls as the demo user {@code user} (anonymously when null). */
	private static HttpResponse<String> call(String base, String method, String path, String user, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":loa-demo").getBytes(StandardCharsets.UTF_8)));
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static ConfigurableApplicationContext start(Map<String, Object> environment) {
		StandardServletEnvironment standard = new StandardServletEnvironment();
		standard.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		return new SpringApplicationBuilder(LoaApplication.class).environment(standard)
			.run("--server.port=0", "--spring.config.location=classpath:/application.yml",
					"--loa.publishing.scheduler-interval=1h", "--spring.datasource.url=jdbc:h2:mem:anywhere-"
							+ UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
	}

}
