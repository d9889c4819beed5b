package vn.loa.channels;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client a channel calls its provider with: HTTP/1.1 only (the JDK client would
 * otherwise try an h2c upgrade on plain http), no redirects followed (a provider that
 * moves must be configured, not chased), and the channel's own timeouts. Retries are the
 * channel's decision, never the client's. Answers are read the same way by every channel:
 * a JSON object or nothing, and an excerpt of anything else for the delivery log.
 */
public final class ChannelHttp {

	private ChannelHttp() {
	}

	/**
	 * The threads every channel client's exchanges run on: the JDK client's asynchronous
	 * steps and the writing of request bodies, which Spring's JDK request factory would
	 * otherwise hand to a new thread for every request that has a body (a broadcast's
	 * every message). Cached, so a thread is reused once free and one that waits to write
	 * a body never holds up another exchange; shared, so ten channel clients do not keep
	 * ten pools.
	 */
	private static final ExecutorService EXCHANGES = Executors.newCachedThreadPool(new ThreadFactory() {

		private final AtomicInteger threads = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "channel-http-" + this.threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	});

	public static RestClient restClient(Duration connectTimeout, Duration readTimeout) {
		HttpClient httpClient = HttpClient.newBuilder()
			.executor(EXCHANGES)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient, EXCHANGES);
		requestFactory.setReadTimeout(readTimeout);
		return RestClient.builder().requestFactory(requestFactory).build();
	}

	/**
	 * The answer's body as a JSON object, or null when it is empty or something else (an
	 * HTML error page, a bare value).
	 */
	public static JsonNode jsonObject(JsonMapper jsonMapper, byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		try {
			JsonNode node = jsonMapper.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The start of an answer's body, for the delivery log. */
	public static String excerpt(byte[] body, int limit) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		return (text.length() <= limit) ? text : text.substring(0, limit) + "…";
	}

	/**
	 * Loa's own address for a path on it, as a channel in sandbox mode calls its
	 * simulator over real HTTP. The port is only known once the web server runs, so it is
	 * read per call.
	 */
	public static String loopback(Environment environment, String path) {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String contextPath = environment.getProperty("server.servlet.context-path", "");
		return "http://127.0.0.1:" + port + contextPath + path;
	}

}
