package vn.loa.publishing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.annotation.IntegrationComponentScan;
import org.springframework.integration.dsl.IntegrationFlow;

import vn.loa.channels.ChannelDispatch;

/**
 * Splits a fired publication into one dispatch per target and routes each to its
 * channel's flow, {@code <channel>.input}.
 */
@Configuration(proxyBeanMethods = false)
@IntegrationComponentScan
class DispatchConfiguration {

	@Bean
	IntegrationFlow dispatchFlow() {
		return flow -> flow.splitWith(s -> s.id("dispatchSplitter"))
			.route(ChannelDispatch.class, dispatch -> dispatch.channel() + ".input",
					r -> r.id("channelRouter").resolutionRequired(true));
	}

}
