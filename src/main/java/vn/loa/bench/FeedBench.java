package vn.loa.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code bench feed}: a station's RSS feed of 50 items served by Loa to {@code wrk}, once
 * all 200 and once all 304 (If-None-Match), and the same bytes as a static file from a
 * throw-away nginx with the same wrk settings; then a paced run at half the measured 200
 * rate for the p99 latency. The station and its items are made through Loa's own API
 * (demo users), so the feed is exactly what a station would get.
 */
@Component
class FeedBench implements Benchmark {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private final Environment environment;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	FeedBench(Environment environment) {
		this.environment = environment;
	}

	@Override
	public String name() {
		return "feed";
	}

	@Override
	public void run(Map<String, String> options, PrintStream out) throws Exception {
		BenchTools.require(name(), BenchTools.WRK, BenchTools.NGINX);
		int items = Integer.parseInt(options.getOrDefault("items", "50"));
		Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "60")));
		int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
		int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
		String password = options.getOrDefault("password", "loa-demo");
		// Set once the web server listens; the benchmark runs after start-up.
		String base = "http://127.0.0.1:" + this.environment.getRequiredProperty("local.server.port");

		String code = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		call(base, "POST", "/api/v1/stations", "admin", password,
				"{\"code\":\"" + code + "\",\"name\":\"Đài truyền thanh huyện (benchmark)\",\"level\":\"DISTRICT\","
						+ "\"areaCode\":\"56.568\",\"wordsPerMinute\":160}",
				201);
		String token = match(TOKEN,
				call(base, "POST", "/api/v1/stations/" + code + "/tokens", "admin", password, null, 201));
		out.printf("station %s created, publishing %d items%n", code, items);
		for (int i = 1; i <= items; i++) {
			String body = "{\"title\":\"Tin CCHC số " + i + "\",\"summary\":\"\",\"body\":\"UBND huyện thông báo: " + i
					+ "% hồ sơ.\",\"topic\":\"cchc\",\"audiences\":[],\"areas\":[\"568\"]}";
			long id = Long.parseLong(match(ID, call(base, "POST", "/api/v1/contents", "editor", password, body, 201)));
			call(base, "POST", "/api/v1/contents/" + id + "/submit", "editor", password, null, 200);
			call(base, "POST", "/api/v1/contents/" + id + "/approve", "approver", password, null, 200);
			call(base, "POST", "/api/v1/publications", "approver", password,
					"{\"contentId\":" + id + ",\"targets\":[{\"channel\":\"radio\",\"target\":\"" + code + "\"}]}",
					201);
		}
		String feedUrl = base + "/feeds/radio/" + code + ".rss";
		awaitFeed(feedUrl, token, items);
		// Fetched again once every item is in: the first complete answer may have been
		// rendered while the last entry was being written, under the previous stamp.
		HttpResponse<byte[]> feed = awaitFeed(feedUrl, token, items);
		byte[] body = feed.body();
		String etag = feed.headers().firstValue("ETag").orElseThrow();
		int gzipBytes = this.http
			.send(HttpRequest.newBuilder(URI.create(feedUrl))
				.header("Authorization", "Bearer " + token)
				.header("Accept-Encoding", "gzip")
				.build(), HttpResponse.BodyHandlers.ofByteArray())
			.body().length;
		out.printf("feed %s: %d items, %d bytes (%d gzipped), ETag %s%n", feedUrl, items, body.length, gzipBytes, etag);

		Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
		// Warm-up so the JIT has compiled the request path before it is measured.
		WrkRun.run(feedUrl, auth, 200, threads, connections, Duration.ofSeconds(10), 0);
		WrkRun.Result ok = WrkRun.run(feedUrl, auth, 200, threads, connections, duration, 0);
		out.printf("loa 200: %.0f req/s, p99 %.2f ms, errors %d%n", ok.requestsPerSecond(), ok.p99Millis(),
				ok.errors());
		WrkRun.Result notModified = WrkRun.run(feedUrl,
				Map.of("Authorization", "Bearer " + token, "If-None-Match", etag), 304, threads, connections, duration,
				0);
		out.printf("loa 304: %.0f req/s, p99 %.2f ms, errors %d%n", notModified.requestsPerSecond(),
				notModified.p99Millis(), notModified.errors());
		WrkRun.Result nginx;
		try (StaticNginx server = StaticNginx.serve("feed.rss", body, "application/rss+xml",
				Runtime.getRuntime().availableProcessors())) {
			// Same request bytes as Loa gets, header included.
			nginx = WrkRun.run(server.url("feed.rss"), auth, 200, threads, connections, duration, 0);
		}
		out.printf("nginx 200: %.0f req/s, p99 %.2f ms, errors %d%n", nginx.requestsPerSecond(), nginx.p99Millis(),
				nginx.errors());
		// p99 at half the measured maximum: wrk paces each connection with delay(), so a
		// connection sends one request per (delay + response time); a short probe
		// measures
		// what the chosen connections achieve and the count is scaled to reach the rate.
		double half = ok.requestsPerSecond() / 2;
		int delay = 5;
		int pacedConnections = Math.max(threads, (int) Math.ceil(half * delay / 1000));
		WrkRun.Result probe = WrkRun.run(feedUrl, auth, 200, threads, pacedConnections, Duration.ofSeconds(5), delay);
		pacedConnections = Math.max(threads,
				(int) Math.round(pacedConnections * half / Math.max(1, probe.requestsPerSecond())));
		WrkRun.Result paced = WrkRun.run(feedUrl, auth, 200, threads, pacedConnections,
				Duration.ofSeconds(Math.max(10, duration.toSeconds() / 2)), delay);
		out.printf(
				"loa 200 paced at half the maximum (%.0f req/s; %d connections, %d ms between requests): %.0f req/s,"
						+ " p99 %.2f ms, errors %d%n",
				half, pacedConnections, delay, paced.requestsPerSecond(), paced.p99Millis(), paced.errors());

		long errors = ok.errors() + notModified.errors() + nginx.errors() + probe.errors() + paced.errors();
		out.println(String.format(Locale.ROOT,
				"RESULT name=feed rps_200=%.0f rps_304=%.0f nginx_rps=%.0f ratio_200=%.3f ratio_304=%.3f p99_ms=%.2f"
						+ " errors=%d paced_rps=%.0f feed_bytes=%d feed_gzip_bytes=%d",
				ok.requestsPerSecond(), notModified.requestsPerSecond(), nginx.requestsPerSecond(),
				ok.requestsPerSecond() / nginx.requestsPerSecond(),
				notModified.requestsPerSecond() / nginx.requestsPerSecond(), paced.p99Millis(), errors,
				paced.requestsPerSecond(), body.length, gzipBytes));
	}

	private HttpResponse<byte[]> awaitFeed(String url, String token, int items) throws Exception {
		Instant deadline = Instant.now().plusSeconds(120);
		while (true) {
			HttpResponse<byte[]> response = this.http.send(
					HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			String text = new String(response.body(), StandardCharsets.UTF_8);
			int count = text.split("<item>", -1).length - 1;
			if (response.statusCode() == 200 && count >= items) {
				return response;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("The feed has " + count + " of " + items + " items after 120 s");
			}
			// Publications dispatch asynchronously; poll gently.
			java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
		}
	}

	private String call(String base, String method, String path, String user, String password, String json,
			int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = this.http.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != expected) {
			throw new IllegalStateException(
					method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + pattern + " in " + text);
		}
		return matcher.group(1);
	}

}
