package vn.loa.channels.facebook.sandbox;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.loa.channels.facebook.FacebookApp;

/** The simulator exists in sandbox mode only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "loa.channels.facebook", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class FacebookSandboxConfiguration {

	@Bean
	GraphSimulator graphSimulator(FacebookApp app, Clock clock) {
		return new GraphSimulator(app, clock);
	}

}
