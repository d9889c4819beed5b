package vn.loa.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.audience.InvalidPhoneNumberException;
import vn.loa.audience.PhoneNumbers;
import vn.loa.channels.ChannelCheck;
import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelException;
import vn.loa.channels.ChannelTestSend;
import vn.loa.channels.ChannelsHealth;
import vn.loa.common.ProblemMessages;
import vn.loa.content.AuditTrail;
import vn.loa.deliverylog.Delivery;
import vn.loa.deliverylog.DeliveryCounts;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * {@code /console/channels} for admins: each channel's mode, whether it is on, its health
 * (the same probe as {@code /actuator/health}), its latest failure, its configured rates
 * and quotas, the rows of the last 24 hours by status, a state that needs an admin
 * (NEEDS_REAUTHORISATION, PAUSED, a missing template) with the page that clears it, and a
 * test send where the channel offers one.
 */
@Controller
class ChannelsPage {

	static final String AUDIT_SUBJECT = "channel-test";

	private static final Duration DAY = Duration.ofHours(24);

	private static final Duration FAILURE_WINDOW = Duration.ofDays(7);

	/** Configuration keys shown as the channel's rate and quota: never secrets. */
	private static final Pattern LIMIT_KEY = Pattern
		.compile("(^|\\.)(rate[a-z-]*|[a-z-]*quota[a-z-]*|[a-z-]*per-(second|minute|hour|day)|max-parts|"
				+ "daily-limit|monthly-limit)$");

	private final List<ChannelDescriptor> channels;

	private final Map<String, ChannelTestSend> testSends = new TreeMap<>();

	private final Map<String, ChannelCheck> checks = new TreeMap<>();

	private final DeliveryCounts counts;

	private final Environment environment;

	private final AuditTrail audit;

	private final Clock clock;

	private final ChannelsHealth health;

	ChannelsPage(List<ChannelDescriptor> channels, List<ChannelTestSend> testSends, DeliveryCounts counts,
			Environment environment, AuditTrail audit, Clock clock, ChannelsHealth health, List<ChannelCheck> checks) {
		this.health = health;
		checks.forEach((c) -> this.checks.put(c.channel(), c));
		this.channels = channels.stream().sorted(Comparator.comparing(ChannelDescriptor::id)).toList();
		testSends.forEach((t) -> this.testSends.put(t.channel(), t));
		this.counts = counts;
		this.environment = environment;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/console/channels")
	@PreAuthorize("hasRole('ADMIN')")
	String channels(Model model) {
		Instant now = this.clock.instant();
		Map<String, Map<DeliveryStatus, Long>> day = this.counts.createdSince(now.minus(DAY));
		Set<DeliveryStatus> statuses = EnumSet.noneOf(DeliveryStatus.class);
		day.values().forEach((c) -> statuses.addAll(c.keySet()));
		List<Row> rows = new ArrayList<>();
		for (ChannelDescriptor channel : this.channels) {
			ChannelDescriptor.ChannelHealth health = this.health.probe(channel);
			rows.add(new Row(channel, health, health.state().name(), health.action(),
					this.counts.lastFailure(channel.id(), now.minus(FAILURE_WINDOW)), limits(channel.id()),
					day.getOrDefault(channel.id(), Map.of()), this.testSends.get(channel.id()),
					this.checks.containsKey(channel.id())));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("dayStatuses", statuses);
		List<vn.loa.content.AuditEvent> tests = new ArrayList<>(this.audit.events(AUDIT_SUBJECT, 0));
		java.util.Collections.reverse(tests);
		model.addAttribute("tests", tests.subList(0, Math.min(10, tests.size())));
		return "console/channels";
	}

	@PostMapping("/console/channels/{channel}/test")
	@PreAuthorize("hasRole('ADMIN')")
	String testSend(@PathVariable String channel, @RequestParam(defaultValue = "") String to, Authentication admin,
			RedirectAttributes redirect) {
		ChannelTestSend sender = this.testSends.get(channel);
		if (sender == null) {
			redirect.addFlashAttribute("failure", ProblemMessages.text("channels.noTestSend", null, channel));
			return "redirect:/console/channels";
		}
		String number;
		try {
			number = PhoneNumbers.normalize(to.isBlank() && sender.sandbox() ? sender.sandboxNumber() : to);
		}
		catch (InvalidPhoneNumberException ex) {
			redirect.addFlashAttribute("failure",
					ProblemMessages.text("channels.testBadNumber", new Object[] { to }, ex.getMessage()));
			return "redirect:/console/channels";
		}
		String text = "Loa: tin thử kênh " + channel + " / test message (" + admin.getName() + ")";
		try {
			String reference = sender.send(number, text);
			this.audit.record(AUDIT_SUBJECT, 0, "TEST_SENT", admin.getName(),
					channel + " → " + number + " (" + reference + ")");
			redirect.addFlashAttribute("notice", "notice.testSent");
			redirect.addFlashAttribute("testNumber", number);
			redirect.addFlashAttribute("testSandbox", sender.sandbox());
			redirect.addFlashAttribute("testSandboxPage", sender.sandbox() ? sender.sandboxPage(number) : null);
		}
		catch (ChannelException ex) {
			this.audit.record(AUDIT_SUBJECT, 0, "TEST_FAILED", admin.getName(),
					channel + " → " + number + ": " + ex.code() + " " + ex.getMessage());
			redirect.addFlashAttribute("failure", ProblemMessages.text("channels.testFailed",
					new Object[] { ex.code(), ex.getMessage() }, ex.code() + " " + ex.getMessage()));
		}
		return "redirect:/console/channels";
	}

	/**
	 * A harmless connection check through the channel's own client; what the provider
	 * said is shown and recorded ({@code CHECK_OK} / {@code CHECK_FAILED}).
	 */
	@PostMapping("/console/channels/{channel}/check")
	@PreAuthorize("hasRole('ADMIN')")
	String check(@PathVariable String channel, Authentication admin, RedirectAttributes redirect) {
		ChannelCheck check = this.checks.get(channel);
		if (check == null) {
			redirect.addFlashAttribute("failure", ProblemMessages.text("channels.noCheck", null, channel));
			return "redirect:/console/channels";
		}
		List<ChannelCheck.Finding> findings;
		try {
			findings = check.check();
		}
		catch (RuntimeException ex) {
			findings = List
				.of(new ChannelCheck.Finding(channel, false, ex.getClass().getSimpleName() + ": " + ex.getMessage()));
		}
		boolean ok = !findings.isEmpty() && findings.stream().allMatch(ChannelCheck.Finding::ok);
		this.audit.record(AUDIT_SUBJECT, 0, ok ? "CHECK_OK" : "CHECK_FAILED", admin.getName(), channel + ": " + String
			.join("; ", findings.stream().map((f) -> f.subject() + " " + (f.ok() ? "OK" : f.detail())).toList()));
		redirect.addFlashAttribute("checkChannel", channel);
		redirect.addFlashAttribute("checkOk", ok);
		redirect.addFlashAttribute("checkFindings", findings);
		return "redirect:/console/channels";
	}

	/** The channel's rates and quotas from its {@code channels/<id>.yml}. */
	Map<String, String> limits(String channel) {
		Map<String, Object> tree = Binder.get(this.environment)
			.bind("loa.channels." + channel, Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		Map<String, String> flat = new LinkedHashMap<>();
		flatten("", tree, flat);
		Map<String, String> limits = new TreeMap<>();
		flat.forEach((key, value) -> {
			if (LIMIT_KEY.matcher(key).find()) {
				limits.put(key, value);
			}
		});
		return limits;
	}

	private static void flatten(String prefix, Map<?, ?> tree, Map<String, String> out) {
		tree.forEach((key, value) -> {
			String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
			if (value instanceof Map<?, ?> child) {
				flatten(name, child, out);
			}
			else if (!(value instanceof java.util.Collection<?>)) {
				out.put(name, String.valueOf(value));
			}
		});
	}

	record Row(ChannelDescriptor channel, ChannelDescriptor.ChannelHealth health, String state, String actionPage,
			Optional<Delivery> lastFailure, Map<String, String> limits, Map<DeliveryStatus, Long> day,
			ChannelTestSend testSend, boolean checkable) {

		public String colour() {
			return ChannelColours.of(this.channel.id());
		}

		public long dayTotal() {
			return this.day.values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
