package vn.loa.rendering;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.loa.content.ContentService;
import vn.loa.content.ContentVersion;

/**
 * Templates as admins edit them: a save compiles the template and renders it on a sample
 * item first, so an error is reported now, with the template's name and line, never at
 * send time.
 */
@RestController
class TemplateController {

	private final TemplateStore templates;

	private final Renderer renderer;

	private final ContentService contents;

	TemplateController(TemplateStore templates, Renderer renderer, ContentService contents) {
		this.templates = templates;
		this.renderer = renderer;
		this.contents = contents;
	}

	@GetMapping("/api/v1/templates")
	List<TemplateStore.TemplateInfo> list() {
		return this.templates.list();
	}

	@GetMapping("/api/v1/templates/{channel}/{name}")
	Map<String, String> get(@PathVariable String channel, @PathVariable String name) {
		String source = this.templates.source(channel, name);
		return Map.of("channel", channel, "name", name, "version", TemplateStore.version(source), "source", source);
	}

	@PutMapping("/api/v1/templates/{channel}/{name}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Rendition> save(@PathVariable String channel, @PathVariable String name,
			@Valid @RequestBody TemplateSource body) {
		Rendition sample = this.renderer.preview(SampleContent.ITEM, channel, name, body.source(), Map.of(), Map.of());
		this.templates.save(channel, name, body.source());
		return ResponseEntity.created(URI.create("/api/v1/templates/" + channel + "/" + name)).body(sample);
	}

	@PostMapping("/api/v1/templates/{channel}/{name}/preview")
	Rendition preview(@PathVariable String channel, @PathVariable String name,
			@RequestBody(required = false) PreviewRequest request) {
		ContentVersion content = (request != null && request.contentId() != null)
				? this.contents.version(request.contentId(), this.contents.get(request.contentId()).currentVersion())
				: SampleContent.ITEM;
		String source = (request != null && request.source() != null) ? request.source()
				: this.templates.source(channel, name);
		Map<String, String> options = (request != null && request.options() != null) ? request.options() : Map.of();
		return this.renderer.preview(content, channel, name, source, Map.of(), options);
	}

	record TemplateSource(@NotNull @Size(max = 100_000) String source) {
	}

	record PreviewRequest(Long contentId, String source, Map<String, String> options) {
	}

	@RestControllerAdvice(assignableTypes = {})
	static class TemplateProblems {

		@ExceptionHandler(TemplateProblem.class)
		ResponseEntity<ProblemDetail> problem(TemplateProblem ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
			problem.setTitle("Template error");
			problem.setProperty("template", ex.template());
			problem.setProperty("line", ex.line());
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
		}

	}

}
