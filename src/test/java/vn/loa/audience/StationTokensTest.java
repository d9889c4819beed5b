package vn.loa.audience;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import vn.loa.audience.Stations.IssuedToken;
import vn.loa.audience.Stations.NewStation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Station tokens on the embedded database, with two {@link Stations} on one database
 * standing for two instances of Loa: a look-up is remembered for the TTL, a revocation
 * takes effect on its own instance at once and on the other within the TTL.
 */
class StationTokensTest {

	private static DataSource dataSource;

	private final JdbcClient jdbc = JdbcClient.create(dataSource);

	private final Stations here = new Stations(this.jdbc, Clock.systemUTC(), Duration.ofMinutes(10), (event) -> {
	});

	@BeforeAll
	static void migrate() {
		dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:station-tokens;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "");
		Flyway.configure().dataSource(dataSource).load().migrate();
	}

	@Test
	void aTokenAuthenticatesOnlyItsOwnStationAndIsStoredHashed() {
		Station station = station("dien-an");
		station("dien-phu");
		IssuedToken issued = this.here.issueToken("dien-an");
		assertThat(issued.token()).startsWith("loa_st_");
		assertThat(this.here.authenticate("dien-an", issued.token())).contains(station);
		// Remembered now, but still only for its own station.
		assertThat(this.here.authenticate("dien-phu", issued.token())).isEmpty();
		assertThat(this.here.authenticate("dien-an", issued.token() + "x")).isEmpty();
		assertThat(this.here.authenticate("dien-an", "")).isEmpty();
		assertThat(this.here.authenticate("dien-an", null)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from radio_station_token where token_hash = ? or prefix = ?")
			.params(issued.token(), issued.token())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aRevokedTokenFailsOnTheNextRequestEvenAfterItWasRemembered() {
		Station station = station("ninh-hoa");
		IssuedToken revoked = this.here.issueToken("ninh-hoa");
		IssuedToken kept = this.here.issueToken("ninh-hoa");
		assertThat(this.here.authenticate("ninh-hoa", revoked.token())).contains(station);
		assertThat(this.here.authenticate("ninh-hoa", kept.token())).contains(station);

		assertThat(this.here.revokeToken("ninh-hoa", revoked.id())).isTrue();

		assertThat(this.here.authenticate("ninh-hoa", revoked.token())).isEmpty();
		assertThat(this.here.authenticate("ninh-hoa", kept.token())).contains(station);
		assertThat(this.here.revokeToken("ninh-hoa", revoked.id())).isFalse();
	}

	@Test
	void anotherInstanceStopsAcceptingARevokedTokenWithinItsTtl() {
		Stations elsewhere = new Stations(this.jdbc, Clock.systemUTC(), Duration.ofMillis(300), (event) -> {
		});
		Station station = station("van-ninh");
		IssuedToken token = this.here.issueToken("van-ninh");
		assertThat(this.here.authenticate("van-ninh", token.token())).contains(station);
		assertThat(elsewhere.authenticate("van-ninh", token.token())).contains(station);

		assertThat(this.here.revokeToken("van-ninh", token.id())).isTrue();

		assertThat(this.here.authenticate("van-ninh", token.token())).isEmpty();
		// The other instance trusts its remembered look-up until the TTL has passed.
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> elsewhere.authenticate("van-ninh", token.token()), Optional::isEmpty);
	}

	private Station station(String code) {
		return this.here.create(new NewStation(code, "Đài truyền thanh " + code, StationLevel.COMMUNE,
				"56.568." + Math.abs(code.hashCode() % 100000), 150));
	}

}
