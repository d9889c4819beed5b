package vn.loa.channels.sms;

import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelException;
import vn.loa.channels.ChannelTestSend;

/** One test SMS through the same client as a broadcast. */
@Component
class SmsTestSend implements ChannelTestSend {

	private final TwilioSmsClient client;

	private final SmsProperties properties;

	SmsTestSend(TwilioSmsClient client, SmsProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	@Override
	public String channel() {
		return SmsChannel.ID;
	}

	@Override
	public boolean sandbox() {
		return this.properties.sandbox();
	}

	@Override
	public String sandboxPage(String number) {
		return "/sandbox/sms/" + number;
	}

	@Override
	public String send(String to, String text) {
		TwilioSmsClient.Result result = this.client.send(to, text);
		if (!result.accepted()) {
			throw new ChannelException(result.failure().status(), "twilio", result.failure().code(),
					result.failure().message(), null);
		}
		return result.sid();
	}

}
