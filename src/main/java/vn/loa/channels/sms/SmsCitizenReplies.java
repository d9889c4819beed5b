package vn.loa.channels.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelException;
import vn.loa.channels.CitizenReplies;

/**
 * An officer's answer to a citizen's SMS: one SMS to the number that wrote, through the
 * same Twilio client as broadcasts, sent once (a Twilio error after sending may hide an
 * accepted message).
 */
@Component
class SmsCitizenReplies implements CitizenReplies {

	private static final Logger log = LoggerFactory.getLogger(SmsCitizenReplies.class);

	private final TwilioSmsClient client;

	SmsCitizenReplies(TwilioSmsClient client) {
		this.client = client;
	}

	@Override
	public String channel() {
		return "sms";
	}

	@Override
	public String reply(String replyTo, String text) {
		TwilioSmsClient.Result result = this.client.send(replyTo, text);
		if (!result.accepted()) {
			TwilioStatusTable.Verdict failure = result.failure();
			log.warn("Twilio refused the reply SMS to a citizen: {} {}", failure.code(), failure.message());
			throw new ChannelException(failure.status(), SmsChannel.PROVIDER, failure.code(), failure.message(), null);
		}
		log.info("Reply SMS to a citizen sent as {} ({} part(s))", result.sid(), result.segments());
		return result.sid();
	}

}
