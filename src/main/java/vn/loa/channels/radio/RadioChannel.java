package vn.loa.channels.radio;

import java.util.List;

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
		return ChannelDescriptor.builder(ID, "Đài phát thanh, truyền thanh")
			.enabled(properties.enabled())
			.template(properties.template())
			.defaultTargets(List.of(RadioTargets.CONTENT_AREAS))
			.rejectTarget((target) -> RadioTargets.reject(target, stations))
			.build();
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
