package vn.loa.channels;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client a channel calls its provider with: HTTP/1.1 only (the JDK client would
 * otherwise try an h2c upgrade on plain http), no redirects followed (a provider that
 * moves must be configured, not chased), and the channel's own timeouts. Retries are the
 * channel's decision, never the client's.
 */
public final class ChannelHttp {

	private ChannelHttp() {
	}

	public static RestClient restClient(Duration connectTimeout, Duration readTimeout) {
		HttpClient httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(readTimeout);
		return RestClient.builder().requestFactory(requestFactory).build();
	}

}
