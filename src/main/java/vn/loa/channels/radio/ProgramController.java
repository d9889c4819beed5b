package vn.loa.channels.radio;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.channels.radio.RadioPrograms.Program;
import vn.loa.channels.radio.RadioPrograms.ProgramRequest;
import vn.loa.common.Problems;

/**
 * {@code /api/v1/programs}: assemble a radio program from approved items and see how its
 * reading time compares with its target. The program is then submitted, approved and
 * published like any content item (its {@code contentId}).
 */
@RestController
class ProgramController {

	private final RadioPrograms programs;

	ProgramController(RadioPrograms programs) {
		this.programs = programs;
	}

	@PostMapping(path = "/api/v1/programs", consumes = "application/json")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	ResponseEntity<Program> create(@RequestBody ProgramBody body, Authentication user) {
		Program program = this.programs.create(new ProgramRequest(body.title(), body.contentIds(), body.targetMinutes(),
				body.targetSeconds(), body.wordsPerMinute(), body.airDate()), user.getName());
		return ResponseEntity.created(URI.create("/api/v1/programs/" + program.id())).body(program);
	}

	@GetMapping("/api/v1/programs")
	List<Program> list(@RequestParam(defaultValue = "50") int limit) {
		return this.programs.list(limit);
	}

	@GetMapping("/api/v1/programs/{id}")
	Program get(@PathVariable long id) {
		return this.programs.get(id).orElseThrow(() -> Problems.notFound("Program", id));
	}

	record ProgramBody(String title, List<Long> contentIds, Double targetMinutes, Integer targetSeconds,
			Integer wordsPerMinute, java.time.LocalDate airDate) {
	}

}
