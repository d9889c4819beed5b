package vn.loa.channels.bulk;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/publications/{id}/jobs}: where a publication's bulk jobs stand —
 * running, done, or WAITING and why (quiet hours, a spent ZNS quota, an OA to reconnect,
 * a retry) and until when. What they send is not shown here; the rows are in the delivery
 * log.
 */
@RestController
class BulkJobController {

	private final BulkJobs jobs;

	BulkJobController(BulkJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/api/v1/publications/{id}/jobs")
	List<JobState> jobs(@PathVariable long id) {
		return this.jobs.ofPublication(id).stream().map(JobState::of).toList();
	}

	/**
	 * @param waitReason why a WAITING job waits (QUIET_HOURS, QUOTA,
	 * NEEDS_REAUTHORISATION, RETRY), else null
	 * @param resumesAt when a WAITING job looks again, else null
	 */
	record JobState(long id, String channel, String target, BulkJob.State state, String waitReason, Instant resumesAt,
			int batches) {

		static JobState of(BulkJob job) {
			boolean waiting = job.state() == BulkJob.State.WAITING;
			return new JobState(job.id(), job.channel(), job.target(), job.state(), waiting ? job.waitReason() : null,
					waiting ? job.notBefore() : null, job.batches());
		}

	}

}
