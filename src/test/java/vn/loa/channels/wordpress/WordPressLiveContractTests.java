package vn.loa.channels.wordpress;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WordPress contract against a real WordPress: Debian's {@code wordpress} package on
 * PHP's built-in server and MariaDB, set up by {@code .ci/wordpress-contract} (which
 * {@code .ci/run} calls) with two sites, an administrator, an author and their
 * application passwords, written to {@value #SITES}. Without that file the class is
 * skipped, except in CI ({@code CI=true}), where it must run.
 */
@EnabledIf("configured")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loa.channels.wordpress.mode=live", "loa.channels.wordpress.withdrawal.sweep-interval=1h",
				"loa.channels.wordpress.retry.delay=100ms" })
@AutoConfigureMockMvc
class WordPressLiveContractTests extends WordPressContract {

	static final String SITES = "target/wordpress-contract/sites.properties";

	static boolean configured() {
		return Files.exists(Path.of(SITES)) || "true".equals(System.getenv("CI"));
	}

	private static Properties sites() {
		Properties sites = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of(SITES), StandardCharsets.UTF_8)) {
			sites.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Run .ci/wordpress-contract first: " + SITES + " is missing", ex);
		}
		return sites;
	}

	@DynamicPropertySource
	static void sites(DynamicPropertyRegistry registry) {
		Properties sites = sites();
		site(registry, 0, ADMIN, sites, "pretty", "admin", null);
		site(registry, 1, WRONG, sites, "pretty", "admin", "not the application password");
		site(registry, 2, AUTHOR, sites, "pretty", "author", null);
		site(registry, 3, PLAIN, sites, "plain", "admin", null);
	}

	/** A site as an agency's admin configures it: address, user, password variable. */
	private static void site(DynamicPropertyRegistry registry, int index, String name, Properties sites,
			String wordpress, String account, String password) {
		String prefix = "loa.channels.wordpress.sites[" + index + "].";
		String variable = "LOA_TEST_WP_" + index;
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "base-url", () -> sites.getProperty(wordpress + ".base-url"));
		registry.add(prefix + "username", () -> sites.getProperty(wordpress + "." + account + ".username"));
		registry.add(prefix + "password-env", () -> variable);
		registry.add(variable,
				() -> (password != null) ? password : sites.getProperty(wordpress + "." + account + ".password"));
	}

	@Override
	String apiRoot(String site) {
		return sites().getProperty((PLAIN.equals(site) ? "plain" : "pretty") + ".api-root");
	}

	@Override
	String adminCredentials(String site) {
		String wordpress = PLAIN.equals(site) ? "plain" : "pretty";
		return sites().getProperty(wordpress + ".admin.username") + ":"
				+ sites().getProperty(wordpress + ".admin.password");
	}

	@Test
	void sampleContentNeverReachesALiveSite() {
		// The embedded default's demo data ran at this context's start, with the
		// WordPress channel live: its published item went to the portal only.
		String query = "search=" + java.net.URLEncoder.encode("trực tuyến tại nhà", StandardCharsets.UTF_8)
				+ "&status=publish,future,draft,pending,private&context=edit";
		URI uri = WordPressClient.route(apiRoot(ADMIN), "wp/v2/posts", query);
		JsonNode found = RestClient.create()
			.get()
			.uri(uri)
			.header("Authorization",
					"Basic " + java.util.Base64.getEncoder()
						.encodeToString(adminCredentials(ADMIN).getBytes(StandardCharsets.UTF_8)))
			.retrieve()
			.body(JsonNode.class);
		List<String> titles = found.valueStream().map((p) -> p.path("title").path("raw").asString()).toList();
		assertThat(titles).noneMatch((t) -> t.contains("trực tuyến tại nhà"));
	}

}
