package vn.loa.channels.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's heartbeat: renews the leases of the batches and jobs it is working, a few
 * times per lease, from one thread of its own, so that a batch that takes longer than its
 * lease (a paced channel shared by several nodes) stays this node's, and a node that dies
 * stops renewing at once. A node that cannot reach the database for longer than a lease
 * loses its ranges to other nodes; what it then records is ignored for rows they took
 * over.
 */
final class BulkLeases {

	private static final Logger log = LoggerFactory.getLogger(BulkLeases.class);

	private static final long TICK_MILLIS = 100;

	private final BulkJobs jobs;

	private final String node;

	private final Map<Long, Held> batches = new ConcurrentHashMap<>();

	private final Map<Long, Held> jobLeases = new ConcurrentHashMap<>();

	private ScheduledExecutorService heartbeat;

	BulkLeases(BulkJobs jobs, String node) {
		this.jobs = jobs;
		this.node = node;
	}

	private static final class Held {

		final Duration lease;

		volatile long renewedAt = System.nanoTime();

		Held(Duration lease) {
			this.lease = lease;
		}

		boolean due(long now) {
			return now - this.renewedAt > this.lease.toNanos() / 4;
		}

	}

	synchronized void start() {
		if (this.heartbeat != null) {
			return;
		}
		this.heartbeat = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "bulk-lease-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		this.heartbeat.scheduleWithFixedDelay(this::renew, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
	}

	synchronized void stop() {
		if (this.heartbeat != null) {
			this.heartbeat.shutdownNow();
			this.heartbeat = null;
		}
	}

	void holdBatch(long batchId, Duration lease) {
		this.batches.put(batchId, new Held(lease));
	}

	void dropBatch(long batchId) {
		this.batches.remove(batchId);
	}

	void holdJob(long jobId, Duration lease) {
		this.jobLeases.put(jobId, new Held(lease));
	}

	void dropJob(long jobId) {
		this.jobLeases.remove(jobId);
	}

	private void renew() {
		long now = System.nanoTime();
		try {
			Map<Duration, List<Long>> due = new java.util.HashMap<>();
			this.batches.forEach((id, held) -> {
				if (held.due(now)) {
					due.computeIfAbsent(held.lease, (key) -> new ArrayList<>()).add(id);
				}
			});
			for (Map.Entry<Duration, List<Long>> entry : due.entrySet()) {
				this.jobs.renewBatches(entry.getValue(), this.node, entry.getKey());
				entry.getValue().forEach((id) -> {
					Held held = this.batches.get(id);
					if (held != null) {
						held.renewedAt = now;
					}
				});
			}
			this.jobLeases.forEach((id, held) -> {
				if (held.due(now)) {
					this.jobs.lease(id, this.node, held.lease);
					held.renewedAt = now;
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not renew this node's bulk leases: {}", ex.toString());
		}
	}

}
