package vn.loa.audience;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.audience.Stations.InvalidStationException;
import vn.loa.audience.Stations.IssuedToken;
import vn.loa.audience.Stations.NewStation;
import vn.loa.audience.Stations.UnknownStationException;

/** Admins' API for radio station accounts and their tokens. */
@RestController
@RequestMapping(path = "/api/v1/stations", produces = "application/json")
@PreAuthorize("hasRole('ADMIN')")
class StationController {

	private final Stations stations;

	StationController(Stations stations) {
		this.stations = stations;
	}

	@PostMapping(consumes = "application/json")
	ResponseEntity<Station> create(@RequestBody StationRequest request) {
		if (request == null) {
			throw new InvalidStationException("body", "A JSON body is required", false);
		}
		Station station = this.stations.create(new NewStation(request.code(), request.name(), level(request.level()),
				request.areaCode(), (request.wordsPerMinute() != null) ? request.wordsPerMinute() : 180));
		return ResponseEntity.created(URI.create("/api/v1/stations/" + station.code())).body(station);
	}

	@GetMapping
	List<Station> list() {
		return this.stations.list();
	}

	@GetMapping("/{code}")
	StationDetails get(@PathVariable String code) {
		Station station = this.stations.findByCode(code).orElseThrow(() -> new UnknownStationException(code));
		return new StationDetails(station, this.stations.tokens(code));
	}

	@PostMapping("/{code}/tokens")
	ResponseEntity<IssuedToken> issueToken(@PathVariable String code) {
		IssuedToken token = this.stations.issueToken(code);
		return ResponseEntity.created(URI.create("/api/v1/stations/" + code + "/tokens/" + token.id()))
			.header("Cache-Control", "no-store")
			.body(token);
	}

	@DeleteMapping("/{code}/tokens/{id}")
	ResponseEntity<Void> revokeToken(@PathVariable String code, @PathVariable long id) {
		if (!this.stations.revokeToken(code, id)) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidStationException ex) {
		HttpStatus status = ex.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(ex.conflict() ? "Station already exists" : "Invalid station");
		problem.setProperty("field", ex.field());
		// Also in the shape the rest of the API uses for invalid input.
		problem.setProperty("errors",
				java.util.List.of(java.util.Map.of("field", ex.field(), "message", ex.getMessage())));
		return ResponseEntity.status(status).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknown(UnknownStationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown station");
		problem.setProperty("field", "code");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return invalid(new InvalidStationException("body",
				"The body must be JSON {code, name, level, areaCode, wordsPerMinute}", false));
	}

	private static StationLevel level(String level) {
		if (level == null) {
			return null;
		}
		try {
			return StationLevel.valueOf(level.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	record StationRequest(String code, String name, String level, String areaCode, Integer wordsPerMinute) {
	}

	record StationDetails(Station station, List<StationToken> tokens) {
	}

}
