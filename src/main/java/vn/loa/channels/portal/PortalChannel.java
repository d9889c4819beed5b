package vn.loa.channels.portal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.DeliveryFailureAdvice;
import vn.loa.common.LoaProperties;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryLogFlow;
import vn.loa.deliverylog.DeliveryOutcome;

/**
 * Loa's own public portal: publishing an item there makes its article page and feed entry
 * visible. The delivery row's reference is the article's slug and its URL the public
 * page.
 */
@Configuration(proxyBeanMethods = false)
class PortalChannel {

	static final String ID = "portal";

	@Bean
	ChannelDescriptor portalDescriptor(PortalProperties properties) {
		return new ChannelDescriptor() {

			@Override
			public String id() {
				return ID;
			}

			@Override
			public String label() {
				return "Cổng thông tin Loa";
			}

			@Override
			public boolean enabled() {
				return properties.enabled();
			}

			@Override
			public String mode() {
				return "live";
			}

			@Override
			public String template() {
				return properties.template();
			}

			@Override
			public List<String> defaultTargets() {
				return List.of(ID);
			}

		};
	}

	@Bean
	IntegrationFlow portal(DeliveryLog deliveries, LoaProperties loa) {
		return flow -> flow
			.handle(ChannelDispatch.class, (dispatch, headers) -> publish(dispatch, deliveries, loa),
					e -> e.id("portalPublisher").advice(new DeliveryFailureAdvice(ID)))
			.channel(DeliveryLogFlow.OUTCOMES);
	}

	private static Object publish(ChannelDispatch dispatch, DeliveryLog deliveries, LoaProperties loa) {
		String template = dispatch.rendition().templateVersion();
		if (deliveries.claim(dispatch.publicationId(), ID, dispatch.target(), ID, template).isEmpty()) {
			return null;
		}
		String slug = dispatch.content().slug();
		return DeliveryOutcome.sent(dispatch.publicationId(), ID, dispatch.target(), ID, slug,
				loa.publicUrl("/portal/articles/" + slug), template);
	}

}
