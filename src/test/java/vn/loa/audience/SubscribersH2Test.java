package vn.loa.audience;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** {@link Subscribers} on H2 in PostgreSQL mode, as the embedded default runs it. */
class SubscribersH2Test extends SubscribersContract {

	private static DataSource dataSource;

	@BeforeAll
	static void migrate() throws Exception {
		dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:subscribers;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "");
		Flyway.configure().dataSource(dataSource).target("2").load().migrate();
	}

	@Override
	DataSource dataSource() {
		return dataSource;
	}

}
