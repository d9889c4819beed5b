package vn.loa.channels.bulk;

import java.time.Duration;

/**
 * How a channel's jobs stream their recipients.
 *
 * @param batchSize recipients read, written and sent per batch
 * @param senders parallel provider calls inside a batch (the pacer still limits the rate)
 * @param lease how long a node holds a job without renewing it (renewed every batch);
 * when a node dies, another resumes the job after this
 */
public record BulkSettings(int batchSize, int senders, Duration lease) {

}
