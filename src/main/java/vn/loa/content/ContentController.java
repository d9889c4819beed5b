package vn.loa.content;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class ContentController {

	private final ContentService contents;

	private final ContentImages images;

	ContentController(ContentService contents, ContentImages images) {
		this.contents = contents;
		this.images = images;
	}

	@GetMapping("/api/v1/contents")
	List<ContentItem> list(@RequestParam(required = false) ReviewState state,
			@RequestParam(required = false) String topic, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "0") int offset) {
		return this.contents.list(state, topic, limit, offset);
	}

	@PostMapping("/api/v1/contents")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	ResponseEntity<ContentItem> create(@Valid @RequestBody ContentDraft draft, Principal principal) {
		ContentItem item = this.contents.create(draft, principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/contents/" + item.id())).body(item);
	}

	@GetMapping("/api/v1/contents/{id}")
	ContentItem get(@PathVariable long id) {
		return this.contents.get(id);
	}

	@PutMapping("/api/v1/contents/{id}")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	ContentItem update(@PathVariable long id, @Valid @RequestBody ContentDraft draft, Principal principal) {
		return this.contents.update(id, draft, principal.getName());
	}

	@PostMapping("/api/v1/contents/{id}/submit")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	ContentItem submit(@PathVariable long id, Principal principal) {
		return this.contents.submit(id, principal.getName());
	}

	@PostMapping("/api/v1/contents/{id}/approve")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	ContentItem approve(@PathVariable long id, Principal principal) {
		return this.contents.approve(id, principal.getName());
	}

	@PostMapping("/api/v1/contents/{id}/reject")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	ContentItem reject(@PathVariable long id, @RequestBody(required = false) Reason reason, Principal principal) {
		return this.contents.reject(id, principal.getName(), Reason.text(reason));
	}

	@PostMapping("/api/v1/contents/{id}/withdraw")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	ContentItem withdraw(@PathVariable long id, @RequestBody(required = false) Reason reason, Principal principal) {
		return this.contents.withdraw(id, principal.getName(), Reason.text(reason));
	}

	@GetMapping("/api/v1/contents/{id}/versions")
	List<ContentVersion> versions(@PathVariable long id) {
		return this.contents.versions(id);
	}

	@GetMapping("/api/v1/contents/{id}/history")
	List<AuditEvent> history(@PathVariable long id) {
		return this.contents.history(id);
	}

	@PostMapping(path = "/api/v1/contents/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	ResponseEntity<ImageRef> upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "") String alt, Principal principal) throws IOException {
		this.contents.get(id);
		ImageRef image = this.images.store(id, file.getBytes(), alt, principal.getName());
		return ResponseEntity.created(URI.create(image.path())).body(image);
	}

	@GetMapping("/media/{fileName}")
	ResponseEntity<Resource> media(@PathVariable String fileName) throws IOException {
		Path path = this.images.file(fileName).orElse(null);
		if (path == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Files.probeContentType(path) != null ? Files.probeContentType(path)
					: MediaType.APPLICATION_OCTET_STREAM_VALUE))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
			.body(new FileSystemResource(path));
	}

	record Reason(String reason) {

		static String text(Reason reason) {
			return (reason != null && reason.reason() != null) ? reason.reason() : "";
		}

	}

}
