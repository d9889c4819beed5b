package vn.loa.channels.sms;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The SDK's HTTP client with its hidden re-send removed.
 * {@code HttpClient.reliableRequest} repeats a request up to three times on any 5xx,
 * POSTs included, so a message Twilio took before failing could reach the citizen twice.
 * Here every SDK call is exactly one HTTP request; Loa decides what to retry (see
 * {@link TwilioStatusTable}).
 */
class SingleAttemptHttpClient extends NetworkHttpClient {

	SingleAttemptHttpClient(HttpClientBuilder builder) {
		super(builder);
	}

	@Override
	public Response reliableRequest(Request request) {
		return makeRequest(request);
	}

	@Override
	public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
		return makeRequest(request);
	}

}
