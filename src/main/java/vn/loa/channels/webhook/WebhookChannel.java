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
		return new ChannelDescriptor() {

			@Override
			public String id() {
				return ID;
			}

			@Override
			public String label() {
				return "Webhook có chữ ký";
			}

			@Override
			public boolean enabled() {
				return properties.enabled();
			}

			@Override
			public String mode() {
				return properties.mode().name().toLowerCase(Locale.ROOT);
			}

			@Override
			public String template() {
				return properties.template();
			}

			@Override
			public List<String> defaultTargets() {
				return properties.endpoints().stream().map(WebhookProperties.Endpoint::name).toList();
			}

			@Override
			public Optional<String> rejectTarget(String target) {
				return endpoints.endpoint(target).isPresent() ? Optional.empty()
						: Optional.of("no webhook endpoint named " + target + " in channels/webhook.yml");
			}

			@Override
			public ChannelHealth health() {
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
				return problems.isEmpty() ? ChannelHealth.healthy()
						: ChannelHealth.unhealthy(String.join("; ", problems));
			}

		};
	}

	@Bean
	IntegrationFlow webhook(WebhookHandler handler) {
		return (flow) -> flow
			.handle(ChannelDispatch.class, (dispatch, headers) -> handler.deliver(dispatch),
					(endpoint) -> endpoint.id("webhookDelivery").advice(new DeliveryFailureAdvice(ID)))
			.channel(DeliveryLogFlow.OUTCOMES);
	}

}
