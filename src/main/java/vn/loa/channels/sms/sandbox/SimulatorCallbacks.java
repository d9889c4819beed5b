package vn.loa.channels.sms.sandbox;

import vn.loa.channels.sms.TwilioSignature;
import vn.loa.deliverylog.DeliveryStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the status callbacks Twilio would post, signed with the account's auth token over
 * the callback URL exactly as given. Twilio reaches that public URL; here the connection
 * goes to this Loa on 127.0.0.1, the signature still covers the public URL, as behind a
 * reverse proxy.
 */
public final class SimulatorCallbacks implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SimulatorCallbacks.class);

	private final String authToken;

	private final IntSupplier localPort;

	private final HttpClient http;

	private final DelayedCallbacks scheduler = new DelayedCallbacks("twilio-simulator-callbacks",
			DelayedCallbacks.LIMIT);

	private final AtomicLong posted = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	public SimulatorCallbacks(String authToken, IntSupplier localPort) {
		this.authToken = authToken;
		this.localPort = localPort;
		// The client keeps its own executor: sharing the scheduler's threads, which block
		// in
		// send(), would leave none to complete the exchanges.
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * Posts each status in order, the first after {@code delay} (dropped when
	 * {@link DelayedCallbacks#LIMIT} callbacks wait already).
	 */
	public void schedule(String callbackUrl, Duration delay, Map<String, String> common, String... statusAndCodes) {
		schedule(callbackUrl, delay, common, (status) -> {
		}, statusAndCodes);
	}

	/**
	 * Posts each status in order, the first after {@code delay}, telling {@code reached}
	 * each status as it is posted.
	 */
	public void schedule(String callbackUrl, Duration delay, Map<String, String> common, Consumer<String> reached,
			String... statusAndCodes) {
		this.scheduler.schedule(() -> {
			for (int i = 0; i + 1 < statusAndCodes.length; i += 2) {
				Map<String, String> params = new LinkedHashMap<>(common);
				params.put("MessageStatus", statusAndCodes[i]);
				params.put("DeliveryStatus", statusAndCodes[i]);
				if (statusAndCodes[i + 1] != null) {
					params.put("ErrorCode", statusAndCodes[i + 1]);
				}
				post(callbackUrl, params);
				reached.accept(statusAndCodes[i]);
			}
		}, delay);
	}

	/** Posts one signed form to {@code url}; answers the response body or null. */
	public String post(String url, Map<String, String> params) {
		URI publicUri = URI.create(url);
		String path = publicUri.getRawPath() + ((publicUri.getRawQuery() != null) ? "?" + publicUri.getRawQuery() : "");
		String form = params.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.localPort.getAsInt() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
			.header("X-Twilio-Signature", TwilioSignature.sign(this.authToken, url, params))
			.header("User-Agent", "TwilioProxy/1.1")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				this.failed.incrementAndGet();
				log.warn("Simulated Twilio callback to {} answered {}", url, response.statusCode());
			}
			else {
				this.posted.incrementAndGet();
			}
			return response.body();
		}
		catch (Exception ex) {
			this.failed.incrementAndGet();
			log.warn("Simulated Twilio callback to {} failed: {}", url, ex.toString());
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return null;
		}
	}

	public long posted() {
		return this.posted.get();
	}

	public long failed() {
		return this.failed.get();
	}

	@Override
	public void close() {
		this.scheduler.close();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
