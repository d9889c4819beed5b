package vn.loa.channels.radio;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.audience.Station;
import vn.loa.audience.Stations;
import vn.loa.channels.radio.RadioFeedStore.AiredTotal;
import vn.loa.channels.radio.RadioFeedStore.Airing;
import vn.loa.common.LoaClock;
import vn.loa.common.Problems;

/**
 * {@code GET /api/v1/radio/airings}: what the stations reported aired over a period (days
 * in Vietnam's time, both ends included; this month so far by default), each airing and
 * the air time per station, which is what a plan's radio quota counts. Any logged-in
 * officer may read it.
 */
@RestController
class AiringController {

	static final int MAX_AIRINGS = 5000;

	private final RadioFeeds feeds;

	private final Stations stations;

	private final java.time.Clock clock;

	AiringController(RadioFeeds feeds, Stations stations, java.time.Clock clock) {
		this.feeds = feeds;
		this.stations = stations;
		this.clock = clock;
	}

	@GetMapping(path = "/api/v1/radio/airings", produces = "application/json")
	AiringReport airings(@RequestParam(required = false) String station, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		LocalDate today = LocalDate.now(this.clock.withZone(LoaClock.ZONE));
		LocalDate first = date("from", from, today.withDayOfMonth(1));
		LocalDate last = date("to", to, today);
		if (last.isBefore(first)) {
			throw Problems.invalid("to", "must not be before from");
		}
		if (ChronoUnit.DAYS.between(first, last) > 366) {
			throw Problems.invalid("to", "a report covers at most 366 days");
		}
		Long stationId = null;
		if (station != null && !station.isBlank()) {
			Station found = this.stations.findByCode(station.strip().toLowerCase(java.util.Locale.ROOT))
				.orElseThrow(() -> Problems.invalid("station", "no station with code " + station));
			stationId = found.id();
		}
		java.time.Instant start = first.atStartOfDay(LoaClock.ZONE).toInstant();
		java.time.Instant end = last.plusDays(1).atStartOfDay(LoaClock.ZONE).toInstant();
		List<Airing> airings = this.feeds.airings(stationId, start, end, MAX_AIRINGS + 1);
		boolean truncated = airings.size() > MAX_AIRINGS;
		return new AiringReport((stationId != null) ? station.strip().toLowerCase(java.util.Locale.ROOT) : null, first,
				last, this.feeds.airedTotals(stationId, start, end),
				truncated ? airings.subList(0, MAX_AIRINGS) : airings, truncated);
	}

	private static LocalDate date(String field, String value, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw Problems.invalid(field, "must be a date, e.g. 2026-11-30");
		}
	}

	/**
	 * @param totals air time per station over the whole period
	 * @param airings each airing, oldest first (at most {@value #MAX_AIRINGS})
	 * @param truncated whether there were more airings than listed (the totals count all)
	 */
	record AiringReport(String station, LocalDate from, LocalDate to, List<AiredTotal> totals, List<Airing> airings,
			boolean truncated) {
	}

}
