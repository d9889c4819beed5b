package vn.loa.plans;

import java.net.URI;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

import vn.loa.plans.PlanEntries.Entry;
import vn.loa.plans.PlanEntries.EntryInput;
import vn.loa.plans.PlanProgress.Progress;
import vn.loa.units.UnitScope;
import vn.loa.units.Units;

/**
 * {@code /api/v1/plans}: any officer reads plans, progress and reports (narrowed to their
 * units) and records manual entries for their units; admins create, change and delete
 * plans.
 */
@RestController
@RequestMapping(path = "/api/v1/plans", produces = "application/json")
class PlanController {

	private final Plans plans;

	private final PlanProgress progress;

	private final PlanEntries entries;

	private final PlanReports reports;

	private final Units units;

	private final java.time.Clock clock;

	private final PlanImport imports;

	PlanController(Plans plans, PlanProgress progress, PlanEntries entries, PlanReports reports, Units units,
			java.time.Clock clock, PlanImport imports) {
		this.imports = imports;
		this.plans = plans;
		this.progress = progress;
		this.entries = entries;
		this.reports = reports;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping
	List<Plan> list() {
		return this.plans.list();
	}

	@GetMapping("/{id}")
	Plan get(@PathVariable long id) {
		return this.plans.get(id);
	}

	@PostMapping(consumes = "application/json")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Plan> create(@RequestBody(required = false) Plan plan, Authentication who) {
		Plan created = this.plans.create(plan, who.getName());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + created.id())).body(created);
	}

	/** A plan from a YAML file (the JSON shape) or a CSV file (one row per task). */
	@PostMapping(path = "/import", consumes = { "application/yaml", "application/x-yaml", "text/yaml" })
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<PlanImportReport> importYaml(@RequestBody(required = false) String yaml, Authentication who) {
		return imported(this.imports.yaml(yaml, who.getName()));
	}

	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<PlanImportReport> importCsv(@RequestBody(required = false) String csv, Authentication who) {
		return imported(this.imports.csv(csv, who.getName()));
	}

	/**
	 * A file upload: {@code .yaml}/{@code .yml} is read as YAML, anything else as CSV.
	 */
	@PostMapping(path = "/import", consumes = "multipart/form-data")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<PlanImportReport> importFile(
			@RequestParam("file") org.springframework.web.multipart.MultipartFile file, Authentication who)
			throws java.io.IOException {
		String text = new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
		String name = (file.getOriginalFilename() != null)
				? file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT) : "";
		return imported((name.endsWith(".yaml") || name.endsWith(".yml")) ? this.imports.yaml(text, who.getName())
				: this.imports.csv(text, who.getName()));
	}

	private static ResponseEntity<PlanImportReport> imported(PlanImportReport report) {
		if (!report.applied()) {
			return ResponseEntity.unprocessableEntity().body(report);
		}
		return ResponseEntity.created(URI.create("/api/v1/plans/" + report.plan().id())).body(report);
	}

	@PutMapping(path = "/{id}", consumes = "application/json")
	@PreAuthorize("hasRole('ADMIN')")
	Plan update(@PathVariable long id, @RequestBody(required = false) Plan plan) {
		return this.plans.update(id, plan);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.plans.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** Progress over a period (default: the current quarter). */
	@GetMapping("/{id}/progress")
	Progress progress(@PathVariable long id, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @RequestParam(defaultValue = "false") boolean items,
			Authentication who) {
		return this.progress.progress(id, period(period), scope(who), items, unit);
	}

	@GetMapping("/{id}/entries")
	List<Entry> entries(@PathVariable long id) {
		this.plans.get(id);
		return this.entries.list(id);
	}

	@PostMapping(path = "/{id}/entries", consumes = "application/json")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	ResponseEntity<Entry> record(@PathVariable long id, @RequestBody(required = false) EntryInput input,
			Authentication who) {
		Entry entry = this.entries.record(id, input, who.getName(), scope(who));
		return ResponseEntity.created(URI.create("/api/v1/plans/" + id + "/entries/" + entry.id())).body(entry);
	}

	@GetMapping(path = "/{id}/reports/{period}.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@PathVariable long id, @PathVariable String period,
			@RequestParam(required = false) String unit, Authentication who) {
		Progress p = this.progress.progress(id, Period.parse("period", period), scope(who), false, unit);
		return file(this.reports.csv(p), "text/csv;charset=UTF-8", p, "csv");
	}

	@GetMapping(path = "/{id}/reports/{period}.xlsx",
			produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	ResponseEntity<byte[]> xlsx(@PathVariable long id, @PathVariable String period,
			@RequestParam(required = false) String unit, Authentication who) {
		Progress p = this.progress.progress(id, Period.parse("period", period), scope(who), true, unit);
		return file(this.reports.xlsx(p), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", p,
				"xlsx");
	}

	@GetMapping(path = "/{id}/reports/{period}.pdf", produces = "application/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable String period,
			@RequestParam(required = false) String unit, Authentication who) {
		Progress p = this.progress.progress(id, Period.parse("period", period), scope(who), true, unit);
		return file(this.reports.pdf(p), "application/pdf", p, "pdf");
	}

	private static ResponseEntity<byte[]> file(byte[] body, String type, Progress p, String ext) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("bao-cao-ke-hoach-" + p.plan().id() + "-" + p.period().key() + "." + ext)
						.build()
						.toString())
			.body(body);
	}

	private Period period(String key) {
		if (key == null || key.isBlank()) {
			return Period.quarterOf(Plans.today(this.clock));
		}
		return Period.parse("period", key);
	}

	private UnitScope scope(Authentication who) {
		boolean admin = who.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN"));
		return this.units.scopeOf(who.getName(), admin);
	}

}
