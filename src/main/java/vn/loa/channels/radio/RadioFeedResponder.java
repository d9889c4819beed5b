package vn.loa.channels.radio;

import java.io.IOException;

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

	void respond(Station station, Format format, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		FeedState state = this.feeds.state(station);
		boolean head = "HEAD".equals(request.getMethod());
		// A GET is a pull whether or not the station already had this version (a 304
		// means
		// it has the scripts); a HEAD carries no scripts and is not. When the stamp says
		// everything was marked already, not even a transaction is opened.
		if (!head && state.pulledVersion() < state.version()) {
			this.feeds.pulled(station, state);
		}
		String etag = "\"" + station.id() + "-" + state.version() + "-" + format.extension + "\"";
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (new ServletWebRequest(request, response).checkNotModified(etag, state.updatedAt().toEpochMilli())) {
			this.notModified.increment();
			return;
		}
		byte[] body = this.feeds.render(station, format, state);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(format.contentType);
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
		this.full.increment();
	}

}
