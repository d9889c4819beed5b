package vn.loa.publishing;

import java.util.List;

import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.annotation.IntegrationComponentScan;
import org.springframework.integration.config.GlobalChannelInterceptor;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;

import vn.loa.channels.ChannelDispatch;

/**
 * Splits a fired publication into one dispatch per target and routes each to its
 * channel's flow, {@code <channel>.input}. In the cluster shape
 * ({@code loa.publishing.dispatch=amqp}) the dispatches cross a durable RabbitMQ queue
 * between the split and the route, so any node may carry them; a dispatch that cannot be
 * handled goes to the dead-letter queue instead of being redelivered forever.
 */
@Configuration(proxyBeanMethods = false)
@IntegrationComponentScan
class DispatchConfiguration {

	static final String QUEUE = "loa.dispatch";

	static final String DEAD_LETTERS = "loa.dispatch.dead";

	private static final String[] TRUSTED_PACKAGES = { "vn.loa.channels", "vn.loa.content", "vn.loa.rendering" };

	@Bean
	@ConditionalOnProperty(name = "loa.publishing.dispatch", havingValue = "direct", matchIfMissing = true)
	IntegrationFlow dispatchFlow() {
		return flow -> flow.splitWith(s -> s.id("dispatchSplitter"))
			.route(ChannelDispatch.class, dispatch -> dispatch.channel() + ".input",
					r -> r.id("channelRouter").resolutionRequired(true));
	}

	@Bean(name = "dispatchFlow")
	@ConditionalOnProperty(name = "loa.publishing.dispatch", havingValue = "amqp")
	IntegrationFlow amqpDispatchFlow(RabbitTemplate dispatchTemplate) {
		return flow -> flow.splitWith(s -> s.id("dispatchSplitter"))
			.handle(Amqp.outboundAdapter(dispatchTemplate)
				.routingKey(QUEUE)
				.confirmCorrelationExpression("payload.target")
				.waitForConfirm(true)
				.confirmTimeout(10_000), e -> e.id("dispatchToRabbit"));
	}

	/** Takes dispatches off the queue on any node and routes them to the channels. */
	@Bean
	@ConditionalOnProperty(name = "loa.publishing.dispatch", havingValue = "amqp")
	IntegrationFlow dispatchFromRabbitFlow(ConnectionFactory connectionFactory, JsonMapper json) {
		return IntegrationFlow
			.from(Amqp.inboundAdapter(connectionFactory, QUEUE)
				.messageConverter(new JacksonJsonMessageConverter(json, TRUSTED_PACKAGES))
				.configureContainer(c -> c.defaultRequeueRejected(false).prefetchCount(10))
				.id("dispatchFromRabbit"))
			.route(ChannelDispatch.class, dispatch -> dispatch.channel() + ".input",
					r -> r.id("channelRouterAfterRabbit").resolutionRequired(true))
			.get();
	}

	@Bean
	@ConditionalOnProperty(name = "loa.publishing.dispatch", havingValue = "amqp")
	RabbitTemplate dispatchTemplate(ConnectionFactory connectionFactory, JsonMapper json) {
		RabbitTemplate template = new RabbitTemplate(connectionFactory);
		template.setMessageConverter(new JacksonJsonMessageConverter(json, TRUSTED_PACKAGES));
		template.setMandatory(true);
		return template;
	}

	@Bean
	@ConditionalOnProperty(name = "loa.publishing.dispatch", havingValue = "amqp")
	Queue loaDispatchQueue() {
		return QueueBuilder.durable(QUEUE).deadLetterExchange("").deadLetterRoutingKey(DEAD_LETTERS).build();
	}

	@Bean
	@ConditionalOnProperty(name = "loa.publishing.dispatch", havingValue = "amqp")
	Queue loaDispatchDeadLetters() {
		return QueueBuilder.durable(DEAD_LETTERS).build();
	}

	/**
	 * {@code loa_queue_depth{queue}}: the messages waiting in the dispatch queue and in
	 * its dead letters, read from the broker at each scrape (NaN while it is away).
	 */
	@Bean
	@ConditionalOnProperty(name = "loa.publishing.dispatch", havingValue = "amqp")
	MeterBinder dispatchQueueDepth(AmqpAdmin admin) {
		return (registry) -> {
			for (String queue : List.of(QUEUE, DEAD_LETTERS)) {
				Gauge.builder("loa.queue.depth", admin, (amqp) -> depth(amqp, queue))
					.description("Messages waiting in a RabbitMQ queue")
					.tag("queue", queue)
					.register(registry);
			}
		};
	}

	private static double depth(AmqpAdmin admin, String queue) {
		try {
			QueueInformation info = admin.getQueueInfo(queue);
			return (info != null) ? info.getMessageCount() : Double.NaN;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * Puts the publication id on every log line of a channel's handling of a dispatch.
	 */
	@Bean
	@GlobalChannelInterceptor(patterns = "*.input")
	ChannelInterceptor publicationLogContext() {
		ThreadLocal<java.util.Deque<String>> previous = ThreadLocal.withInitial(java.util.ArrayDeque::new);
		return new ChannelInterceptor() {

			@Override
			public Message<?> preSend(Message<?> message, MessageChannel channel) {
				if (message.getPayload() instanceof ChannelDispatch dispatch) {
					String before = MDC.get("publicationId");
					previous.get().push((before != null) ? before : "");
					MDC.put("publicationId", String.valueOf(dispatch.publicationId()));
				}
				return message;
			}

			@Override
			public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
				if (message.getPayload() instanceof ChannelDispatch && !previous.get().isEmpty()) {
					String before = previous.get().pop();
					if (before.isEmpty()) {
						MDC.remove("publicationId");
					}
					else {
						MDC.put("publicationId", before);
					}
				}
			}

		};
	}

}
