package vn.loa.deliverylog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up when PostgreSQL runs with {@code autovacuum} off. A broadcast moves
 * every row of the delivery log twice (PENDING, SENDING, SENT), and the plans of the
 * statements that do it are kept per connection: with no automatic ANALYZE they stay the
 * plans chosen when the table was empty, which read the whole table. Measured with
 * {@code bench cluster}: one node fell from about 1,600 to 150 messages a second once the
 * table held 250,000 rows, and came back to 1,600 at once after an ANALYZE.
 */
@Component
class AutovacuumCheck {

	private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);

	private final DataSource dataSource;

	AutovacuumCheck(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		if (autovacuumOff()) {
			log.warn("PostgreSQL runs with autovacuum = off: the delivery log's plans go stale as it grows and a "
					+ "broadcast slows down tenfold (operations.md, PostgreSQL). Turn it on: "
					+ "ALTER SYSTEM SET autovacuum = on; SELECT pg_reload_conf();");
		}
	}

	/**
	 * Whether the database is PostgreSQL with autovacuum off (false when it cannot tell).
	 */
	boolean autovacuumOff() {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return false;
			}
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("show autovacuum")) {
				return result.next() && "off".equalsIgnoreCase(result.getString(1));
			}
		}
		catch (SQLException ex) {
			log.debug("Could not read PostgreSQL's autovacuum setting", ex);
			return false;
		}
	}

}
