package vn.loa.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

/**
 * The database a benchmark runs on: the one {@code LOA_DB_URL} (or
 * {@code --spring.datasource.url}) names, else {@code loa_bench} on the local PostgreSQL,
 * created here when it is missing. Runs before Loa starts, so that a benchmark needs no
 * manual step but a running PostgreSQL.
 */
public final class BenchDatabase {

	static final String NAME = "loa_bench";

	private BenchDatabase() {
	}

	/**
	 * @return false (after saying why on {@code out}) when the database cannot be had
	 */
	public static boolean prepare(String[] args, Map<String, String> environment, PrintStream out) {
		String url = environment.get("LOA_DB_URL");
		if (Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.datasource.url="))) {
			out.println("bench: on the database given by --spring.datasource.url");
			return true;
		}
		if (url != null && !url.isBlank()) {
			out.println("bench: on the database LOA_DB_URL names: " + url);
			return true;
		}
		String user = environment.getOrDefault("LOA_DB_USER", "postgres");
		String password = environment.getOrDefault("LOA_DB_PASSWORD", "");
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", user,
				password)) {
			if (exists(connection)) {
				out.println("bench: on the database " + NAME + " (127.0.0.1:5432)");
			}
			else {
				try (Statement statement = connection.createStatement()) {
					statement.execute("create database " + NAME);
				}
				out.println("bench: created the database " + NAME + " (127.0.0.1:5432)");
			}
			return true;
		}
		catch (SQLException ex) {
			out.println("bench: cannot reach PostgreSQL at 127.0.0.1:5432 as " + user + " to use or create the "
					+ "database " + NAME + " (" + ex.getMessage() + ").");
			out.println("Start PostgreSQL (install it with: sudo apt-get install -y postgresql), or set LOA_DB_URL "
					+ "(and LOA_DB_USER, LOA_DB_PASSWORD) to a PostgreSQL database the benchmark may fill.");
			return false;
		}
	}

	private static boolean exists(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			query.setString(1, NAME);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

}
