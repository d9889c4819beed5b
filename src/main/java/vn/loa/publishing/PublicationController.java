package vn.loa.publishing;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkStops;
import vn.loa.content.ContentService;
import vn.loa.rendering.Renderer;
import vn.loa.rendering.Rendition;

@RestController
class PublicationController {

	private final PublicationService publications;

	private final ChannelRegistry channels;

	private final ContentService contents;

	private final Renderer renderer;

	private final vn.loa.units.Units units;

	private final BulkJobs jobs;

	PublicationController(PublicationService publications, ChannelRegistry channels, ContentService contents,
			Renderer renderer, vn.loa.units.Units units, BulkJobs jobs) {
		this.units = units;
		this.jobs = jobs;
		this.publications = publications;
		this.channels = channels;
		this.contents = contents;
		this.renderer = renderer;
	}

	@PostMapping("/api/v1/publications")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	ResponseEntity<Publication> create(@Valid @RequestBody PublicationRequest request, Authentication user) {
		Publication publication = this.publications.create(request, actor(user));
		return ResponseEntity.created(URI.create("/api/v1/publications/" + publication.id())).body(publication);
	}

	@GetMapping("/api/v1/publications")
	List<Publication> list(@RequestParam(required = false) PublicationState state,
			@RequestParam(required = false) Long contentId, @RequestParam(defaultValue = "50") int limit,
			Authentication user) {
		return this.publications.list(state, contentId, limit, scope(user));
	}

	@GetMapping("/api/v1/publications/{id}")
	Publication get(@PathVariable long id, Authentication user) {
		return this.publications.get(id, scope(user));
	}

	@PostMapping("/api/v1/publications/{id}/approve")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	Publication approve(@PathVariable long id, Authentication user) {
		this.publications.get(id, scope(user));
		return this.publications.approve(id, user.getName());
	}

	@PostMapping("/api/v1/publications/{id}/cancel")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	Publication cancel(@PathVariable long id, Authentication user) {
		this.publications.get(id, scope(user));
		return this.publications.cancel(id, user.getName());
	}

	/**
	 * Moves a publication not yet sent to another time; the body names it as
	 * {@code scheduledAt}, e.g. {@code 2026-12-01T08:00:00+07:00}.
	 */
	/** Sends again, in one action, the rows that may safely be sent again. */
	@PostMapping("/api/v1/publications/{id}/retry")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	java.util.Map<String, Integer> retry(@PathVariable long id, Authentication user) {
		this.publications.get(id, scope(user));
		return java.util.Map.of("retried", this.publications.retry(id, user.getName()));
	}

	/**
	 * Where the publication's bulk jobs stand: running, done, stopped, or WAITING and why
	 * (quiet hours, a spent ZNS quota, an OA to reconnect, a retry) and until when. What
	 * they send is not shown here; the rows are in the delivery log.
	 */
	@GetMapping("/api/v1/publications/{id}/jobs")
	List<JobState> jobs(@PathVariable long id, Authentication user) {
		this.publications.get(id, scope(user));
		return this.jobs.ofPublication(id).stream().map(JobState::of).toList();
	}

	/**
	 * Stops the publication's broadcasts going out: 200 with the channels stopped and how
	 * many rows written were left unsent, 409 when none is going out.
	 */
	@PostMapping("/api/v1/publications/{id}/stop")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	Map<String, Object> stop(@PathVariable long id, Authentication user) {
		this.publications.get(id, scope(user));
		BulkStops.Stopped stopped = this.publications.stop(id, user.getName());
		return Map.of("stopped", stopped.channels(), "skipped", stopped.skipped());
	}

	/**
	 * A bulk job as {@code /jobs} shows it.
	 *
	 * @param waitReason why a WAITING job waits (QUIET_HOURS, QUOTA,
	 * NEEDS_REAUTHORISATION, RETRY), else null
	 * @param resumesAt when a WAITING job looks again, else null
	 * @param stoppedBy who stopped a job while it went out, else null
	 * @param stoppedAt when, else null
	 */
	record JobState(long id, String channel, String target, BulkJob.State state, String waitReason, Instant resumesAt,
			int batches, String stoppedBy, Instant stoppedAt) {

		static JobState of(BulkJob job) {
			boolean waiting = job.state() == BulkJob.State.WAITING;
			return new JobState(job.id(), job.channel(), job.target(), job.state(), waiting ? job.waitReason() : null,
					waiting ? job.notBefore() : null, job.batches(), job.stoppedBy(), job.stoppedAt());
		}

	}

	@PostMapping("/api/v1/publications/{id}/reschedule")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	Publication reschedule(@PathVariable long id, @RequestBody RescheduleRequest request, Authentication user) {
		this.publications.get(id, scope(user));
		return this.publications.reschedule(id, request.scheduledAt(), user.getName());
	}

	/**
	 * @param scheduledAt the new time, with its offset
	 */
	record RescheduleRequest(OffsetDateTime scheduledAt) {
	}

	@GetMapping("/api/v1/channels")
	List<Map<String, Object>> channels() {
		return this.channels.all()
			.stream()
			.map(c -> Map.<String, Object>of("id", c.id(), "label", c.label(), "enabled", c.enabled(), "mode", c.mode(),
					"template", c.template(), "defaultTargets", c.defaultTargets()))
			.toList();
	}

	/** The current version of an item as the channel would send it, with its metrics. */
	@GetMapping("/api/v1/contents/{id}/renditions/{channel}")
	Rendition rendition(@PathVariable long id, @PathVariable String channel,
			@RequestParam(required = false) String template, @RequestParam Map<String, String> options) {
		ChannelDescriptor descriptor = this.channels.find(channel)
			.orElseThrow(() -> vn.loa.common.Problems.notFound("Channel", channel));
		var item = this.contents.get(id);
		return this.renderer.render(this.contents.version(id, item.currentVersion()), channel,
				(template != null) ? template : descriptor.template(), Map.of(), options);
	}

	static PublicationService.Actor actor(Authentication user) {
		boolean approver = user.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_APPROVER") || a.getAuthority().equals("ROLE_ADMIN"));
		return new PublicationService.Actor(user.getName(), approver, admin(user));
	}

	private vn.loa.units.UnitScope scope(Authentication user) {
		return this.units.scopeOf(user.getName(), admin(user));
	}

	private static boolean admin(Authentication user) {
		return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
	}

}
