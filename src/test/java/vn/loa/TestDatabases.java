package vn.loa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the PostgreSQL test databases that do not exist yet, once before any test runs,
 * so that {@code ./mvnw verify} needs nothing but a running PostgreSQL on a new machine:
 * {@code loa_test} (shared by the PostgreSQL test contexts, or {@code LOA_TEST_DB_URL})
 * and {@code loa_smssend} (the SMS broadcast tests, whose workers must not meet another
 * context's). {@code .ci/run} recreates both from scratch; this only fills a gap. When
 * PostgreSQL cannot be reached nothing is done here, and the PostgreSQL tests say why.
 */
public class TestDatabases implements LauncherSessionListener {

	/**
	 * {@code LOA_TEST_DB_SUFFIX} gives a checkout databases of its own (e.g.
	 * {@code _wt1}), so that two checkouts can run their suites at the same time on one
	 * PostgreSQL.
	 */
	static final String SUFFIX = System.getenv().getOrDefault("LOA_TEST_DB_SUFFIX", "");

	static final List<String> DATABASES = List.of("loa_test" + SUFFIX, "loa_smssend" + SUFFIX);

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (System.getenv("LOA_TEST_DB_URL") != null) {
			return;
		}
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", "")) {
			for (String database : DATABASES) {
				if (!exists(connection, database)) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("create database " + database);
					}
				}
			}
		}
		catch (SQLException ex) {
			System.err.println("[loa tests] could not prepare the PostgreSQL test databases: " + ex.getMessage());
		}
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			query.setString(1, database);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

}
