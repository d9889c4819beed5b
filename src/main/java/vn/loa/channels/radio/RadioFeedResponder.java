package vn.loa.channels.radio;

import java.io.IOException;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

import vn.loa.audience.Station;
import vn.loa.channels.radio.RadioFeedStore.FeedState;
import vn.loa.channels.radio.RadioFeeds.Format;
import vn.loa.channels.radio.RadioFeeds.Rendered;

/**
 * Answers an authenticated station's feed request: marks a GET as a pull, then a 304 from
 * the version stamp alone ({@link ServletWebRequest#checkNotModified(String, long)}) or a
 * 200 with the bytes rendered once for that stamp. Both the controller and the
 * {@link RadioFeedFilter fast path} answer through here, so a feed reads the same
 * whichever of them served it.
 */
@Component
class RadioFeedResponder {

	static final String CACHE_CONTROL = "private, no-cache";

	private final RadioFeeds feeds;

	private final Counter full;

	private final Counter notModified;

	RadioFeedResponder(RadioFeeds feeds, MeterRegistry meters) {
		this.feeds = feeds;
		this.full = Counter.builder("loa.radio.feed.responses")
			.description("Station feed answers")
			.tag("status", "200")
			.register(meters);
		this.notModified = Counter.builder("loa.radio.feed.responses")
			.description("Station feed answers")
			.tag("status", "304")
			.register(meters);
	}

	/**
	 * Whether an {@code Accept-Encoding} header takes gzip: named with a quality above
	 * zero, or not named and {@code *} taken.
	 */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null || acceptEncoding.isBlank()) {
			return false;
		}
		Boolean gzip = null;
		boolean any = false;
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.split(";");
			String name = parts[0].strip();
			boolean taken = true;
			for (int i = 1; i < parts.length; i++) {
				String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
				if (parameter.startsWith("q=")) {
					taken = !parameter.substring(2).strip().matches("0(\\.0{0,3})?");
				}
			}
			if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
				gzip = taken;
			}
			else if (name.equals("*")) {
				any = taken;
			}
		}
		return (gzip != null) ? gzip : any;
	}

	void respond(Station station, Format format, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		FeedState state = this.feeds.state(station);
		boolean head = "HEAD".equals(request.getMethod());
		// A GET is a pull whether or not the station had this version already
		// (a 304 means it has the scripts); a HEAD carries none and is not.
		// When the stamp says all was marked, not even a transaction is opened.
		if (!head && state.pulledVersion() < state.version()) {
			this.feeds.pulled(station, state);
		}
		// The gzipped feed is another representation, so it has an ETag of its own.
		boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		String etag = "\"" + station.id() + "-" + state.version() + "-" + format.extension + (gzip ? "-gz\"" : "\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (new ServletWebRequest(request, response).checkNotModified(etag, state.updatedAt().toEpochMilli())) {
			this.notModified.increment();
			return;
		}
		Rendered rendered = this.feeds.render(station, format, state);
		byte[] body = gzip ? rendered.gzipped() : rendered.body();
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(format.contentType);
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
		this.full.increment();
	}

}
