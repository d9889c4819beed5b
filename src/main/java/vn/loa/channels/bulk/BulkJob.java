package vn.loa.channels.bulk;

import java.time.Instant;

import vn.loa.audience.SegmentSpec;

/**
 * One bulk job: a publication's delivery to one target (a segment of subscribers, the
 * OA's followers) through one channel.
 *
 * @param payload what the channel sends every recipient (the SMS text, the ZNS data)
 * @param cursor the last recipient key ({@link BulkRecipient#key}) handed to a batch (the
 * batches record how each range ended)
 * @param waitReason why a WAITING job waits, or null
 * @param stoppedBy the officer who stopped the job while it went out, or null
 * @param stoppedAt when they stopped it, or null
 */
public record BulkJob(long id, String channel, long publicationId, String target, SegmentSpec segment, String payload,
		String templateVersion, boolean urgent, State state, long cursor, Instant notBefore, int batches,
		String waitReason, String stoppedBy, Instant stoppedAt) {

	public enum State {

		QUEUED, RUNNING, WAITING, DONE, CANCELLED;

		public boolean ended() {
			return this == DONE || this == CANCELLED;
		}

	}

}
