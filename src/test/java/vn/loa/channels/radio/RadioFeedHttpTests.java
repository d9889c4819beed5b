package vn.loa.channels.radio;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.audience.Station;
import vn.loa.audience.StationLevel;
import vn.loa.audience.Stations;
import vn.loa.audience.Stations.IssuedToken;
import vn.loa.audience.Stations.NewStation;
import vn.loa.channels.WebChannelsTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Station feeds over a real HTTP connection to the embedded Tomcat, where the polls are
 * answered by {@link RadioFeedFilter} ahead of the filter chains: full answers, 304s,
 * HEAD, wrong tokens and a revocation, each as a station's receiver sees it.
 */
@WebChannelsTest
class RadioFeedHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	Stations stations;

	@Autowired
	RadioFeedStore store;

	@Autowired
	RadioFeeds feeds;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aStationPollsItsFeedOverHttp() throws Exception {
		String code = "dien-an-" + UUID.randomUUID().toString().substring(0, 8);
		Station station = this.stations
			.create(new NewStation(code, "Đài truyền thanh xã Diên An", StationLevel.COMMUNE, "56.568.22351", 150));
		IssuedToken token = this.stations.issueToken(code);
		this.transactions.executeWithoutResult(
				(status) -> this.store.addEntry(station.id(), null, 1, "ITEM", "Thông báo lịch tiếp công dân",
						"Ủy ban nhân dân xã Diên An thông báo lịch tiếp công dân tháng mười hai.", 4, "script.md@1",
						Instant.parse("2026-12-01T01:00:00Z")));
		this.feeds.forget(station.id());
		String feed = "/feeds/radio/" + code + ".rss";

		// HEAD: the headers a GET would have, no scripts, and so not a pull.
		HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri(feed))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + token.token()));
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(pulled(station)).isZero();

		HttpResponse<byte[]> full = get(feed, "Authorization", "Bearer " + token.token());
		assertThat(full.statusCode()).isEqualTo(200);
		assertThat(full.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/rss+xml").containsIgnoringCase("charset=UTF-8"));
		assertThat(full.headers().firstValueAsLong("Content-Length")).hasValue(full.body().length);
		assertThat(full.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
		assertThat(full.headers().firstValue("Set-Cookie")).isEmpty();
		String etag = full.headers().firstValue("ETag").orElseThrow();
		assertThat(head.headers().firstValue("ETag")).hasValue(etag);
		assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(full.body().length);
		assertThat(pulled(station)).isEqualTo(1);
		String lastModified = full.headers().firstValue("Last-Modified").orElseThrow();
		SyndFeed parsed = new SyndFeedInput()
			.build(new java.io.StringReader(new String(full.body(), StandardCharsets.UTF_8)));
		assertThat(parsed.getEntries()).singleElement()
			.satisfies((entry) -> assertThat(entry.getTitle()).isEqualTo("Thông báo lịch tiếp công dân"));

		HttpResponse<byte[]> same = get(feed, "Authorization", "Bearer " + token.token(), "If-None-Match", etag);
		assertThat(same.statusCode()).isEqualTo(304);
		assertThat(same.body()).isEmpty();
		assertThat(same.headers().firstValue("ETag")).hasValue(etag);
		HttpResponse<byte[]> unchangedSince = get(feed + "?token=" + token.token(), "If-Modified-Since", lastModified);
		assertThat(unchangedSince.statusCode()).isEqualTo(304);

		// gzip for receivers that take it: the same feed, fewer bytes, its own
		// ETag.
		HttpResponse<byte[]> gzipped = get(feed, "Authorization", "Bearer " + token.token(), "Accept-Encoding",
				"gzip, deflate");
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.headers().firstValue("Vary"))
			.hasValueSatisfying((vary) -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
		assertThat(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body())).readAllBytes())
			.isEqualTo(full.body());
		String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
		assertThat(gzipEtag).isNotEqualTo(etag);
		assertThat(get(feed, "Authorization", "Bearer " + token.token(), "Accept-Encoding", "gzip", "If-None-Match",
				gzipEtag)
			.statusCode()).isEqualTo(304);
		assertThat(get(feed, "Authorization", "Bearer " + token.token(), "Accept-Encoding", "gzip;q=0", "If-None-Match",
				etag)
			.statusCode()).isEqualTo(304);

		// Polls are counted for monitoring.
		String metrics = new String(get("/actuator/prometheus").body(), StandardCharsets.UTF_8);
		assertThat(metrics).containsPattern("loa_radio_feed_responses_total\\{[^}]*status=\"304\"[^}]*\\} [1-9]")
			.containsPattern("loa_radio_feed_responses_total\\{[^}]*status=\"200\"[^}]*\\} [1-9]");

		// A new entry moves the stamp: the old ETag now gets the whole feed again.
		this.transactions.executeWithoutResult((status) -> this.store.addEntry(station.id(), null, 2, "ITEM",
				"Lịch cắt điện", "Điện lực Diên Khánh thông báo lịch cắt điện.", 3, "script.md@1",
				Instant.parse("2026-12-01T02:00:00Z")));
		this.feeds.forget(station.id());
		HttpResponse<byte[]> changed = get(feed, "Authorization", "Bearer " + token.token(), "If-None-Match", etag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
		assertThat(new String(changed.body(), StandardCharsets.UTF_8)).contains("Lịch cắt điện");

		// Wrong token and unknown station: the same 401, from the controller.
		HttpResponse<byte[]> wrong = get(feed, "Authorization", "Bearer loa_st_wrong");
		HttpResponse<byte[]> unknown = get("/feeds/radio/khong-co-" + code + ".rss", "Authorization",
				"Bearer " + token.token());
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"loa-radio\"");
		assertThat(new String(unknown.body(), StandardCharsets.UTF_8).replace("khong-co-", ""))
			.isEqualTo(new String(wrong.body(), StandardCharsets.UTF_8));

		// Revoked: refused on the very next poll, 304 or not.
		this.stations.revokeToken(code, token.id());
		assertThat(get(feed, "Authorization", "Bearer " + token.token(), "If-None-Match", etag).statusCode())
			.isEqualTo(401);
	}

	private int pulled(Station station) {
		return this.jdbc.sql("select count(*) from radio_feed_entry where station_id = ? and pulled_at is not null")
			.param(station.id())
			.query(Integer.class)
			.single();
	}

	private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		return send((headers.length > 0) ? request.headers(headers) : request);
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
