package vn.loa.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.common.LoaClock;
import vn.loa.common.LoaProperties;
import vn.loa.common.ProblemMessages;
import vn.loa.common.Problems;
import vn.loa.content.ContentService;
import vn.loa.publishing.Publication;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.PublicationState;
import vn.loa.units.Units;
import vn.loa.users.CalendarFeeds;

/**
 * The publishing calendar: what went out and what is scheduled, one entry per publication
 * and channel, coloured by channel, weeks from Monday. The grid is FullCalendar (a
 * WebJar, with its {@code vi} locale); the same month is also a server-rendered list with
 * the move and cancel forms, so the page works without its script. Moves and cancels go
 * through {@link PublicationService}, as the API's do, which audits them.
 */
@Controller
class CalendarPage {

	private static final int MOST = 2000;

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private final PublicationService publications;

	private final ContentService contents;

	private final Units units;

	private final CalendarFeeds feeds;

	private final Map<String, ChannelDescriptor> channels = new LinkedHashMap<>();

	private final LoaProperties properties;

	private final MessageSource messages;

	CalendarPage(PublicationService publications, ContentService contents, Units units, CalendarFeeds feeds,
			List<ChannelDescriptor> channels, LoaProperties properties, MessageSource messages) {
		this.messages = messages;
		this.publications = publications;
		this.contents = contents;
		this.units = units;
		this.feeds = feeds;
		this.properties = properties;
		channels.stream()
			.sorted(Comparator.comparing(ChannelDescriptor::id))
			.forEach((c) -> this.channels.put(c.id(), c));
	}

	@GetMapping("/console/calendar")
	String calendar(@RequestParam(required = false) String month, Authentication user, Model model,
			HttpServletResponse response) {
		YearMonth shown = month(month);
		ConsoleUser me = ConsoleUser.of(user);
		LocalDate first = shown.atDay(1);
		Instant from = first.atStartOfDay(LoaClock.ZONE).toInstant();
		Instant to = shown.plusMonths(1).atDay(1).atStartOfDay(LoaClock.ZONE).toInstant();
		List<Entry> entries = entries(from, to, me);
		model.addAttribute("month", shown);
		model.addAttribute("monthLabel", String.format("%02d/%d", shown.getMonthValue(), shown.getYear()));
		model.addAttribute("previous", shown.minusMonths(1).toString());
		model.addAttribute("next", shown.plusMonths(1).toString());
		model.addAttribute("initialDate", first.toString());
		model.addAttribute("entries", entries);
		model.addAttribute("legend",
				this.channels.values()
					.stream()
					.map((c) -> new Legend(c.id(), c.label(), ChannelColours.of(c.id())))
					.toList());
		model.addAttribute("feed", this.feeds.current(me.name()).orElse(null));
		model.addAttribute("feedBase", this.properties.publicBaseUrl() + "/feeds/calendar/");
		if (model.containsAttribute("feedToken")) {
			// the new feed address is on this page once
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
		return "console/calendar";
	}

	/**
	 * FullCalendar's event source: wall-clock times of Asia/Ho_Chi_Minh, shown as given.
	 */
	@GetMapping(path = "/console/calendar/events", produces = "application/json")
	@ResponseBody
	List<Map<String, Object>> events(@RequestParam String start, @RequestParam String end, Authentication user,
			jakarta.servlet.http.HttpServletRequest request) {
		ConsoleUser me = ConsoleUser.of(user);
		List<Map<String, Object>> events = new ArrayList<>();
		for (Entry e : entries(wallClock("start", start), wallClock("end", end), me)) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("id", e.publicationId() + ":" + e.channel());
			event.put("groupId", String.valueOf(e.publicationId()));
			event.put("title", e.title() + " · " + e.channelLabel());
			event.put("start", LOCAL.format(e.at().atZone(LoaClock.ZONE)));
			event.put("backgroundColor", e.colour());
			event.put("borderColor", e.colour());
			event.put("textColor", "#ffffff");
			event.put("url", request.getContextPath() + "/console/publications/" + e.publicationId());
			event.put("editable", e.movable() && me.approver());
			event.put("extendedProps",
					Map.of("publication", e.publicationId(), "channel", e.channel(), "state", e.state().name()));
			events.add(event);
		}
		return events;
	}

	/** A drag on the grid: the publication moves to the new wall-clock time. */
	@PostMapping(path = "/console/calendar/{id}/drop", produces = "application/json")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	ResponseEntity<Map<String, Object>> drop(@PathVariable long id, @RequestParam String scheduledAt,
			Authentication user, java.util.Locale locale) {
		try {
			Publication moved = move(id, scheduledAt, user);
			return ResponseEntity.ok(Map.of("id", moved.id(), "scheduledAt", moved.scheduledAt().toString()));
		}
		catch (ErrorResponseException ex) {
			return ResponseEntity.status(ex.getStatusCode())
				.body(Map.of("message", ProblemMessages.detail(ex, this.messages, locale)));
		}
	}

	@PostMapping("/console/calendar/{id}/move")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String moveForm(@PathVariable long id, @RequestParam(defaultValue = "") String scheduledAt,
			@RequestParam(required = false) String month, Authentication user, RedirectAttributes redirect) {
		try {
			move(id, scheduledAt, user);
			redirect.addFlashAttribute("notice", "notice.publicationMoved");
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("failure", ProblemMessages.detail(ex));
		}
		return back(month);
	}

	@PostMapping("/console/calendar/{id}/cancel")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String cancel(@PathVariable long id, @RequestParam(required = false) String month, Authentication user,
			RedirectAttributes redirect) {
		try {
			ConsoleUser me = ConsoleUser.of(user);
			this.publications.get(id, this.units.scopeOf(me.name(), me.admin()));
			this.publications.cancel(id, me.name());
			redirect.addFlashAttribute("notice", "notice.publicationCancelled");
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("failure", ProblemMessages.detail(ex));
		}
		return back(month);
	}

	/** A new feed address (the old one stops working), shown once. */
	@PostMapping("/console/calendar/feed")
	String issueFeed(Authentication user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("feedToken", this.feeds.issue(user.getName()));
		redirect.addFlashAttribute("notice", "notice.feedIssued");
		return "redirect:/console/calendar";
	}

	@PostMapping("/console/calendar/feed/revoke")
	String revokeFeed(Authentication user, RedirectAttributes redirect) {
		this.feeds.revoke(user.getName());
		redirect.addFlashAttribute("notice", "notice.feedRevoked");
		return "redirect:/console/calendar";
	}

	private Publication move(long id, String scheduledAt, Authentication user) {
		ConsoleUser me = ConsoleUser.of(user);
		this.publications.get(id, this.units.scopeOf(me.name(), me.admin()));
		Instant at = wallClock("scheduledAt", scheduledAt);
		return this.publications.reschedule(id, at.atZone(LoaClock.ZONE).toOffsetDateTime(), me.name());
	}

	List<Entry> entries(Instant from, Instant to, ConsoleUser me) {
		List<Publication> list = this.publications.between(from, to, MOST, this.units.scopeOf(me.name(), me.admin()));
		Map<Long, String> titles = this.contents.titles(list.stream().map(Publication::contentId).toList());
		List<Entry> entries = new ArrayList<>();
		for (Publication p : list) {
			Instant at = (p.firedAt() != null) ? p.firedAt() : p.scheduledAt();
			boolean movable = p.state() == PublicationState.SCHEDULED
					|| p.state() == PublicationState.AWAITING_APPROVAL;
			for (String channel : p.targets().stream().map((t) -> t.channel()).distinct().toList()) {
				ChannelDescriptor descriptor = this.channels.get(channel);
				entries.add(new Entry(p.id(), titles.getOrDefault(p.contentId(), "#" + p.contentId()), channel,
						(descriptor != null) ? descriptor.label() : channel, ChannelColours.of(channel), at, p.state(),
						movable));
			}
		}
		return entries;
	}

	private static String back(String month) {
		return "redirect:/console/calendar"
				+ ((month != null && month.matches("\\d{4}-\\d{2}")) ? "?month=" + month : "");
	}

	private static YearMonth month(String month) {
		if (month == null || month.isBlank()) {
			return YearMonth.now(LoaClock.ZONE);
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException ex) {
			throw Problems.invalid("month", "must be a month like 2026-12", "month");
		}
	}

	/**
	 * A wall-clock time in Asia/Ho_Chi_Minh, as the form's {@code datetime-local} and the
	 * grid (which shows times as given, in "UTC") write it: any offset is ignored.
	 */
	static Instant wallClock(String field, String value) {
		if (value == null || value.isBlank()) {
			throw Problems.invalid(field, "is required", "wallClock");
		}
		String local = value.strip();
		int offset = Math.max(local.indexOf('Z'), Math.max(local.lastIndexOf('+'), local.indexOf('-', 10)));
		if (offset > 10) {
			local = local.substring(0, offset);
		}
		try {
			if (local.length() == 10) {
				return LocalDate.parse(local).atStartOfDay(LoaClock.ZONE).toInstant();
			}
			return LocalDateTime.parse(local).atZone(LoaClock.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw Problems.invalid(field, "must be a date and time like 2026-12-01T08:00", "wallClock");
		}
	}

	record Entry(long publicationId, String title, String channel, String channelLabel, String colour, Instant at,
			PublicationState state, boolean movable) {

		public String localInput() {
			return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(this.at.atZone(LoaClock.ZONE));
		}

	}

	record Legend(String id, String label, String colour) {
	}

}
