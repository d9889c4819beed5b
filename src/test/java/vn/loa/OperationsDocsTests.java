package vn.loa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables table of {@code src/site/markdown/operations.md} is true:
 * each variable, set in the environment as an operator would, reaches the property the
 * table names in Loa's shipped configuration ({@code application.yml} and the built-in
 * {@code channels/*.yml}); and every variable that configuration reads is in the table.
 */
class OperationsDocsTests {

	static final Path DOCS = Path.of("src/site/markdown/operations.md");

	private static final Pattern ROW = Pattern
		.compile("^\\| `([A-Z][A-Z0-9_]*)` \\| `([^`]+)`( \\(profile `([a-z,]+)`\\))?( names it)? \\|.*");

	record Row(String variable, String property, String profile, boolean namesIt) {

		@Override
		public String toString() {
			return this.variable;
		}

	}

	static List<Row> rows() throws IOException {
		List<Row> rows = new ArrayList<>();
		boolean inSection = false;
		for (String line : Files.readAllLines(DOCS, StandardCharsets.UTF_8)) {
			if (line.startsWith("## ")) {
				inSection = line.equals("## Environment variables");
				continue;
			}
			Matcher matcher = ROW.matcher(line);
			if (inSection && matcher.matches()) {
				rows.add(new Row(matcher.group(1), matcher.group(2), matcher.group(4), matcher.group(5) != null));
			}
		}
		return rows;
	}

	@Test
	void theTableListsTheVariablesTheIssueNamed() throws IOException {
		assertThat(rows()).extracting(Row::variable)
			.contains("LOA_ADMIN_PASSWORD", "LOA_DB_URL", "LOA_DB_USER", "LOA_DB_PASSWORD", "LOA_PUBLIC_BASE_URL",
					"LOA_HOME", "LOA_SECRET_KEY", "LOA_DATA_DIR", "PORT", "TWILIO_AUTH_TOKEN");
	}

	@ParameterizedTest
	@MethodSource("rows")
	void eachDocumentedVariableReachesItsProperty(Row row, @TempDir Path folder) {
		String value = switch (row.variable()) {
			case "PORT" -> "18123";
			case "LOA_HOME" -> folder.toString();
			case "LOA_SECRET_KEY" -> Base64.getEncoder().encodeToString(new byte[32]);
			case "SPRING_PROFILES_ACTIVE" -> "postgres,cluster";
			default -> "value-of-" + row.variable();
		};
		Map<String, Object> environment = new HashMap<>();
		environment.put(row.variable(), value);
		if (row.profile() != null) {
			environment.put("SPRING_PROFILES_ACTIVE", row.profile());
		}
		try (ConfigurableApplicationContext context = configurationOnly(environment)) {
			if (row.namesIt()) {
				assertThat(context.getEnvironment().getProperty(row.property())).isEqualTo(row.variable());
				assertThat(context.getEnvironment().getProperty(row.variable())).isEqualTo(value);
			}
			else {
				assertThat(context.getEnvironment().getProperty(row.property())).isEqualTo(value);
			}
		}
	}

	@Test
	void everyVariableTheConfigurationReadsIsInTheTable() throws IOException {
		Set<String> read = new TreeSet<>();
		Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
		Pattern named = Pattern.compile("[a-z-]+-env:\\s*([A-Z][A-Z0-9_]*)");
		List<Path> files = new ArrayList<>(List.of(Path.of("src/main/resources/application.yml")));
		try (Stream<Path> channels = Files.list(Path.of("channels"))) {
			channels.filter(p -> p.toString().endsWith(".yml")).forEach(files::add);
		}
		for (Path file : files) {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			for (Pattern pattern : List.of(placeholder, named)) {
				Matcher matcher = pattern.matcher(text);
				while (matcher.find()) {
					read.add(matcher.group(1));
				}
			}
		}
		assertThat(read).as("variables read by application.yml and channels/*.yml").isNotEmpty();
		assertThat(rows()).extracting(Row::variable).as("the environment variables table of " + DOCS).containsAll(read);
	}

	@Test
	void theProductionSmokeTestRunsExactlyTheCommandsThePagePrints() throws IOException {
		List<String> script = Files.readAllLines(Path.of(".ci/smoke-production"), StandardCharsets.UTF_8);
		List<String> commands = script.subList(script.indexOf("# docs:begin") + 1, script.indexOf("# docs:end"));
		assertThat(commands).hasSizeGreaterThan(20)
			.anySatisfy(line -> assertThat(line).contains("java -jar"))
			.anySatisfy(line -> assertThat(line).startsWith("kill -TERM"));
		List<String> page = Files.readAllLines(DOCS, StandardCharsets.UTF_8);
		int at = page.indexOf("## Production, step by step");
		assertThat(at).as("the section 'Production, step by step' of " + DOCS).isPositive();
		for (String command : commands) {
			int found = page.subList(at, page.size()).indexOf(command);
			assertThat(found)
				.as("this line of .ci/smoke-production, after the previous one, in " + DOCS + ":%n%s", command)
				.isNotNegative();
			at += found + 1;
		}
	}

	/**
	 * Loa's shipped configuration (not the tests' own) with {@code environment} as the
	 * whole process environment, and no beans.
	 */
	static ConfigurableApplicationContext configurationOnly(Map<String, Object> environment) {
		StandardEnvironment standard = new StandardEnvironment();
		standard.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		SpringApplication application = new SpringApplication(NoBeans.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setEnvironment(standard);
		return application.run("--spring.config.location=classpath:/application.yml");
	}

	@Configuration(proxyBeanMethods = false)
	static class NoBeans {

	}

}
