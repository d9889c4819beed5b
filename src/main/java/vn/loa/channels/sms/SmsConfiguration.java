package vn.loa.channels.sms;

import com.twilio.http.TwilioRestClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the SMS channel: the real Twilio SDK client, the pacer and, in sandbox mode, the
 * simulator.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

	@Bean
	TwilioRestClient twilioRestClient(SmsProperties properties, SandboxPort sandboxPort) {
		return TwilioClientFactory.create(properties, sandboxPort::port);
	}

	@Bean
	TwilioSmsClient twilioSmsClient(TwilioRestClient twilioRestClient, SmsProperties properties) {
		return new TwilioSmsClient(twilioRestClient, properties);
	}

	@Bean
	SmsPacer smsPacer(SmsProperties properties) {
		return SmsPacer.system(properties.ratePerSecond());
	}

	@Bean
	QuietHours smsQuietHours(SmsProperties properties) {
		return properties.quietHours().toCalculator();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "loa.channels.sms", name = "mode", havingValue = "sandbox", matchIfMissing = true)
	static class Sandbox {

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

}
