package vn.loa.channels.sms;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import com.twilio.http.TwilioRestClient;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the real Twilio SDK client. In sandbox mode a route planner sends every request
 * to the simulator on 127.0.0.1 over plain HTTP: the SDK only knows
 * {@code https://api.twilio.com}, and Twilio has no base-URL setting. The request keeps
 * its URI and {@code Host: api.twilio.com}; only the connection goes elsewhere.
 */
final class TwilioClientFactory {

	private TwilioClientFactory() {
	}

	static TwilioRestClient create(SmsProperties properties, IntSupplier sandboxPort) {
		HttpClientBuilder http = httpClient(properties.http());
		if (properties.sandbox()) {
			http.setRoutePlanner(toLocalPort(sandboxPort));
		}
		return new TwilioRestClient.Builder(properties.accountSid(), properties.effectiveAuthToken())
			.httpClient(new SingleAttemptHttpClient(http))
			.build();
	}

	/**
	 * An Apache HttpClient 5 without automatic retries (it would re-send a POST once on
	 * 429/503) and with timeouts set here, because the SDK constructor that takes a
	 * builder skips its own defaults.
	 */
	static HttpClientBuilder httpClient(SmsProperties.HttpSettings settings) {
		Timeout connect = Timeout.of(settings.connectTimeout());
		Timeout read = Timeout.of(settings.readTimeout());
		HttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnTotal(settings.maxConnections())
			.setMaxConnPerRoute(settings.maxConnections())
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(connect)
				.setSocketTimeout(read)
				.setTimeToLive(5, TimeUnit.MINUTES)
				.build())
			.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).setTcpNoDelay(true).build())
			.build();
		return HttpClients.custom()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.setConnectionManager(connections);
	}

	/** Plain HTTP to 127.0.0.1, whatever scheme and host the request names. */
	static HttpRoutePlanner toLocalPort(IntSupplier port) {
		return (target, context) -> new HttpRoute(new HttpHost("http", "127.0.0.1", port.getAsInt()));
	}

}
