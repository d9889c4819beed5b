package vn.loa.channels.sms;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import vn.loa.channels.bulk.BulkRetry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS channel's settings, bound from {@code channels/sms.yml}. Credentials are never
 * written in the descriptor: it names the environment variables that hold them.
 *
 * @param enabled whether the channel takes publications at all
 * @param mode {@code sandbox} points the real Twilio SDK at Loa's own simulator,
 * {@code live} at api.twilio.com
 * @param template the channel template under {@code templates/}
 * @param accountSid the Twilio account (AC…)
 * @param authToken the Twilio auth token; signs callbacks too
 * @param messagingServiceSid sender pool (MG…); preferred over {@code from} when set
 * @param from a sender number or alphanumeric id used when no messaging service is set
 * @param publicBaseUrl the URL Twilio reaches Loa at; callback URLs and signature checks
 * are built from it
 * @param ratePerSecond message segments per second per sender (Twilio allows 10 for
 * Vietnamese numbers)
 * @param quietHours when broadcasts wait
 * @param maxParts the longest rendition accepted, in parts
 * @param pricePerPart cost of one part, for estimates
 * @param currency currency of {@code pricePerPart}
 * @param retry how Loa retries what may be retried (429 only)
 * @param http timeouts and pool of the HTTP client inside the SDK
 * @param broadcast how broadcast jobs stream their recipients
 * @param simulator the sandbox Twilio simulator
 */
@ConfigurationProperties("loa.channels.sms")
public record SmsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("sandbox") Mode mode,
		@DefaultValue("announcement.txt") String template,
		@DefaultValue("AC00000000000000000000000000000000") String accountSid, String authToken,
		String messagingServiceSid, @DefaultValue("LOA") String from,
		@DefaultValue("http://localhost:8080") URI publicBaseUrl, @DefaultValue("10") double ratePerSecond,
		@DefaultValue QuietHoursSettings quietHours, @DefaultValue("5") int maxParts,
		@DefaultValue("0.0505") BigDecimal pricePerPart, @DefaultValue("USD") String currency,
		@DefaultValue RetrySettings retry, @DefaultValue HttpSettings http, @DefaultValue BroadcastSettings broadcast,
		@DefaultValue SimulatorSettings simulator) {

	/**
	 * Token the sandbox signs and checks with when no token is configured: the simulator
	 * is inside Loa, so it is not a secret, and live mode refuses to use it.
	 */
	static final String SANDBOX_AUTH_TOKEN = "loa-sandbox-auth-token";

	public enum Mode {

		LIVE, SANDBOX

	}

	public boolean sandbox() {
		return this.mode == Mode.SANDBOX;
	}

	/** The token requests and callback signatures use. */
	public String effectiveAuthToken() {
		if (this.authToken != null && !this.authToken.isBlank()) {
			return this.authToken;
		}
		if (sandbox()) {
			return SANDBOX_AUTH_TOKEN;
		}
		throw new IllegalStateException("loa.channels.sms.auth-token is empty: set TWILIO_AUTH_TOKEN for live mode");
	}

	public URI statusCallbackUrl() {
		return this.publicBaseUrl.resolve("/webhooks/twilio/status");
	}

	public URI inboundUrl() {
		return this.publicBaseUrl.resolve("/webhooks/twilio/inbound");
	}

	/**
	 * Quiet hours: broadcasts started inside the window wait for its end unless an
	 * approver marked the publication urgent.
	 */
	public record QuietHoursSettings(@DefaultValue("true") boolean enabled, @DefaultValue("21:00") LocalTime start,
			@DefaultValue("07:00") LocalTime end, @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone) {

		public QuietHours toCalculator() {
			return this.enabled ? new QuietHours(this.start, this.end, this.zone) : QuietHours.none(this.zone);
		}

	}

	/** Backoff for answers that say "try later" (429/20429); nothing else is retried. */
	public record RetrySettings(@DefaultValue("5") int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
			@DefaultValue("2.0") double multiplier, @DefaultValue("5m") Duration maxBackoff) implements BulkRetry {

		/** Delay before attempt {@code attempt + 1}, {@code attempt} counting from 1. */
		@Override
		public Duration backoff(int attempt) {
			double factor = Math.pow(this.multiplier, Math.max(0, attempt - 1));
			long millis = (long) Math.min(this.maxBackoff.toMillis(), this.initialBackoff.toMillis() * factor);
			return Duration.ofMillis(millis);
		}

	}

	public record HttpSettings(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout,
			@DefaultValue("64") int maxConnections) {

	}

	/**
	 * @param batchSize recipients read, written and sent per batch
	 * @param senders parallel HTTP senders inside a batch (the pacer still limits the
	 * rate)
	 * @param pollInterval how often the worker looks for runnable jobs
	 * @param paced false only for the benchmark, which measures the unpaced pipeline
	 * @param lease how long a node holds a job without renewing it (renewed every batch);
	 * when a node dies, another resumes the job after this
	 */
	public record BroadcastSettings(@DefaultValue("500") int batchSize, @DefaultValue("32") int senders,
			@DefaultValue("1s") Duration pollInterval, @DefaultValue("true") boolean paced,
			@DefaultValue("1m") Duration lease) {

	}

	/**
	 * @param port where the SDK's requests go in sandbox mode; 0 means this Loa's own web
	 * server port
	 * @param latency added before each answer
	 * @param share429 share of requests answered 429 / 20429
	 * @param share5xx share of requests answered 500
	 * @param share21211 share of requests answered 400 / 21211 (invalid To)
	 * @param invalidNumbers numbers always answered 21211
	 * @param undeliverableNumbers numbers whose callback says undelivered (30003)
	 * @param callbacks whether status callbacks are posted at all
	 * @param callbackDelay how long after the answer the callbacks go out
	 * @param keepPerNumber how many received messages are kept per phone number
	 * @param maxNumbers how many phone numbers are remembered
	 */
	public record SimulatorSettings(@DefaultValue("0") int port, @DefaultValue("0ms") Duration latency,
			@DefaultValue("0") double share429, @DefaultValue("0") double share5xx,
			@DefaultValue("0") double share21211, @DefaultValue List<String> invalidNumbers,
			@DefaultValue List<String> undeliverableNumbers, @DefaultValue("true") boolean callbacks,
			@DefaultValue("200ms") Duration callbackDelay, @DefaultValue("20") int keepPerNumber,
			@DefaultValue("10000") int maxNumbers) {

	}

}
