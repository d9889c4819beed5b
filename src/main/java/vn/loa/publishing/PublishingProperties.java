package vn.loa.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param schedulerInterval how often due publications are looked for
 * @param staleDispatch how long a dispatch may run before another node takes it over
 * (after a crash)
 * @param dispatch {@code direct} (in-process) or {@code amqp} (the cluster shape:
 * dispatches travel over a durable RabbitMQ queue)
 */
@ConfigurationProperties("loa.publishing")
record PublishingProperties(@DefaultValue("5s") Duration schedulerInterval, @DefaultValue("10m") Duration staleDispatch,
		@DefaultValue("direct") String dispatch) {
}
