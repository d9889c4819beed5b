package vn.loa.channels.sms.sandbox;

import vn.loa.channels.sms.SandboxPort;
import vn.loa.channels.sms.SmsProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Twilio simulator's parts, in sandbox mode only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "loa.channels.sms", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class SmsSandboxConfiguration {

	@Bean
	SimulatorInbox simulatorInbox(SmsProperties properties) {
		return new SimulatorInbox(properties.simulator().keepPerNumber(), properties.simulator().maxNumbers());
	}

	@Bean
	SimulatorFaults simulatorFaults(SmsProperties properties) {
		return new SimulatorFaults(properties.simulator());
	}

	@Bean
	SimulatorCallbacks simulatorCallbacks(SmsProperties properties, SandboxPort sandboxPort) {
		return new SimulatorCallbacks(properties.effectiveAuthToken(), sandboxPort::port);
	}

}
