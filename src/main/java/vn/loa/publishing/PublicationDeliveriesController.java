package vn.loa.publishing;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.deliverylog.Delivery;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryQuery;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.units.MemberKind;
import vn.loa.units.UnitScope;
import vn.loa.units.Units;

/**
 * The delivery log over the API, narrowed to the publications the caller may see: a
 * publication of a unit outside the officer's scope is not found here either, and the log
 * across publications leaves out the rows of such publications.
 */
@RestController
class PublicationDeliveriesController {

	/** How many pages of the log one request reads at most to fill a narrowed page. */
	private static final int MAX_PAGES = 20;

	private final DeliveryLog log;

	private final PublicationService publications;

	private final Units units;

	PublicationDeliveriesController(DeliveryLog log, PublicationService publications, Units units) {
		this.log = log;
		this.publications = publications;
		this.units = units;
	}

	@GetMapping("/api/v1/publications/{id}/deliveries")
	List<Delivery> deliveries(@PathVariable long id, @RequestParam(required = false) String channel,
			@RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) String target,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit,
			Authentication user) {
		this.publications.get(id, scope(user));
		return this.log.query(new DeliveryQuery(id, channel, status, target, after, limit));
	}

	@GetMapping(path = "/api/v1/publications/{id}/deliveries.csv")
	void deliveriesCsv(@PathVariable long id, @RequestParam(required = false) String channel,
			@RequestParam(required = false) DeliveryStatus status, Authentication user, HttpServletResponse response)
			throws IOException {
		this.publications.get(id, scope(user));
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"loa-deliveries-" + id + ".csv\"");
		OutputStreamWriter writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.log.exportCsv(new DeliveryQuery(id, channel, status, null, 0, 5000), writer);
		writer.flush();
	}

	@GetMapping("/api/v1/publications/{id}/progress")
	Map<String, Map<DeliveryStatus, Long>> progress(@PathVariable long id, Authentication user) {
		this.publications.get(id, scope(user));
		return this.log.progress(id);
	}

	@GetMapping("/api/v1/deliveries")
	List<Delivery> all(@RequestParam(required = false) Long publication, @RequestParam(required = false) String channel,
			@RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) String target,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit,
			Authentication user) {
		UnitScope scope = scope(user);
		if (publication != null) {
			this.publications.get(publication, scope);
		}
		DeliveryQuery query = new DeliveryQuery(publication, channel, status, target, after, limit);
		if (scope.all() || publication != null) {
			return this.log.query(query);
		}
		return inScope(query, scope);
	}

	/**
	 * Reads the log page by page, keeping the rows of publications in scope, until the
	 * page is full, the log ends or {@link #MAX_PAGES} pages were read (the caller goes
	 * on with {@code after} = the last row's id).
	 */
	private List<Delivery> inScope(DeliveryQuery query, UnitScope scope) {
		List<Delivery> kept = new ArrayList<>();
		long after = query.afterId();
		for (int page = 0; page < MAX_PAGES && kept.size() < query.limit(); page++) {
			List<Delivery> rows = this.log
				.query(new DeliveryQuery(null, query.channel(), query.status(), query.target(), after, query.limit()));
			Map<String, Long> unitOf = this.units.unitIdsOf(MemberKind.PUBLICATION,
					rows.stream().map((d) -> String.valueOf(d.publicationId())).toList());
			for (Delivery row : rows) {
				if (kept.size() < query.limit() && scope.includes(unitOf.get(String.valueOf(row.publicationId())))) {
					kept.add(row);
				}
			}
			if (rows.size() < query.limit()) {
				break;
			}
			after = rows.get(rows.size() - 1).id();
		}
		return kept;
	}

	private UnitScope scope(Authentication user) {
		boolean admin = user.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN"));
		return this.units.scopeOf(user.getName(), admin);
	}

}
