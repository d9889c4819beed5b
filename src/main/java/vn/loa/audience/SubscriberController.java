package vn.loa.audience;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.loa.common.Problems;

/** Officers manage SMS subscribers: list by area and topic, add one, import a CSV. */
@RestController
@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
@RequestMapping("/api/v1/subscribers")
class SubscriberController {

	private final Subscribers subscribers;

	SubscriberController(Subscribers subscribers) {
		this.subscribers = subscribers;
	}

	/**
	 * A page of subscribers in id order; pass {@code nextAfter} of the answer as
	 * {@code after} to get the next page.
	 */
	@GetMapping
	SubscriberPage list(@RequestParam(required = false) List<String> area, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new FieldException("limit", "must be between 1 and 1000");
		}
		SegmentSpec spec = spec(area, topic);
		List<SubscriberView> items = this.subscribers.list(spec, after, limit)
			.stream()
			.map(SubscriberView::of)
			.toList();
		Long nextAfter = (items.size() == limit) ? items.get(items.size() - 1).id() : null;
		return new SubscriberPage(items, nextAfter);
	}

	@GetMapping("/{phone}")
	SubscriberView get(@PathVariable String phone) {
		return this.subscribers.find(phone)
			.map(SubscriberView::of)
			.orElseThrow(() -> Problems.notFound("Subscriber", phone));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	SubscriberView add(@Valid @RequestBody NewSubscriber request) {
		return SubscriberView.of(this.subscribers.subscribe(request.phone(), request.area(),
				(request.topics() != null) ? request.topics() : Set.of(), request.language(), request.source()));
	}

	@PostMapping("/{phone}/opt-out")
	SubscriberView optOut(@PathVariable String phone, @RequestParam(defaultValue = "officer") String source) {
		this.subscribers.optOut(phone, source);
		return SubscriberView.of(this.subscribers.find(phone).orElseThrow());
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	SubscriberImportReport importFile(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String source) throws IOException {
		try (InputStream csv = file.getInputStream()) {
			return this.subscribers.importCsv(csv, (source != null) ? source : file.getOriginalFilename());
		}
	}

	@PostMapping(path = "/import",
			consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	SubscriberImportReport importBody(InputStream csv, @RequestParam(required = false) String source) {
		return this.subscribers.importCsv(csv, source);
	}

	static SegmentSpec spec(List<String> area, String topic) {
		try {
			return new SegmentSpec(area, topic);
		}
		catch (IllegalArgumentException ex) {
			throw new FieldException((topic != null && ex.getMessage().startsWith("topic")) ? "topic" : "area",
					ex.getMessage());
		}
	}

	/**
	 * @param phone a Vietnamese mobile number in any spelling
	 * @param area area path, e.g. {@code 48.490.20194}
	 * @param topics topics followed
	 * @param language language tag, {@code vi} when absent
	 * @param source where the consent came from
	 */
	record NewSubscriber(@NotBlank String phone, String area, Set<String> topics, String language, String source) {
	}

	record SubscriberPage(List<SubscriberView> items, Long nextAfter) {
	}

	record SubscriberView(long id, String phone, String area, Set<String> topics, String language, String optInSource,
			Instant optedInAt, boolean optedOut, Instant optedOutAt, String optOutSource) {

		static SubscriberView of(Subscriber s) {
			return new SubscriberView(s.id(), s.phone(), s.areaCode(), s.topics(), s.language(), s.optInSource(),
					s.optedInAt(), s.optedOut(), s.optedOutAt(), s.optOutSource());
		}

	}

}
