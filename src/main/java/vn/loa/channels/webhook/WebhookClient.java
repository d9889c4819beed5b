package vn.loa.channels.webhook;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import vn.loa.channels.ChannelHttp;

/**
 * Posts one signed JSON body to one endpoint and classifies the answer. The body is sent
 * as the exact bytes that were signed.
 */
class WebhookClient {

	private static final int EXCERPT_LIMIT = 300;

	private final RestClient restClient;

	private final JsonMapper jsonMapper;

	WebhookClient(JsonMapper jsonMapper, Duration connectTimeout, Duration readTimeout) {
		this.restClient = ChannelHttp.restClient(connectTimeout, readTimeout);
		this.jsonMapper = jsonMapper;
	}

	/**
	 * @param event the {@code X-Loa-Event} header, e.g. {@value WebhookPayload#PUBLISHED}
	 * @param retrySafe whether the receiver drops repeated delivery ids, which makes a
	 * retry after a 5xx or a timeout harmless
	 * @throws WebhookUnavailableException when the delivery may be sent again
	 */
	WebhookResult deliver(String url, String secret, String event, String deliveryId, Instant sentAt, byte[] body,
			boolean retrySafe) {
		try {
			return this.restClient.post()
				.uri(URI.create(url))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(body, secret))
				.header(WebhookSignature.EVENT_HEADER, event)
				.header(WebhookSignature.DELIVERY_HEADER, deliveryId)
				.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(sentAt.getEpochSecond()))
				.body(body)
				.exchange((request, response) -> toResult(response.getStatusCode().value(),
						response.getHeaders().getFirst(HttpHeaders.LOCATION), response.getBody().readAllBytes(),
						retrySafe), true);
		}
		catch (ResourceAccessException ex) {
			if (ex.getCause() instanceof ConnectException || retrySafe) {
				throw new WebhookUnavailableException(0, "Webhook " + url + " unreachable: " + ex.getMessage(), ex);
			}
			return new WebhookResult.Failed(0, "No answer from " + url + ": " + ex.getMessage());
		}
	}

	private WebhookResult toResult(int status, String location, byte[] body, boolean retrySafe) {
		if (status >= 200 && status < 300) {
			JsonNode json = parse(body);
			String id = (json != null && json.hasNonNull("id")) ? json.get("id").asString() : null;
			String url = (json != null && json.hasNonNull("url")) ? json.get("url").asString()
					: (json != null && json.hasNonNull("link")) ? json.get("link").asString() : location;
			return new WebhookResult.Accepted(status, id, url);
		}
		String excerpt = excerpt(body);
		if (status >= 400 && status < 500 && status != 408 && status != 429) {
			return new WebhookResult.Rejected(status, excerpt);
		}
		// 408 and 429 mean the request was not processed; retrying them is always safe.
		if (retrySafe || status == 408 || status == 429) {
			throw new WebhookUnavailableException(status, "HTTP " + status + " " + excerpt, null);
		}
		return new WebhookResult.Failed(status, "HTTP " + status + " " + excerpt);
	}

	private JsonNode parse(byte[] body) {
		return ChannelHttp.jsonObject(this.jsonMapper, body);
	}

	static String excerpt(byte[] body) {
		return ChannelHttp.excerpt(body, EXCERPT_LIMIT);
	}

}
