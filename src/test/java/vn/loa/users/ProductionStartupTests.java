package vn.loa.users;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

import vn.loa.LoaApplication;
import vn.loa.common.SecretBox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production (demo data off) refuses demo users, needs the first admin's password from
 * {@code LOA_ADMIN_PASSWORD} (at least 12 characters, changed at the first login) and, on
 * the {@code postgres} profile, {@code LOA_SECRET_KEY}. The variables are given as the
 * process environment, exactly as an operator sets them.
 */
class ProductionStartupTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void refusesToStartWithoutAnAdminPassword() {
		assertThatThrownBy(() -> start(Map.of(), db(), "--loa.demo.enabled=false"))
			.hasStackTraceContaining("LOA_ADMIN_PASSWORD");
	}

	@Test
	void refusesAnAdminPasswordShorterThan12Characters() {
		assertThatThrownBy(() -> start(Map.of("LOA_ADMIN_PASSWORD", "elevenchars"), db(), "--loa.demo.enabled=false"))
			.hasStackTraceContaining("LOA_ADMIN_PASSWORD has 11 characters")
			.hasStackTraceContaining("shorter than 12 characters");
	}

	@Test
	void refusesToStartWhileADemoUserKeepsTheDemoPassword() {
		String db = db();
		start(Map.of(), db, "--loa.demo.enabled=true").close();
		assertThatThrownBy(() -> start(Map.of("LOA_ADMIN_PASSWORD", "s3cret-admin-pw"), db, "--loa.demo.enabled=false"))
			.hasStackTraceContaining("demo password");
	}

	@Test
	void createsTheFirstAdminFromLoaAdminPasswordWhoMustChangeItBeforeAnythingElse() throws Exception {
		try (ConfigurableApplicationContext context = start(Map.of("LOA_ADMIN_PASSWORD", "s3cret-admin-pw"), db(),
				"--loa.demo.enabled=false")) {
			UserAccounts accounts = context.getBean(UserAccounts.class);
			assertThat(accounts.find("admin")).hasValueSatisfying(u -> {
				assertThat(u.roles()).containsExactly(Role.ADMIN);
				assertThat(u.mustChangePassword()).isTrue();
			});
			assertThat(accounts.exists("editor")).isFalse();
			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");

			HttpResponse<String> refused = call(base, "GET", "/api/v1/contents", "s3cret-admin-pw", null);
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).contains("password-change-required").contains("/api/v1/me/password");
			assertThat(call(base, "GET", "/api/v1/me", "s3cret-admin-pw", null).body())
				.contains("\"mustChangePassword\":true");
			HttpResponse<String> tooShort = call(base, "POST", "/api/v1/me/password", "s3cret-admin-pw",
					"{\"currentPassword\":\"s3cret-admin-pw\",\"newPassword\":\"short\"}");
			assertThat(tooShort.statusCode()).isEqualTo(400);
			assertThat(tooShort.body()).contains("newPassword").contains("at least 12 characters");
			assertThat(call(base, "POST", "/api/v1/me/password", "s3cret-admin-pw",
					"{\"currentPassword\":\"s3cret-admin-pw\",\"newPassword\":\"a-better-admin-password\"}")
				.statusCode()).isEqualTo(204);

			assertThat(call(base, "GET", "/api/v1/contents", "a-better-admin-password", null).statusCode())
				.isEqualTo(200);
			assertThat(call(base, "GET", "/api/v1/contents", "s3cret-admin-pw", null).statusCode()).isEqualTo(401);
			assertThat(accounts.find("admin")).hasValueSatisfying(u -> assertThat(u.mustChangePassword()).isFalse());
		}
	}

	@Test
	void productionRefusesToStartWithoutLoaSecretKey() {
		Map<String, Object> environment = Map.of("SPRING_PROFILES_ACTIVE", "postgres", "LOA_DB_URL", db(),
				"LOA_ADMIN_PASSWORD", "s3cret-admin-pw");
		assertThatThrownBy(() -> start(environment, null)).hasStackTraceContaining("LOA_SECRET_KEY is not set");
	}

	@Test
	void productionTakesItsDatabaseAndSecretKeyFromTheEnvironment() {
		String db = db();
		Map<String, Object> environment = Map.of("SPRING_PROFILES_ACTIVE", "postgres", "LOA_DB_URL", db, "LOA_DB_USER",
				"sa", "LOA_ADMIN_PASSWORD", "s3cret-admin-pw", "LOA_SECRET_KEY", KEY);
		try (ConfigurableApplicationContext context = start(environment, null)) {
			assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(db);
			String sealed = SecretBox.from(KEY, null).seal("page token", "page-1");
			assertThat(context.getBean(SecretBox.class).open(sealed, "page-1")).isEqualTo("page token");
			assertThat(context.getBean(UserAccounts.class).exists("admin")).isTrue();
		}
	}

	private static String db() {
		return "jdbc:h2:mem:prod-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
	}

	private static HttpResponse<String> call(String base, String method, String path, String password, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Starts Loa with its shipped configuration and {@code environment} as the process
	 * environment; {@code db} (when given) replaces the database URL.
	 */
	private static ConfigurableApplicationContext start(Map<String, Object> environment, String db, String... args) {
		StandardServletEnvironment standard = new StandardServletEnvironment();
		standard.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(environment)));
		String[] all = new String[args.length + 5];
		all[0] = "--server.port=0";
		all[1] = "--loa.publishing.scheduler-interval=1h";
		all[2] = "--loa.data-dir=target/test-data";
		// Loa's shipped configuration, not the tests' own
		all[3] = "--spring.config.location=classpath:/application.yml";
		all[4] = (db != null) ? "--spring.datasource.url=" + db : "--loa.unused=";
		System.arraycopy(args, 0, all, 5, args.length);
		return new SpringApplicationBuilder(LoaApplication.class).environment(standard).run(all);
	}

}
