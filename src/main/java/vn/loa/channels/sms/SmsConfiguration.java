package vn.loa.channels.sms;

import javax.sql.DataSource;

import com.twilio.http.TwilioRestClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

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
		SmsBroadcastBenchmark smsBroadcastBenchmark(DataSource dataSource, JdbcTemplate jdbc, SmsBroadcasts broadcasts,
				SmsBroadcastWorker worker, TwilioSmsClient client, SimulatorInbox inbox, SimulatorFaults faults,
				SmsProperties properties) {
			return new SmsBroadcastBenchmark(
					new BroadcastBenchmark(dataSource, jdbc, broadcasts, worker, client, inbox, faults, properties));
		}

		@Bean
		SimulatorCallbacks simulatorCallbacks(SmsProperties properties, SandboxPort sandboxPort) {
			return new SimulatorCallbacks(properties.effectiveAuthToken(), sandboxPort::port);
		}

	}

}
