package vn.loa.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A benchmark finds or makes its database before Loa starts, and names a missing outside
 * tool with the command that installs it.
 */
class BenchPreparationTests {

	@Test
	void aMissingToolIsNamedWithTheCommandThatInstallsIt() {
		assertThatThrownBy(() -> BenchTools.require("feed", new BenchTools.Tool("no-such-loa-tool", "loa-tool-pkg"),
				new BenchTools.Tool("sh", "dash")))
			.isInstanceOf(BenchTools.MissingTool.class)
			.hasMessage("bench feed needs no-such-loa-tool, which is not installed: sudo apt-get install -y "
					+ "loa-tool-pkg");
		BenchTools.require("feed", new BenchTools.Tool("sh", "dash"));
	}

	@Test
	void theDatabaseLoaDbUrlNamesIsTakenAsItIs() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(BenchDatabase.prepare(new String[0], Map.of("LOA_DB_URL", "jdbc:postgresql://db.example/loa_x"),
				new PrintStream(out, true, StandardCharsets.UTF_8)))
			.isTrue();
		assertThat(out.toString(StandardCharsets.UTF_8))
			.contains("LOA_DB_URL names: jdbc:postgresql://db.example/loa_x");
	}

	@Test
	void loaBenchIsCreatedWhenMissing() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(BenchDatabase.prepare(new String[0], Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8)))
			.as(out.toString(StandardCharsets.UTF_8))
			.isTrue();
		assertThat(out.toString(StandardCharsets.UTF_8)).containsAnyOf("created the database loa_bench",
				"on the database loa_bench");
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", "");
				ResultSet result = connection.createStatement()
					.executeQuery("select 1 from pg_database where datname = 'loa_bench'")) {
			assertThat(result.next()).isTrue();
		}
	}

}
