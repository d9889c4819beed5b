package vn.loa.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.common.ConsolePage;
import vn.loa.plans.PlanEntries.EntryInput;
import vn.loa.plans.PlanProgress.Line;
import vn.loa.plans.PlanProgress.Progress;
import vn.loa.units.UnitScope;
import vn.loa.units.Units;

/**
 * The plans in the console: the list, one plan's progress as a table of units × tasks for
 * a chosen period (coloured by status, with a bar chart of achieved against target and
 * the report downloads), the items counted behind a cell, and the manual entry form.
 */
@Controller
@ConsolePage
class PlanPages {

	private final Plans plans;

	private final PlanProgress progress;

	private final PlanEntries entries;

	private final Units units;

	private final java.time.Clock clock;

	PlanPages(Plans plans, PlanProgress progress, PlanEntries entries, Units units, java.time.Clock clock) {
		this.plans = plans;
		this.progress = progress;
		this.entries = entries;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping("/console/plans")
	String list(Model model) {
		model.addAttribute("plans", this.plans.list());
		return "console/plans";
	}

	@GetMapping("/console/plans/{id}")
	String plan(@PathVariable long id, @RequestParam(required = false) String period, Model model, Authentication who) {
		Plan plan = this.plans.get(id);
		Period p = period(plan, period);
		Progress progress = this.progress.progress(id, p, scope(who), false, null);
		Map<String, Map<String, Line>> grid = new LinkedHashMap<>();
		Map<String, String> unitNames = new LinkedHashMap<>();
		for (Line line : progress.tasks()) {
			unitNames.putIfAbsent(line.unit(), line.unitName());
			grid.computeIfAbsent(line.unit(), (u) -> new LinkedHashMap<>()).put(line.code(), line);
		}
		long scale = progress.tasks().stream().mapToLong((l) -> Math.max(l.target(), l.achieved())).max().orElse(1);
		model.addAttribute("plan", plan);
		model.addAttribute("progress", progress);
		model.addAttribute("grid", grid);
		model.addAttribute("unitNames", unitNames);
		model.addAttribute("scale", Math.max(scale, 1));
		model.addAttribute("periods", periods(plan.year()));
		return "console/plan";
	}

	@GetMapping("/console/plans/{id}/items")
	String items(@PathVariable long id, @RequestParam String period, @RequestParam String task,
			@RequestParam String unit, Model model, Authentication who) {
		Plan plan = this.plans.get(id);
		Progress progress = this.progress.progress(id, Period.parse("period", period), scope(who), true, unit);
		model.addAttribute("plan", plan);
		model.addAttribute("progress", progress);
		model.addAttribute("lines", progress.tasks().stream().filter((l) -> l.code().equals(task)).toList());
		return "console/plan-items";
	}

	@GetMapping("/console/plans/{id}/entries")
	String entryForm(@PathVariable long id, Model model) {
		Plan plan = this.plans.get(id);
		model.addAttribute("plan", plan);
		model.addAttribute("entries", this.entries.list(id));
		model.addAttribute("units", this.units.list());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					new EntryInput(plan.tasks().get(0).code(), null, Plans.today(this.clock), 1, "", ""));
		}
		return "console/plan-entries";
	}

	@PostMapping("/console/plans/{id}/entries")
	String record(@PathVariable long id, @RequestParam(defaultValue = "") String task,
			@RequestParam(defaultValue = "") String unit, @RequestParam(required = false) LocalDate date,
			@RequestParam(required = false) Integer amount, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String evidence, Authentication who, RedirectAttributes redirect) {
		EntryInput input = new EntryInput(task, unit, date, amount, note, evidence);
		try {
			this.entries.record(id, input, who.getName(), scope(who));
			redirect.addFlashAttribute("saved", true);
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("form", input);
			redirect.addFlashAttribute("formError", ex.getBody().getDetail());
		}
		return "redirect:/console/plans/" + id + "/entries";
	}

	private Period period(Plan plan, String key) {
		if (key != null && !key.isBlank()) {
			return Period.parse("period", key);
		}
		LocalDate today = Plans.today(this.clock);
		return (today.getYear() == plan.year()) ? Period.quarterOf(today) : Period.parse("period", plan.year() + "-Q4");
	}

	static List<String> periods(int year) {
		List<String> keys = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			keys.add(year + "-" + ((m < 10) ? "0" : "") + m);
		}
		for (int q = 1; q <= 4; q++) {
			keys.add(year + "-Q" + q);
		}
		keys.add(year + "-H1");
		keys.add(year + "-H2");
		keys.add(year + "-9M");
		keys.add(String.valueOf(year));
		return keys;
	}

	private UnitScope scope(Authentication who) {
		boolean admin = who.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN"));
		return this.units.scopeOf(who.getName(), admin);
	}

}
