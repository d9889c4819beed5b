package vn.loa.channels.radio;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.loa.audience.Station;
import vn.loa.audience.Stations;
import vn.loa.channels.radio.RadioFeeds.Format;

/**
 * The stations' polling path, in front of every other filter. A station asks for its feed
 * every minute or so, and nearly every answer is a 304: for a {@code GET} or {@code HEAD}
 * of {@code /feeds/radio/{station}.rss|atom|json} with a token that authenticates, this
 * filter answers at once through the {@link RadioFeedResponder} without the user security
 * chain, request observation or MVC dispatch, none of which a station request uses
 * (stations authenticate with their own token, never with a session). Anything else,
 * including a wrong token, goes on down the chain to {@link RadioFeedController}, which
 * gives the same answers the slow way, 401 included.
 */
class RadioFeedFilter extends HttpFilter {

	static final String PREFIX = "/feeds/radio/";

	private final Stations stations;

	private final RadioFeedResponder responder;

	RadioFeedFilter(Stations stations, RadioFeedResponder responder) {
		this.stations = stations;
		this.responder = responder;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
				&& serve(request, response)) {
			return;
		}
		chain.doFilter(req, res);
	}

	private boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		String path = request.getRequestURI();
		String context = request.getContextPath();
		int start = context.length() + PREFIX.length();
		if (!path.startsWith(PREFIX, context.length())) {
			return false;
		}
		int dot = path.lastIndexOf('.');
		if (dot <= start || path.indexOf('/', start) >= 0 || path.indexOf(';', start) >= 0
				|| path.indexOf('%', start) >= 0) {
			// Scripts, encoded or parameterised paths: the controller's business.
			return false;
		}
		Format format = Format.ofExtension(path.substring(dot + 1));
		if (format == null) {
			return false;
		}
		Optional<Station> station = this.stations.authenticate(path.substring(start, dot),
				RadioFeedController.token(request));
		if (station.isEmpty()) {
			return false;
		}
		this.responder.respond(station.get(), format, request, response);
		return true;
	}

}
