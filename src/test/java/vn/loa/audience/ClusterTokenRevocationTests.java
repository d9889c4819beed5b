package vn.loa.audience;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.loa.audience.Stations.IssuedToken;
import vn.loa.audience.Stations.NewStation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster shape on the real RabbitMQ: a revocation on one instance reaches the others
 * through the fanout exchange, long before their remembered look-ups (here ten minutes)
 * would expire.
 */
@SpringBootTest(properties = "loa.audience.station-token-ttl=10m")
@ActiveProfiles({ "postgres", "pgtest", "cluster" })
class ClusterTokenRevocationTests {

	@Autowired
	Stations stations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConnectionFactory connectionFactory;

	@Autowired
	AmqpAdmin admin;

	@Test
	void aRevocationElsewhereIsForgottenHereAtOnce() {
		String code = "cam-lam-" + UUID.randomUUID().toString().substring(0, 8);
		Station station = this.stations
			.create(new NewStation(code, "Đài truyền thanh huyện Cam Lâm", StationLevel.DISTRICT, "56.569", 150));
		IssuedToken token = this.stations.issueToken(code);
		assertThat(this.stations.authenticate(code, token.token())).contains(station);

		// Another instance revokes: its own database write, then its broadcast.
		this.jdbc.sql("update radio_station_token set revoked_at = current_timestamp where id = ?")
			.param(token.id())
			.update();
		new RabbitTemplate(this.connectionFactory).convertAndSend(ClusterTokenRevocations.EXCHANGE, "",
				code + ":" + token.id());

		await().atMost(Duration.ofSeconds(10)).until(() -> this.stations.authenticate(code, token.token()).isEmpty());
	}

	@Test
	void aRevocationHereIsToldToTheOtherInstances() {
		Queue other = this.admin.declareQueue();
		this.admin.declareBinding(
				BindingBuilder.bind(other).to(new FanoutExchange(ClusterTokenRevocations.EXCHANGE, true, false)));
		try {
			String code = "khanh-son-" + UUID.randomUUID().toString().substring(0, 8);
			this.stations
				.create(new NewStation(code, "Đài truyền thanh huyện Khánh Sơn", StationLevel.DISTRICT, "56.570", 150));
			IssuedToken token = this.stations.issueToken(code);

			assertThat(this.stations.revokeToken(code, token.id())).isTrue();

			Message told = new RabbitTemplate(this.connectionFactory).receive(other.getName(), 10_000);
			assertThat(told).isNotNull();
			assertThat(new String(told.getBody(), StandardCharsets.UTF_8)).isEqualTo(code + ":" + token.id());
		}
		finally {
			this.admin.deleteQueue(other.getName());
		}
	}

}
