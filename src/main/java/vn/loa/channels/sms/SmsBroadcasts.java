package vn.loa.channels.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import vn.loa.audience.SegmentSpec;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;

import org.springframework.stereotype.Component;

/** The SMS channel's broadcast jobs: bulk jobs of channel {@code sms}. */
@Component
public class SmsBroadcasts {

	private final BulkJobs jobs;

	SmsBroadcasts(BulkJobs jobs) {
		this.jobs = jobs;
	}

	/**
	 * Creates the job for a dispatch, once: a repeated dispatch of the same publication
	 * and target finds the job it made before.
	 */
	public long enqueue(long publicationId, String target, SegmentSpec segment, String body, String templateVersion,
			boolean urgent, Instant notBefore) {
		return this.jobs.enqueue(SmsChannel.ID, publicationId, target, segment, body, templateVersion, urgent,
				notBefore);
	}

	/** Jobs that may run now and whose lease is free or expired. */
	List<Long> runnable(int limit) {
		return this.jobs.runnable(List.of(SmsChannel.ID), limit);
	}

	public Optional<BulkJob> find(long id) {
		return this.jobs.find(id);
	}

	/** Stops a publication's broadcasts between batches. */
	public boolean cancel(long publicationId) {
		return this.jobs.cancel(publicationId);
	}

}
