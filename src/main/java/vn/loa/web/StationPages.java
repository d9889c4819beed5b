package vn.loa.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.audience.Station;
import vn.loa.audience.StationLevel;
import vn.loa.audience.Stations;
import vn.loa.audience.Stations.InvalidStationException;
import vn.loa.audience.Stations.IssuedToken;
import vn.loa.audience.Stations.NewStation;
import vn.loa.common.LoaProperties;
import vn.loa.common.Problems;
import vn.loa.content.ContentService;
import vn.loa.deliverylog.Delivery;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryQuery;
import vn.loa.publishing.PublicationService;

/**
 * Radio stations: everyone may list them and open one (its feeds, tokens by prefix and
 * the radio rows of the delivery log); only admins create stations and issue or revoke
 * tokens. A new token is shown once, on the page the issuing POST redirects to, which no
 * cache may store; it never appears in a URL.
 */
@Controller
class StationPages {

	static final String RADIO = "radio";

	private static final int ROWS_PER_PAGE = 100;

	private final Stations stations;

	private final DeliveryLog deliveries;

	private final PublicationService publications;

	private final ContentService contents;

	private final LoaProperties loa;

	private final MessageSource messages;

	StationPages(Stations stations, DeliveryLog deliveries, PublicationService publications, ContentService contents,
			LoaProperties loa, MessageSource messages) {
		this.messages = messages;
		this.stations = stations;
		this.deliveries = deliveries;
		this.publications = publications;
		this.contents = contents;
		this.loa = loa;
	}

	@GetMapping("/console/stations")
	String list(Model model) {
		model.addAttribute("form", new StationForm());
		return listPage(model);
	}

	@PostMapping("/console/stations")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@ModelAttribute("form") StationForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		NewStation request = form.toStation(binding);
		if (request == null) {
			return listPage(model);
		}
		try {
			Station station = this.stations.create(request);
			redirect.addFlashAttribute("notice", "notice.stationCreated");
			return "redirect:/console/stations/" + station.code();
		}
		catch (InvalidStationException ex) {
			String field = hasField(ex.field()) ? ex.field() : null;
			String code = ex.conflict() ? "problem.station.exists" : "problem.station." + ex.field();
			if (field != null) {
				binding.rejectValue(field, code, new Object[] { request.code() }, ex.getMessage());
			}
			else {
				binding.reject("problem", new Object[] { ex.getMessage() }, ex.getMessage());
			}
			return listPage(model);
		}
	}

	@GetMapping("/console/stations/{code}")
	String station(@PathVariable String code, @RequestParam(defaultValue = "0") long after, Model model,
			HttpServletResponse response) {
		if (model.containsAttribute("issued")) {
			// the page that shows a new token, once: no cache may keep it
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		}
		return stationPage(station(code), after, model);
	}

	/**
	 * Issues a token and shows it once on the station page it redirects to (carried in
	 * the session for that one request), so that reloading the page neither shows the
	 * token again nor issues another.
	 */
	@PostMapping("/console/stations/{code}/tokens")
	@PreAuthorize("hasRole('ADMIN')")
	String issueToken(@PathVariable String code, RedirectAttributes redirect) {
		Station station = station(code);
		IssuedToken issued = this.stations.issueToken(station.code());
		redirect.addFlashAttribute("issued", issued);
		return "redirect:/console/stations/" + station.code();
	}

	@PostMapping("/console/stations/{code}/tokens/{id}/revoke")
	@PreAuthorize("hasRole('ADMIN')")
	String revokeToken(@PathVariable String code, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		Station station = station(code);
		if (this.stations.revokeToken(station.code(), id)) {
			redirect.addFlashAttribute("notice", "notice.tokenRevoked");
		}
		else {
			redirect.addFlashAttribute("failure", this.messages.getMessage("failure.tokenNotLive", null, locale));
		}
		return "redirect:/console/stations/" + station.code();
	}

	private Station station(String code) {
		return this.stations.findByCode(code).orElseThrow(() -> Problems.notFound("Station", code));
	}

	private String listPage(Model model) {
		model.addAttribute("stations", this.stations.list());
		model.addAttribute("levels", StationLevel.values());
		return "console/stations";
	}

	private String stationPage(Station station, long after, Model model) {
		model.addAttribute("station", station);
		Map<String, String> feeds = new LinkedHashMap<>();
		for (String format : List.of("rss", "atom", "json")) {
			feeds.put(format, this.loa.publicUrl("/feeds/radio/" + station.code() + "." + format));
		}
		model.addAttribute("feeds", feeds);
		model.addAttribute("tokens", this.stations.tokens(station.code()));
		List<Delivery> rows = this.deliveries
			.query(new DeliveryQuery(null, RADIO, null, station.code(), after, ROWS_PER_PAGE + 1));
		List<Delivery> page = rows.subList(0, Math.min(rows.size(), ROWS_PER_PAGE));
		model.addAttribute("deliveries", deliveryRows(page));
		model.addAttribute("nextAfter",
				(rows.size() > ROWS_PER_PAGE) ? Optional.of(rows.get(ROWS_PER_PAGE - 1).id()) : Optional.empty());
		model.addAttribute("after", after);
		return "console/station";
	}

	/**
	 * Each row with the title of what it carried: one look-up per publication, one for
	 * titles.
	 */
	private List<DeliveryRow> deliveryRows(List<Delivery> rows) {
		Map<Long, Long> contentOf = new HashMap<>();
		for (Delivery delivery : rows) {
			contentOf.computeIfAbsent(delivery.publicationId(), this::contentOf);
		}
		Map<Long, String> titles = this.contents
			.titles(contentOf.values().stream().filter(java.util.Objects::nonNull).toList());
		List<DeliveryRow> result = new ArrayList<>(rows.size());
		for (Delivery delivery : rows) {
			Long contentId = contentOf.get(delivery.publicationId());
			result.add(new DeliveryRow(delivery, contentId, (contentId != null) ? titles.get(contentId) : null));
		}
		return result;
	}

	private Long contentOf(long publicationId) {
		try {
			return this.publications.get(publicationId).contentId();
		}
		catch (ErrorResponseException ex) {
			return null;
		}
	}

	private static boolean hasField(String field) {
		return List.of("code", "name", "level", "areaCode", "wordsPerMinute").contains(field);
	}

	record DeliveryRow(Delivery delivery, Long contentId, String title) {
	}

}
