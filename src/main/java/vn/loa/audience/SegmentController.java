package vn.loa.audience;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.common.Problems;

/** Saved segments with how many numbers each reaches. */
@RestController
@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
@RequestMapping("/api/v1/segments")
class SegmentController {

	private final Segments segments;

	private final Subscribers subscribers;

	SegmentController(Segments segments, Subscribers subscribers) {
		this.segments = segments;
		this.subscribers = subscribers;
	}

	@GetMapping
	List<SegmentView> list() {
		return this.segments.list().stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	SegmentView get(@PathVariable long id) {
		return this.segments.find(id).map(this::view).orElseThrow(() -> Problems.notFound("Segment", id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SegmentView create(@Valid @RequestBody NewSegment request) {
		SubscriberController.spec(request.areaPrefixes(), request.topic());
		return view(this.segments.create(request.name(), request.areaPrefixes(), request.topic()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		return this.segments.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	private SegmentView view(Segment segment) {
		RecipientCount count = this.subscribers.count(segment.spec());
		return new SegmentView(segment.id(), segment.name(), segment.areaPrefixes(), segment.topic(), count.total(),
				count.optedOut(), count.reachable());
	}

	/**
	 * @param name unique name
	 * @param areaPrefixes area paths such as {@code 48} or {@code 48.490}; none means
	 * every area
	 * @param topic topic, or none for every subscriber
	 */
	record NewSegment(@NotBlank @Size(max = 100) String name, List<String> areaPrefixes, String topic) {
	}

	/**
	 * @param recipients subscribers in the segment
	 * @param optedOut of which opted out (logged as skipped when broadcasting)
	 * @param reachable numbers a broadcast sends to
	 */
	record SegmentView(long id, String name, List<String> areaPrefixes, String topic, long recipients, long optedOut,
			long reachable) {
	}

}
