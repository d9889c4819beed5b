package vn.loa.channels.webhook;

import java.net.ConnectException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends one payload or withdrawal notice to one configured endpoint with that endpoint's
 * retry policy. Each attempt is signed afresh (a delivery gets a new {@code sentAt}) but
 * keeps its delivery id, so a receiver that drops duplicates sees one delivery however
 * often Loa tries.
 */
@Component
class WebhookSender {

	private final WebhookEndpoints endpoints;

	private final WebhookClient client;

	private final JsonMapper jsonMapper;

	private final Map<String, RetryTemplate> retries = new ConcurrentHashMap<>();

	WebhookSender(WebhookProperties properties, WebhookEndpoints endpoints, JsonMapper jsonMapper) {
		this.endpoints = endpoints;
		this.jsonMapper = jsonMapper;
		this.client = new WebhookClient(jsonMapper, properties.connectTimeout(), properties.readTimeout());
	}

	/**
	 * What happened, and after how many attempts.
	 *
	 * @param mayHaveArrived a failure after which the endpoint may have got the request
	 * (a 5xx or a timeout after sending); sending it again is safe only to an endpoint
	 * that drops repeated delivery ids
	 */
	record Sent(WebhookResult result, int attempts, boolean mayHaveArrived) {

		Sent(WebhookResult result, int attempts) {
			this(result, attempts, false);
		}

	}

	/**
	 * Whether the endpoint drops repeated delivery ids, so that resending is harmless.
	 */
	boolean retrySafe(String endpointName) {
		return this.endpoints.endpoint(endpointName).map((e) -> e.retry().receiverDropsDuplicates()).orElse(false);
	}

	/**
	 * @param payload the payload; its {@code sentAt} is replaced on every attempt
	 */
	Sent send(String endpointName, WebhookPayload payload) {
		return post(endpointName, payload.event(), payload.deliveryId(),
				(sentAt) -> this.jsonMapper.writeValueAsBytes(new WebhookPayload(payload.version(), payload.event(),
						payload.deliveryId(), sentAt, payload.publication(), payload.content())));
	}

	/**
	 * Sends a withdrawal notice. Like a delivery, each attempt is signed afresh with its
	 * own {@code sentAt} and keeps the delivery id, so it is retried exactly when a
	 * delivery to the endpoint would be.
	 */
	Sent sendWithdrawn(String endpointName, String deliveryId, WebhookWithdrawalNotice notice) {
		return post(endpointName, WebhookPayload.WITHDRAWN, deliveryId,
				(sentAt) -> this.jsonMapper.writeValueAsBytes(notice.attempt(deliveryId, sentAt)));
	}

	/**
	 * Signs and posts what {@code bodyAt} makes of each attempt's time, with the
	 * endpoint's secret and retry policy.
	 */
	private Sent post(String endpointName, String event, String deliveryId, Function<Instant, byte[]> bodyAt) {
		Optional<WebhookProperties.Endpoint> endpoint = this.endpoints.endpoint(endpointName);
		if (endpoint.isEmpty()) {
			return new Sent(new WebhookResult.Rejected(0, "No webhook endpoint named " + endpointName), 0);
		}
		Optional<String> secret = this.endpoints.secret(endpoint.get());
		if (secret.isEmpty()) {
			return new Sent(
					new WebhookResult.Rejected(0, "Environment variable " + endpoint.get().secretEnv() + " is not set"),
					0);
		}
		String url = this.endpoints.url(endpoint.get());
		boolean retrySafe = endpoint.get().retry().receiverDropsDuplicates();
		int[] attempts = { 0 };
		try {
			WebhookResult result = retryFor(endpoint.get()).execute(() -> {
				attempts[0]++;
				Instant sentAt = Instant.now();
				byte[] body = bodyAt.apply(sentAt);
				return this.client.deliver(url, secret.get(), event, deliveryId, sentAt, body, retrySafe);
			});
			// A Failed answer comes back only where retrying is not known to be safe: the
			// request went out and got a 5xx or no answer.
			return new Sent(result, attempts[0], result instanceof WebhookResult.Failed);
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			int status = (last instanceof WebhookUnavailableException unavailable) ? unavailable.httpStatus() : 0;
			return new Sent(new WebhookResult.Failed(status, (last != null) ? last.getMessage() : ex.getMessage()),
					attempts[0], !notReceived(last));
		}
	}

	/** The connection was refused, or the endpoint said it did not take the request. */
	private static boolean notReceived(Throwable last) {
		if (!(last instanceof WebhookUnavailableException unavailable)) {
			return false;
		}
		if (unavailable.httpStatus() == 408 || unavailable.httpStatus() == 429) {
			return true;
		}
		return unavailable.httpStatus() == 0 && unavailable.getCause() != null
				&& unavailable.getCause().getCause() instanceof ConnectException;
	}

	private RetryTemplate retryFor(WebhookProperties.Endpoint endpoint) {
		return this.retries.computeIfAbsent(endpoint.name(),
				(name) -> new RetryTemplate(RetryPolicy.builder()
					.maxRetries(Math.max(0, endpoint.retry().maxAttempts() - 1))
					.delay(endpoint.retry().delay())
					.multiplier(2)
					.includes(WebhookUnavailableException.class)
					.build()));
	}

}
