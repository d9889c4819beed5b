package vn.loa.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkStops;
import vn.loa.units.Units;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A publication's bulk jobs: {@code GET /api/v1/publications/{id}/jobs} says where they
 * stand — running, done, stopped, or WAITING and why (quiet hours, a spent ZNS quota, an
 * OA to reconnect, a retry) and until when; {@code POST /api/v1/publications/{id}/stop}
 * stops those still going out. What they send is not shown here; the rows are in the
 * delivery log. Both are narrowed to the officer's units like the publication itself.
 */
@RestController
class PublicationJobsController {

	private final PublicationService publications;

	private final BulkJobs jobs;

	private final Units units;

	PublicationJobsController(PublicationService publications, BulkJobs jobs, Units units) {
		this.publications = publications;
		this.jobs = jobs;
		this.units = units;
	}

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

	private vn.loa.units.UnitScope scope(Authentication user) {
		boolean admin = user.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN"));
		return this.units.scopeOf(user.getName(), admin);
	}

	/**
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

}
