package vn.loa.channels.sms;

import java.net.URI;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

/**
 * The one narrow client the SMS channel sends through: one SDK call, one HTTP request,
 * one answer mapped by {@link TwilioStatusTable}. Retrying is the caller's decision.
 */
class TwilioSmsClient {

	private final TwilioRestClient client;

	private final String messagingServiceSid;

	private final String from;

	private final URI statusCallback;

	TwilioSmsClient(TwilioRestClient client, SmsProperties properties) {
		this.client = client;
		this.messagingServiceSid = blankToNull(properties.messagingServiceSid());
		this.from = properties.from();
		this.statusCallback = properties.statusCallbackUrl();
	}

	/** The sender the pacer counts against: the messaging service, else the number. */
	String sender() {
		return (this.messagingServiceSid != null) ? this.messagingServiceSid : this.from;
	}

	Result send(String to, String body) {
		MessageCreator creator = (this.messagingServiceSid != null)
				? Message.creator(new PhoneNumber(to), this.messagingServiceSid, body)
				: Message.creator(new PhoneNumber(to), new PhoneNumber(this.from), body);
		try {
			Message message = creator.setStatusCallback(this.statusCallback).create(this.client);
			return new Result(message.getSid(), parseSegments(message.getNumSegments()), null);
		}
		catch (ApiException ex) {
			return new Result(null, 0, TwilioStatusTable.classify(ex));
		}
	}

	private static int parseSegments(String segments) {
		try {
			return (segments != null) ? Integer.parseInt(segments) : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * Either Twilio took the message ({@code sid} set) or it did not ({@code failure}
	 * says why and whether it may be sent later).
	 */
	record Result(String sid, int segments, TwilioStatusTable.Verdict failure) {

		boolean accepted() {
			return this.failure == null;
		}

	}

}
