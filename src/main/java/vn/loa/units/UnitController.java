package vn.loa.units;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.loa.common.Problems;
import vn.loa.units.Units.UnitInput;

/**
 * {@code /api/v1/units}: any officer reads the units; admins create, change, delete,
 * import them and say what belongs to which.
 */
@RestController
@RequestMapping(path = "/api/v1/units", produces = "application/json")
class UnitController {

	private final Units units;

	UnitController(Units units) {
		this.units = units;
	}

	@GetMapping
	List<Unit> list() {
		return this.units.list();
	}

	@GetMapping("/{code}")
	UnitDetails get(@PathVariable String code) {
		Unit unit = this.units.find(code).orElseThrow(() -> Problems.notFound("Unit", code));
		List<String> below = this.units.list()
			.stream()
			.filter((u) -> this.units.subtree(unit.id()).contains(u.id()) && u.id() != unit.id())
			.map(Unit::code)
			.toList();
		return new UnitDetails(unit, below);
	}

	@PostMapping(consumes = "application/json")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Unit> create(@RequestBody(required = false) UnitInput input) {
		Unit unit = this.units.create(input);
		return ResponseEntity.created(URI.create("/api/v1/units/" + unit.code())).body(unit);
	}

	@PutMapping(path = "/{code}", consumes = "application/json")
	@PreAuthorize("hasRole('ADMIN')")
	Unit update(@PathVariable String code, @RequestBody(required = false) UnitInput input) {
		if (input == null) {
			throw Problems.invalid("body", "A JSON body is required");
		}
		return this.units.update(code, input);
	}

	@DeleteMapping("/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> delete(@PathVariable String code) {
		this.units.delete(code);
		return ResponseEntity.noContent().build();
	}

	/** CSV as the request body ({@code text/csv}) or as a multipart {@code file}. */
	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<UnitImportReport> importCsv(@RequestBody String csv) {
		return answer(this.units.importCsv(csv));
	}

	@PostMapping(path = "/import", consumes = "multipart/form-data")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<UnitImportReport> importFile(@RequestParam("file") MultipartFile file) throws java.io.IOException {
		return answer(this.units.importCsv(new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8)));
	}

	/** Makes a user, station, site, Page or publication belong to a unit (none: null). */
	@PutMapping(path = "/members/{kind}/{key}", consumes = "application/json")
	@PreAuthorize("hasRole('ADMIN')")
	Membership assign(@PathVariable String kind, @PathVariable String key, @RequestBody Membership body,
			Authentication who) {
		MemberKind memberKind;
		try {
			memberKind = MemberKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalid("kind", "must be one of user, station, wordpress-site, facebook-page, publication");
		}
		this.units.assign(memberKind, key, (body != null) ? body.unit() : null, who.getName());
		return new Membership(this.units.unitOf(memberKind, key).map(Unit::code).orElse(null));
	}

	@GetMapping("/members/{kind}")
	java.util.Map<String, String> members(@PathVariable String kind) {
		try {
			return this.units.members(MemberKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalid("kind", "must be one of user, station, wordpress-site, facebook-page, publication");
		}
	}

	private static ResponseEntity<UnitImportReport> answer(UnitImportReport report) {
		return report.applied() ? ResponseEntity.ok(report) : ResponseEntity.unprocessableEntity().body(report);
	}

	record UnitDetails(Unit unit, List<String> below) {
	}

	record Membership(String unit) {
	}

}
