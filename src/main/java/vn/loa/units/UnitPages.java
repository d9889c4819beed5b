package vn.loa.units;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.common.ConsolePage;
import vn.loa.units.Units.UnitInput;

/**
 * {@code /console/units}: the unit tree for everyone, with the officer's own unit marked;
 * admins add a unit, import a CSV (each rejected row shown with its reason, nothing
 * written when any row is bad) and say which unit a user, station, site or Page belongs
 * to.
 */
@Controller
@ConsolePage
class UnitPages {

	private final Units units;

	UnitPages(Units units) {
		this.units = units;
	}

	@GetMapping("/console/units")
	String list(Model model, Authentication who) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new UnitInput("", "", "", UnitKind.DEPARTMENT.name(), ""));
		}
		List<Unit> all = this.units.list();
		List<Row> rows = new ArrayList<>();
		java.util.Map<String, Integer> depth = new java.util.HashMap<>();
		for (Unit unit : all) {
			int d = (unit.parent() != null) ? depth.getOrDefault(unit.parent(), -1) + 1 : 0;
			depth.put(unit.code(), d);
			rows.add(new Row(unit, d));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("kinds", UnitKind.values());
		model.addAttribute("memberKinds", MemberKind.values());
		model.addAttribute("mine", this.units.unitOf(MemberKind.USER, who.getName()).orElse(null));
		model.addAttribute("users", this.units.members(MemberKind.USER));
		model.addAttribute("stations", this.units.members(MemberKind.STATION));
		model.addAttribute("sites", this.units.members(MemberKind.WORDPRESS_SITE));
		model.addAttribute("pages", this.units.members(MemberKind.FACEBOOK_PAGE));
		return "console/units";
	}

	@PostMapping("/console/units")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String parent, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String areaPath, RedirectAttributes redirect) {
		UnitInput form = new UnitInput(code, name, parent, kind, areaPath);
		try {
			Unit unit = this.units.create(form);
			redirect.addFlashAttribute("saved", unit.code());
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("form", form);
			redirect.addFlashAttribute("formError", ex.getBody().getDetail());
		}
		return "redirect:/console/units";
	}

	@PostMapping("/console/units/import")
	@PreAuthorize("hasRole('ADMIN')")
	String importCsv(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws java.io.IOException {
		redirect.addFlashAttribute("report",
				this.units.importCsv(new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8)));
		return "redirect:/console/units";
	}

	@PostMapping("/console/units/members")
	@PreAuthorize("hasRole('ADMIN')")
	String assign(@RequestParam String kind, @RequestParam String key, @RequestParam(defaultValue = "") String unit,
			Authentication who, RedirectAttributes redirect) {
		try {
			this.units.assign(MemberKind.valueOf(kind), key.strip(), unit, who.getName());
			redirect.addFlashAttribute("assigned", key.strip());
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("memberError", ex.getBody().getDetail());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("memberError", "kind: " + kind);
		}
		return "redirect:/console/units";
	}

	/** A unit and how deep it sits in the tree, for indenting. */
	record Row(Unit unit, int depth) {
	}

}
