package vn.loa.channels.zalo.zns.sandbox;

import vn.loa.channels.zalo.zns.ZnsProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ZNS simulator's inbox, in sandbox mode only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "loa.channels.zalo-zns", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class ZnsSandboxConfiguration {

	@Bean
	ZnsInbox znsInbox(ZnsProperties properties) {
		return new ZnsInbox(properties.simulator().keepPerNumber(), properties.simulator().maxNumbers());
	}

}
