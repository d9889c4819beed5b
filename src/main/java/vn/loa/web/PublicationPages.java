package vn.loa.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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

import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.common.ProblemMessages;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.content.ContentVersion;
import vn.loa.content.ReviewState;
import vn.loa.deliverylog.Delivery;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryQuery;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.publishing.Publication;
import vn.loa.publishing.PublicationRequest;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.PublicationState;

/**
 * Publishing from the console: the publish form, the publications list, what waits for
 * approval, and a publication's page with its live progress and delivery rows.
 */
@Controller
class PublicationPages {

	private static final int ROWS_PER_PAGE = 100;

	private final PublicationService publications;

	private final ContentService contents;

	private final DeliveryLog deliveries;

	private final List<ChannelDescriptor> channels;

	private final ChannelVerdicts verdicts;

	private final MessageSource messages;

	private final vn.loa.units.Units units;

	private final DeliveryCharts charts;

	private final BulkJobs jobs;

	PublicationPages(PublicationService publications, ContentService contents, DeliveryLog deliveries,
			List<ChannelDescriptor> channels, ChannelVerdicts verdicts, MessageSource messages,
			vn.loa.units.Units units, DeliveryCharts charts, BulkJobs jobs) {
		this.units = units;
		this.charts = charts;
		this.jobs = jobs;
		this.publications = publications;
		this.contents = contents;
		this.deliveries = deliveries;
		this.channels = channels.stream().sorted(Comparator.comparing(ChannelDescriptor::id)).toList();
		this.verdicts = verdicts;
		this.messages = messages;
	}

	@GetMapping("/console/contents/{id}/publish")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	String publishForm(@PathVariable long id, Model model) {
		PublishForm form = new PublishForm();
		this.channels.stream()
			.filter(ChannelDescriptor::enabled)
			.findFirst()
			.ifPresent(c -> form.getChannels().add(c.id()));
		model.addAttribute("form", form);
		return publishPage(id, form, model);
	}

	@PostMapping("/console/contents/{id}/publish")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	String publish(@PathVariable long id, @ModelAttribute("form") PublishForm form, BindingResult binding,
			Authentication user, Model model, RedirectAttributes redirect) {
		PublicationRequest request = form.toRequest(id, hasSms(), binding);
		if (request == null) {
			return publishPage(id, form, model);
		}
		ContentItem item = this.contents.get(id);
		if (item.state().publishable()) {
			// refuse here, naming the channel and the ways out, rather than with the
			// service's first problem
			ContentVersion version = this.contents.version(id, item.approvedVersion());
			for (ChannelDescriptor channel : chosen(form)) {
				ChannelVerdicts.Verdict verdict = this.verdicts.of(version, channel, request.options());
				if (!verdict.ready()) {
					binding.reject("publish.refusedBy", new Object[] { channel.label(), explain(verdict) }, null);
				}
			}
			if (binding.hasErrors()) {
				return publishPage(id, form, model);
			}
		}
		try {
			Publication publication = this.publications.create(request, ConsoleUser.of(user).actor());
			redirect.addFlashAttribute("notice", (publication.state() == PublicationState.AWAITING_APPROVAL)
					? "notice.publicationAwaiting" : "notice.publicationScheduled");
			return "redirect:/console/publications/" + publication.id();
		}
		catch (ErrorResponseException ex) {
			ConsoleAdvice.reject(ex, binding, Map.of("targets", "channels", "contentId", "channels"));
			return publishPage(id, form, model);
		}
	}

	@GetMapping("/console/publications")
	String list(@RequestParam(required = false) PublicationState state, @RequestParam(required = false) Long content,
			Model model, Authentication user) {
		ConsoleUser me = ConsoleUser.of(user);
		model.addAttribute("rows",
				rows(this.publications.list(state, content, 100, this.units.scopeOf(me.name(), me.admin()))));
		model.addAttribute("state", state);
		model.addAttribute("states", PublicationState.values());
		return "console/publications";
	}

	@GetMapping("/console/approvals")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String approvals(Model model) {
		model.addAttribute("rows", rows(this.publications.list(PublicationState.AWAITING_APPROVAL, null, 200)));
		model.addAttribute("inReview", this.contents.list(ReviewState.IN_REVIEW, null, 200, 0));
		return "console/approvals";
	}

	@GetMapping("/console/publications/{id}")
	String publication(@PathVariable long id, @RequestParam(required = false) String channel,
			@RequestParam(required = false) DeliveryStatus status, @RequestParam(defaultValue = "0") long after,
			Model model, Authentication user) {
		ConsoleUser me = ConsoleUser.of(user);
		Publication publication = visible(id, me);
		model.addAttribute("publication", publication);
		model.addAttribute("item", this.contents.get(publication.contentId()));
		model.addAttribute("history", this.publications.history(id));
		model.addAttribute("channelIds", this.channels.stream().map(ChannelDescriptor::id).toList());
		model.addAttribute("retryable", me.approver() ? this.publications.retryable(id).size() : 0);
		live(publication, channel, status, after, model);
		return "console/publication";
	}

	/** The publication's chart data, which its page reloads while it changes. */
	@GetMapping(path = "/console/publications/{id}/chart", produces = "application/json")
	@org.springframework.web.bind.annotation.ResponseBody
	DeliveryCharts.Chart chart(@PathVariable long id, Authentication user) {
		ConsoleUser me = ConsoleUser.of(user);
		visible(id, me);
		return this.charts.publication(id);
	}

	/** The parts of the publication page that the page's script refreshes. */
	@GetMapping("/console/publications/{id}/live")
	String liveFragment(@PathVariable long id, @RequestParam(required = false) String channel,
			@RequestParam(required = false) DeliveryStatus status, @RequestParam(defaultValue = "0") long after,
			Model model, Authentication user) {
		ConsoleUser me = ConsoleUser.of(user);
		Publication publication = visible(id, me);
		model.addAttribute("publication", publication);
		live(publication, channel, status, after, model);
		return "console/publication :: live";
	}

	@PostMapping("/console/publications/{id}/approve")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String approve(@PathVariable long id, @RequestParam(required = false) String back, Authentication user,
			RedirectAttributes redirect) {
		ConsoleUser me = ConsoleUser.of(user);
		return act(id, back, redirect, "notice.publicationApproved", () -> {
			visible(id, me);
			this.publications.approve(id, me.name());
		});
	}

	/** Sends the rows that may safely be sent again, in one action. */
	@PostMapping("/console/publications/{id}/retry")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String retry(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		ConsoleUser me = ConsoleUser.of(user);
		visible(id, me);
		return act(id, null, redirect, "notice.publicationRetried", () -> this.publications.retry(id, me.name()));
	}

	@PostMapping("/console/publications/{id}/cancel")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	String cancel(@PathVariable long id, @RequestParam(required = false) String back, Authentication user,
			RedirectAttributes redirect) {
		ConsoleUser me = ConsoleUser.of(user);
		return act(id, back, redirect, "notice.publicationCancelled", () -> {
			visible(id, me);
			this.publications.cancel(id, me.name());
		});
	}

	/**
	 * Stops the publication's broadcasts going out (see {@link PublicationService#stop}).
	 */
	@PostMapping("/console/publications/{id}/stop")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	String stop(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		ConsoleUser me = ConsoleUser.of(user);
		return act(id, null, redirect, "notice.broadcastStopped", () -> {
			visible(id, me);
			this.publications.stop(id, me.name());
		});
	}

	/** The publication, or not found when it is for a unit outside the officer's. */
	private Publication visible(long id, ConsoleUser me) {
		return this.publications.get(id, this.units.scopeOf(me.name(), me.admin()));
	}

	private String act(long id, String back, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("failure", ProblemMessages.detail(ex));
		}
		return "approvals".equals(back) ? "redirect:/console/approvals" : "redirect:/console/publications/" + id;
	}

	private void live(Publication publication, String channel, DeliveryStatus status, long after, Model model) {
		String channelFilter = (channel != null && !channel.isBlank()) ? channel : null;
		Map<String, Map<DeliveryStatus, Long>> progress = this.deliveries.progress(publication.id());
		List<Delivery> rows = this.deliveries
			.query(new DeliveryQuery(publication.id(), channelFilter, status, null, after, ROWS_PER_PAGE + 1));
		model.addAttribute("progress", progress);
		model.addAttribute("chart", this.charts.publication(publication.id()));
		model.addAttribute("summary", DeliveryProgress.of(progress));
		model.addAttribute("progressStatuses", statusesIn(progress));
		model.addAttribute("signature", signature(progress));
		// Bulk jobs still at work, e.g. WAITING for the end of quiet hours or tomorrow's
		// ZNS quota: why the numbers do not move.
		// and those an officer stopped, saying who and when.
		List<BulkJob> jobs = this.jobs.ofPublication(publication.id());
		model.addAttribute("jobs",
				jobs.stream().filter((job) -> !job.state().ended() || job.stoppedBy() != null).toList());
		model.addAttribute("stoppable", jobs.stream().anyMatch((job) -> !job.state().ended()));
		List<Delivery> page = rows.subList(0, Math.min(rows.size(), ROWS_PER_PAGE));
		model.addAttribute("deliveries", page);
		model.addAttribute("rowEvents", this.deliveries.events(page.stream().map(Delivery::id).toList()));
		model.addAttribute("nextAfter",
				(rows.size() > ROWS_PER_PAGE) ? Optional.of(rows.get(ROWS_PER_PAGE - 1).id()) : Optional.empty());
		model.addAttribute("channel", channelFilter);
		model.addAttribute("status", status);
		model.addAttribute("after", after);
		model.addAttribute("allStatuses", DeliveryStatus.values());
	}

	private List<PublicationRow> rows(List<Publication> list) {
		return rows(list, this.contents, this.deliveries);
	}

	/** A list's rows, with two queries for the whole list rather than two a row. */
	static List<PublicationRow> rows(List<Publication> list, ContentService contents, DeliveryLog deliveries) {
		Map<Long, String> titles = contents.titles(list.stream().map(Publication::contentId).toList());
		Map<Long, Map<String, Map<DeliveryStatus, Long>>> progress = deliveries
			.progress(list.stream().map(Publication::id).toList());
		List<PublicationRow> rows = new ArrayList<>();
		for (Publication p : list) {
			List<String> channelIds = p.targets().stream().map(t -> t.channel()).distinct().toList();
			rows.add(new PublicationRow(p, titles.get(p.contentId()), channelIds,
					DeliveryProgress.of(progress.get(p.id()))));
		}
		return rows;
	}

	private String publishPage(long id, PublishForm form, Model model) {
		ContentItem item = this.contents.get(id);
		List<ChannelDescriptor> enabled = this.channels.stream().filter(ChannelDescriptor::enabled).toList();
		model.addAttribute("item", item);
		model.addAttribute("channels", enabled);
		model.addAttribute("hasSms", hasSms());
		model.addAttribute("hasZns", enabled("zalo-zns"));
		model.addAttribute("hasZalo", enabled("zalo"));
		model.addAttribute("publishable", item.state().publishable());
		// what each channel would do with the version the publication sends
		ContentVersion version = item.state().publishable() ? this.contents.version(id, item.approvedVersion())
				: item.current();
		Map<String, ChannelVerdicts.Verdict> verdicts = new HashMap<>();
		for (ChannelDescriptor channel : enabled) {
			verdicts.put(channel.id(), this.verdicts.of(version, channel,
					Map.of(PublishForm.SMS_DIACRITICS, String.valueOf(form.isSmsDiacritics()))));
			if (channel.id().equals(ChannelVerdicts.SMS)) {
				model.addAttribute("smsOther", this.verdicts.of(version, channel,
						Map.of(PublishForm.SMS_DIACRITICS, String.valueOf(!form.isSmsDiacritics()))));
			}
		}
		model.addAttribute("verdicts", verdicts);
		return "console/publish";
	}

	private List<ChannelDescriptor> chosen(PublishForm form) {
		return this.channels.stream().filter(c -> c.enabled() && form.getChannels().contains(c.id())).toList();
	}

	/** A verdict said in the officer's language: what is wrong and what to do. */
	private String explain(ChannelVerdicts.Verdict verdict) {
		Locale locale = LocaleContextHolder.getLocale();
		String said = this.messages.getMessage(verdict.messageCode(), verdict.args(), locale);
		if (verdict.waysOutCode() != null) {
			said += " " + this.messages.getMessage(verdict.waysOutCode(), verdict.waysOutArgs(), locale);
		}
		return said;
	}

	private boolean hasSms() {
		return enabled("sms");
	}

	private boolean enabled(String channel) {
		return this.channels.stream().anyMatch(c -> c.id().equals(channel) && c.enabled());
	}

	private static Set<DeliveryStatus> statusesIn(Map<String, Map<DeliveryStatus, Long>> progress) {
		Set<DeliveryStatus> statuses = EnumSet.noneOf(DeliveryStatus.class);
		progress.values().forEach(counts -> statuses.addAll(counts.keySet()));
		return statuses;
	}

	/**
	 * The progress as the page's script writes it from the progress API, so it can tell
	 * when to refresh.
	 */
	static String signature(Map<String, Map<DeliveryStatus, Long>> progress) {
		StringBuilder out = new StringBuilder();
		new TreeMap<>(progress).forEach((channel, counts) -> {
			TreeMap<String, Long> byName = new TreeMap<>();
			counts.forEach((status, n) -> byName.put(status.name(), n));
			byName.forEach(
					(status, n) -> out.append(channel).append('.').append(status).append('=').append(n).append(';'));
		});
		return out.toString();
	}

	record PublicationRow(Publication publication, String title, List<String> channels, DeliveryProgress progress) {
	}

}
