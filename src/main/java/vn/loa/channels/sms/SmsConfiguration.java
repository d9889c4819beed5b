package vn.loa.channels.sms;

import com.twilio.http.TwilioRestClient;
import vn.loa.channels.bulk.BulkPacer;
import vn.loa.channels.bulk.BulkPacers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the SMS channel: the real Twilio SDK client and the pacer (the simulator is in
 * {@code sandbox}).
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
	BulkPacer smsPacer(SmsProperties properties, BulkPacers pacers) {
		return pacers.create(properties.ratePerSecond());
	}

	@Bean
	QuietHours smsQuietHours(SmsProperties properties) {
		return properties.quietHours().toCalculator();
	}

}
