package vn.loa.channels.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.DeliveryFailureAdvice;
import vn.loa.deliverylog.DeliveryLogFlow;

/**
 * Generic signed webhooks: each configured endpoint is a target and gets one delivery
 * row; the row's reference and URL are what the receiver answered, if anything.
 */
@Configuration(proxyBeanMethods = false)
class WebhookChannel {

	static final String ID = "webhook";

	@Bean
	ChannelDescriptor webhookDescriptor(WebhookProperties properties, WebhookEndpoints endpoints) {
		return ChannelDescriptor.builder(ID, "Webhook có chữ ký")
			.enabled(properties.enabled())
			.mode(properties.mode().name().toLowerCase(Locale.ROOT))
			.template(properties.template())
			.defaultTargets(properties.endpoints().stream().map(WebhookProperties.Endpoint::name).toList())
			.rejectTarget((target) -> endpoints.endpoint(target).isPresent() ? Optional.empty()
					: Optional.of("no webhook endpoint named " + target + " in channels/webhook.yml"))
			.health(() -> {
				List<String> problems = new java.util.ArrayList<>();
				for (WebhookProperties.Endpoint endpoint : properties.endpoints()) {
					if (endpoints.secret(endpoint).isEmpty()) {
						problems.add(endpoint.name() + ": " + endpoint.secretEnv() + " is not set");
					}
					if (properties.mode() == WebhookProperties.Mode.LIVE
							&& (endpoint.url() == null || endpoint.url().isBlank())) {
						problems.add(endpoint.name() + ": no url");
					}
				}
				return problems.isEmpty() ? ChannelDescriptor.ChannelHealth.healthy()
						: ChannelDescriptor.ChannelHealth.unhealthy(String.join("; ", problems));
			})
			.build();
	}

	@Bean
	IntegrationFlow webhook(WebhookHandler handler) {
		return (flow) -> flow
			.handle(ChannelDispatch.class, (dispatch, headers) -> handler.deliver(dispatch),
					(endpoint) -> endpoint.id("webhookDelivery").advice(new DeliveryFailureAdvice(ID)))
			.channel(DeliveryLogFlow.OUTCOMES);
	}

}
