package vn.loa.audience;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * In the cluster shape every instance remembers its own successful token look-ups; a
 * revocation on one instance is told to all of them through a fanout exchange, so each
 * forgets what it remembered within moments instead of at the end of the TTL. Each
 * instance listens on its own exclusive, auto-deleted queue. If RabbitMQ cannot be
 * reached the TTL still bounds how long another instance accepts the revoked token.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cluster")
class ClusterTokenRevocations {

	static final String EXCHANGE = "loa.station-tokens";

	@Bean
	FanoutExchange stationTokensExchange() {
		return new FanoutExchange(EXCHANGE, true, false);
	}

	/** This instance's own queue: exclusive, gone when the instance disconnects. */
	@Bean
	Queue stationTokensQueue() {
		return new Queue(EXCHANGE + "." + UUID.randomUUID(), false, true, true);
	}

	@Bean
	Binding stationTokensBinding(Queue stationTokensQueue, FanoutExchange stationTokensExchange) {
		return BindingBuilder.bind(stationTokensQueue).to(stationTokensExchange);
	}

	@Component
	@Profile("cluster")
	static class Broadcast {

		private static final Logger logger = LoggerFactory.getLogger(Broadcast.class);

		private final RabbitTemplate rabbit;

		private final Stations stations;

		Broadcast(ConnectionFactory connectionFactory, Stations stations) {
			this.rabbit = new RabbitTemplate(connectionFactory);
			this.stations = stations;
		}

		/** Tells every instance, once the revocation is committed. */
		@TransactionalEventListener
		void revoked(StationTokenRevoked event) {
			try {
				this.rabbit.convertAndSend(EXCHANGE, "", event.station() + ":" + event.tokenId());
			}
			catch (AmqpException ex) {
				logger.warn(
						"Could not tell the other instances that a token of station {} was revoked; they stop"
								+ " accepting it when their remembered look-ups expire: {}",
						event.station(), ex.getMessage());
			}
		}

		@RabbitListener(queues = "#{stationTokensQueue.name}")
		void revokedElsewhere(Message message) {
			logger.debug("Token revoked on some instance: {}", new String(message.getBody(), StandardCharsets.UTF_8));
			this.stations.forgetRemembered();
		}

	}

}
