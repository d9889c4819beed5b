package vn.loa.deliverylog;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The start-up warning about PostgreSQL's autovacuum: said when it is off, not when it is
 * on, nor on another database (H2, the embedded default).
 */
@ExtendWith(OutputCaptureExtension.class)
class AutovacuumCheckTests {

	@Test
	void warnsWhenPostgresqlRunsWithAutovacuumOff(CapturedOutput output) throws Exception {
		AutovacuumCheck check = new AutovacuumCheck(postgresql("off"));

		check.check();

		assertThat(check.autovacuumOff()).isTrue();
		assertThat(output).contains("autovacuum = off").contains("ALTER SYSTEM SET autovacuum = on");
	}

	@Test
	void saysNothingWhenAutovacuumIsOn(CapturedOutput output) throws Exception {
		AutovacuumCheck check = new AutovacuumCheck(postgresql("on"));

		check.check();

		assertThat(check.autovacuumOff()).isFalse();
		assertThat(output).doesNotContain("autovacuum = off");
	}

	@Test
	void saysNothingOnH2(CapturedOutput output) {
		AutovacuumCheck check = new AutovacuumCheck(
				new DriverManagerDataSource("jdbc:h2:mem:autovacuum-check;DB_CLOSE_DELAY=-1", "sa", ""));

		check.check();

		assertThat(check.autovacuumOff()).isFalse();
		assertThat(output).doesNotContain("autovacuum = off");
	}

	private static DataSource postgresql(String autovacuum) throws Exception {
		DataSource dataSource = mock(DataSource.class);
		Connection connection = mock(Connection.class);
		DatabaseMetaData metaData = mock(DatabaseMetaData.class);
		Statement statement = mock(Statement.class);
		ResultSet result = mock(ResultSet.class);
		given(dataSource.getConnection()).willReturn(connection);
		given(connection.getMetaData()).willReturn(metaData);
		given(metaData.getDatabaseProductName()).willReturn("PostgreSQL");
		given(connection.createStatement()).willReturn(statement);
		given(statement.executeQuery("show autovacuum")).willReturn(result);
		given(result.next()).willReturn(true);
		given(result.getString(1)).willReturn(autovacuum);
		return dataSource;
	}

}
