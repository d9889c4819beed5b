package vn.loa.channels.zalo.zns;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ZnsJourney} on the local PostgreSQL, in a database of its own so that no other
 * test context's workers take its jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.username=postgres", "spring.datasource.password=" })
@AutoConfigureMockMvc
@Import(ZnsJourney.ZnsTestConfiguration.class)
class PostgresZnsJourneyTests extends ZnsJourney {

	private static final String DATABASE = "loa_zns" + System.getenv().getOrDefault("LOA_TEST_DB_SUFFIX", "");

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> {
			try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
					"postgres", ""); Statement statement = connection.createStatement()) {
				if (!statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next()) {
					statement.execute("create database " + DATABASE);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot prepare the test database " + DATABASE, ex);
			}
			return "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
		});
		register(registry);
	}

}
