package vn.loa.channels.radio;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;

import vn.loa.audience.Stations;
import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.DeliveryFailureAdvice;
import vn.loa.deliverylog.DeliveryLogFlow;

/**
 * Radio: a publication's script goes into the feed of every station it targets (one
 * delivery row per station, SENT when it is in the feed); the stations pull it (PULLED)
 * and report it aired (AIRED).
 */
@Configuration(proxyBeanMethods = false)
class RadioChannel {

	static final String ID = "radio";

	static final String PROVIDER = "loa-radio";

	@Bean
	ChannelDescriptor radioDescriptor(RadioChannelProperties properties, Stations stations) {
		return new ChannelDescriptor() {

			@Override
			public String id() {
				return ID;
			}

			@Override
			public String label() {
				return "Đài phát thanh, truyền thanh";
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
				return List.of(RadioTargets.CONTENT_AREAS);
			}

			@Override
			public Optional<String> rejectTarget(String target) {
				return RadioTargets.reject(target, stations);
			}

		};
	}

	@Bean
	IntegrationFlow radio(RadioPublisher publisher) {
		return flow -> flow
			.handle(ChannelDispatch.class, (dispatch, headers) -> publisher.publish(dispatch),
					e -> e.id("radioFeedWriter").advice(new DeliveryFailureAdvice(PROVIDER)))
			.splitWith((s) -> s.id("radioOutcomeSplitter"))
			.channel(DeliveryLogFlow.OUTCOMES);
	}

}
