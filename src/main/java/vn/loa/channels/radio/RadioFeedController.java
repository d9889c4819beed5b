package vn.loa.channels.radio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.audience.Station;
import vn.loa.audience.Stations;
import vn.loa.channels.radio.RadioFeeds.Format;

/**
 * What stations call with their token: the feeds, each script as plain text, and the
 * aired report. A wrong token and an unknown station get the same 401, so the answer does
 * not tell anyone which station codes exist.
 */
@RestController
class RadioFeedController {

	private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final Stations stations;

	private final RadioFeeds feeds;

	private final RadioFeedResponder responder;

	RadioFeedController(Stations stations, RadioFeeds feeds, RadioFeedResponder responder) {
		this.stations = stations;
		this.feeds = feeds;
		this.responder = responder;
	}

	/**
	 * A feed, when {@link RadioFeedFilter} did not answer it already (it passes on wrong
	 * tokens, which end here as a 401).
	 */
	@GetMapping("/feeds/radio/{station}.{format:rss|atom|json}")
	void feed(@PathVariable String station, @PathVariable String format, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		this.responder.respond(authenticate(station, request), Format.ofExtension(format), request, response);
	}

	@GetMapping("/feeds/radio/{station}/scripts/{entryId}.txt")
	ResponseEntity<?> script(@PathVariable String station, @PathVariable long entryId, HttpServletRequest request) {
		Station account = authenticate(station, request);
		Optional<FeedEntry> entry = this.feeds.script(account, entryId);
		if (entry.isEmpty()) {
			if (this.feeds.withdrawn(account, entryId)) {
				return problem(HttpStatus.GONE, "Withdrawn",
						"Bản tin đã bị thu hồi, không phát (this item was withdrawn; do not air it)", "entryId");
			}
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.cacheControl(REVALIDATE)
			.contentType(TEXT)
			.body(entry.get().title() + "\n\n" + entry.get().script() + "\n");
	}

	@PostMapping(path = "/api/v1/stations/{station}/aired", consumes = "application/json",
			produces = "application/json")
	ResponseEntity<?> aired(@PathVariable String station, @RequestBody(required = false) AiredReport report,
			HttpServletRequest request) {
		Station account = authenticate(station, request);
		if (report == null || (report.contentId() == null && report.deliveryId() == null)) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid aired report", "contentId or deliveryId is required",
					"contentId");
		}
		if (report.airedAt() == null) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid aired report", "airedAt is required (ISO 8601)", "airedAt");
		}
		Instant airedAt = report.airedAt().toInstant();
		if (airedAt.isAfter(Instant.now().plus(Duration.ofHours(1)))) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid aired report", "airedAt is in the future", "airedAt");
		}
		if (report.durationSeconds() != null && (report.durationSeconds() < 1 || report.durationSeconds() > 86_400)) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid aired report",
					"durationSeconds must be between 1 and 86400", "durationSeconds");
		}
		Optional<RadioFeeds.Aired> aired = this.feeds.aired(account, report.contentId(), report.deliveryId(), airedAt,
				report.durationSeconds());
		if (aired.isEmpty()) {
			return problem(HttpStatus.CONFLICT, "Not sent to this station",
					"That item was not sent to station " + account.code(),
					(report.deliveryId() != null) ? "deliveryId" : "contentId");
		}
		return ResponseEntity.ok(new AiredReceipt(account.code(), aired.get().contentId(), aired.get().deliveryId(),
				airedAt, report.durationSeconds(), "AIRED", !aired.get().added()));
	}

	private Station authenticate(String station, HttpServletRequest request) {
		String token = token(request);
		return this.stations.authenticate(station, token).orElseThrow(StationUnauthorized::new);
	}

	/**
	 * Bearer header first; the query parameter is for receivers that cannot set headers.
	 */
	static String token(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).strip();
		}
		return request.getParameter("token");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unauthorized(StationUnauthorized ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"Unknown station or invalid token");
		problem.setTitle("Unauthorized");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"loa-radio\"")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid aired report",
				"The body must be JSON {contentId | deliveryId, airedAt, durationSeconds?}", "body");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setProperty("field", field);
		// Also in the shape the rest of the API uses for invalid input.
		problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "message", detail)));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	record AiredReport(Long contentId, Long deliveryId, OffsetDateTime airedAt, Integer durationSeconds) {
	}

	/**
	 * @param repeated true when this airing (same item, same time) was reported before;
	 * it is counted once
	 */
	record AiredReceipt(String station, Long contentId, Long deliveryId, Instant airedAt, Integer durationSeconds,
			String status, boolean repeated) {
	}

	static final class StationUnauthorized extends RuntimeException {

		StationUnauthorized() {
			super("Unknown station or invalid token", null, false, false);
		}

	}

}
