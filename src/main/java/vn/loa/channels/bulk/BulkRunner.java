package vn.loa.channels.bulk;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.audience.Recipient;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryLog.BulkResult;
import vn.loa.deliverylog.DeliveryLog.Claimed;
import vn.loa.deliverylog.DeliveryLog.NewDelivery;
import vn.loa.deliverylog.DeliveryLog.Retry;
import vn.loa.deliverylog.DeliveryStatus;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs bulk jobs for every bulk channel. A job streams its channel's recipients
 * ({@link BulkChannel#recipients}: a segment's subscribers, the OA's followers) in keyset
 * batches; per batch it (1) writes the rows in bulk and takes the PENDING ones as SENDING
 * in one transaction, (2) sends each through the channel, (3) records every answer in
 * bulk and advances the cursor in one transaction. A node that dies after (1) leaves rows
 * in SENDING; whoever resumes the job turns them into TECHNICAL_FAILURE "unknown outcome"
 * and never sends them again, because the provider may have taken them. A node that dies
 * after (3) leaves nothing to repair. Re-reading a batch finds its rows and sends only
 * those still PENDING, so no recipient gets a second row or a second message.
 *
 * <p>
 * A node told to stop (SIGTERM closes the context) does not die that way: no provider
 * call starts after the signal, senders waiting for a pacing slot wake at once, the calls
 * in flight finish, the batch is recorded with its unsent rows given back as PENDING (the
 * batch row says HANDED_BACK and how many), the cursor stays before the batch and the
 * lease is released, so another node resumes at once and sends each given-back row once.
 */
@Component
public class BulkRunner implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BulkRunner.class);

	private final BulkJobs jobs;

	private final DeliveryLog deliveryLog;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ObjectProvider<BulkCheckpoint> checkpoints;

	private final BulkProperties settings;

	private final Map<String, ExecutorService> senders = new ConcurrentHashMap<>();

	private final AtomicInteger active = new AtomicInteger();

	private final Object idle = new Object();

	private final BulkStop stop = new BulkStop();

	private final String node;

	private volatile boolean running;

	BulkRunner(BulkJobs jobs, DeliveryLog deliveryLog, Clock clock, TransactionTemplate transactions,
			ObjectProvider<BulkCheckpoint> checkpoints, BulkProperties settings) {
		this.jobs = jobs;
		this.deliveryLog = deliveryLog;
		this.clock = clock;
		this.transactions = transactions;
		this.checkpoints = checkpoints;
		this.settings = settings;
		this.node = nodeName();
	}

	/** This node's name in leases and batch records. */
	public String node() {
		return this.node;
	}

	/** Whether this node was told to stop; channels stop polling for jobs then. */
	public boolean stopping() {
		return this.stop.requested();
	}

	/** Runs the channel's runnable jobs one after the other. */
	public void runRunnable(BulkChannel channel, int limit) {
		for (long id : this.jobs.runnable(List.of(channel.channel()), limit)) {
			if (stopping()) {
				return;
			}
			run(id, channel, BulkPacing.CHANNEL);
		}
	}

	/**
	 * Runs one job until it is done, waits (quiet hours, quota, retry backoff), is
	 * cancelled, the node stops, or another node holds it. Returns whether this node ran
	 * it.
	 */
	public boolean run(long jobId, BulkChannel channel, BulkPacing pacing) {
		if (stopping()) {
			return false;
		}
		Duration lease = channel.settings().lease();
		if (!this.jobs.lease(jobId, this.node, lease)) {
			return false;
		}
		this.active.incrementAndGet();
		try {
			BulkJob job = this.jobs.find(jobId).orElse(null);
			if (job == null || job.state().ended()) {
				this.jobs.release(jobId, this.node);
				return true;
			}
			int unknown = this.deliveryLog.expireSending(job.publicationId(), channel.channel(),
					channel.unknownOutcome());
			int interrupted = this.jobs.interruptOpenBatches(jobId);
			if (unknown > 0 || interrupted > 0) {
				log.warn("Bulk job {} ({}) resumed: {} messages of a stopped run have an unknown outcome and are not "
						+ "re-sent ({} batches interrupted)", jobId, channel.channel(), unknown, interrupted);
			}
			channel.resume(job);
			this.jobs.markRunning(jobId);
			BulkRun run = new BulkRun(this.stop, pacing);
			while (true) {
				if (stopping()) {
					log.info("Bulk job {} handed on: this node is stopping", jobId);
					break;
				}
				job = this.jobs.find(jobId).orElse(null);
				if (job == null || job.state() == BulkJob.State.CANCELLED) {
					break;
				}
				Instant now = this.clock.instant();
				Optional<BulkChannel.Wait> wait = channel.waitBeforeSending(job, now);
				if (wait.isPresent() && wait.get().until().isAfter(now)) {
					log.info("Bulk job {} waits until {} ({})", jobId, wait.get().until(), wait.get().reason());
					this.jobs.waitUntil(jobId, wait.get().until(), wait.get().reason());
					break;
				}
				List<BulkRecipient> batch = channel.recipients(job, job.cursor(), channel.settings().batchSize());
				if (!batch.isEmpty()) {
					runBatch(channel, job, batch, run);
				}
				else {
					Instant next = retry(channel, job, run);
					if (stopping()) {
						continue;
					}
					if (next == null) {
						channel.afterBatch(job, run);
						if (stopping()) {
							continue;
						}
						this.jobs.finish(jobId);
						log.info("Bulk job {} ({}) of publication {} finished after {} batches", jobId,
								channel.channel(), job.publicationId(), job.batches());
						break;
					}
					if (next.isAfter(this.clock.instant())) {
						this.jobs.waitUntil(jobId, next, "RETRY");
						break;
					}
				}
				if (!this.jobs.lease(jobId, this.node, lease)) {
					return true;
				}
			}
			this.jobs.release(jobId, this.node);
			return true;
		}
		catch (BulkCheckpoint.SimulatedCrash crash) {
			// A dead node releases nothing: the lease runs out and another run resumes.
			throw crash;
		}
		catch (RuntimeException ex) {
			log.error("Bulk job {} stopped; it resumes at its cursor on the next run", jobId, ex);
			this.jobs.release(jobId, this.node);
			return true;
		}
		finally {
			if (this.active.decrementAndGet() == 0) {
				synchronized (this.idle) {
					this.idle.notifyAll();
				}
			}
		}
	}

	private void runBatch(BulkChannel channel, BulkJob job, List<BulkRecipient> batch, BulkRun run) {
		List<NewDelivery> rows = new ArrayList<>(batch.size());
		List<String> reachable = new ArrayList<>(batch.size());
		Map<String, Recipient> subscribers = new HashMap<>();
		for (BulkRecipient recipient : batch) {
			rows.add(recipient.row());
			if (recipient.reachable()) {
				reachable.add(recipient.target());
			}
			if (recipient.subscriber() != null) {
				subscribers.put(recipient.target(), recipient.subscriber());
			}
		}
		long last = batch.get(batch.size() - 1).key();
		record Opened(List<Claimed> claimed, long batchId) {
		}
		Opened opened = this.transactions.execute((status) -> {
			this.deliveryLog.insertBatch(job.publicationId(), channel.channel(), channel.provider(),
					job.templateVersion(), rows);
			List<Claimed> claimed = this.deliveryLog.claimPending(job.publicationId(), channel.channel(), reachable);
			return new Opened(claimed, this.jobs.openBatch(job.id(), job.cursor(), last, this.node, claimed.size()));
		});
		checkpoint("claimed", job.id());
		List<BulkResult> results = send(channel, job, opened.claimed(), subscribers, run);
		checkpoint("sent", job.id());
		int handedBack = (int) results.stream().filter(BulkResult::handedBack).count();
		this.transactions.executeWithoutResult((status) -> {
			this.deliveryLog.recordBatch(results, DeliveryStatus.PENDING);
			channel.recorded(job, results);
			if (handedBack == 0) {
				this.jobs.advance(job.id(), last);
			}
			this.jobs.closeBatch(opened.batchId(), handedBack);
		});
		if (handedBack > 0) {
			log.info("Bulk job {}: batch after subscriber {} handed back {} of {} rows unsent", job.id(), job.cursor(),
					handedBack, results.size());
		}
		checkpoint("recorded", job.id());
		if (!stopping()) {
			channel.afterBatch(job, run);
		}
	}

	/** Sends the due retries; returns when to look again, or null when none wait. */
	private Instant retry(BulkChannel channel, BulkJob job, BulkRun run) {
		if (channel.retryCode() == null) {
			return null;
		}
		List<Retry> waiting = this.deliveryLog.waitingRetries(job.publicationId(), channel.channel(),
				channel.retryCode(), channel.settings().batchSize());
		if (waiting.isEmpty()) {
			return null;
		}
		BulkRetry policy = channel.retry();
		Instant now = this.clock.instant();
		List<Retry> exhausted = new ArrayList<>();
		List<Retry> due = new ArrayList<>();
		Instant next = null;
		for (Retry retry : waiting) {
			Instant at = retry.lastAttemptAt().plus(policy.backoff(retry.attempts()));
			if (retry.attempts() >= policy.maxAttempts()) {
				exhausted.add(retry);
			}
			else if (!at.isAfter(now)) {
				due.add(retry);
			}
			else if (next == null || at.isBefore(next)) {
				next = at;
			}
		}
		if (!exhausted.isEmpty()) {
			this.deliveryLog.exhaust(exhausted, channel::exhausted);
		}
		if (!due.isEmpty()) {
			List<Claimed> claimed = this.deliveryLog.claimRetries(due);
			List<BulkResult> results = send(channel, job, claimed, Map.of(), run);
			this.transactions.executeWithoutResult((status) -> {
				this.deliveryLog.recordBatch(results, DeliveryStatus.TEMPORARY_FAILURE);
				channel.recorded(job, results);
			});
			if (!stopping()) {
				channel.afterBatch(job, run);
			}
		}
		return (!exhausted.isEmpty() || !due.isEmpty()) ? now : next;
	}

	/** Sends claimed rows in parallel on the channel's senders. */
	public List<BulkResult> send(BulkChannel channel, BulkJob job, List<Claimed> claimed,
			Map<String, Recipient> recipients, BulkRun run) {
		ExecutorService pool = senders(channel);
		List<Future<BulkResult>> futures = new ArrayList<>(claimed.size());
		for (Claimed row : claimed) {
			futures.add(pool.submit(() -> channel.send(job, row, recipients.get(row.target()), run)));
		}
		List<BulkResult> results = new ArrayList<>(futures.size());
		for (int i = 0; i < futures.size(); i++) {
			try {
				results.add(futures.get(i).get());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while sending a bulk batch", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Sending failed unexpectedly", ex.getCause());
			}
		}
		return results;
	}

	/** The run context for sends outside a job loop (a channel's own fallbacks). */
	public BulkRun currentRun(BulkPacing pacing) {
		return new BulkRun(this.stop, pacing);
	}

	private ExecutorService senders(BulkChannel channel) {
		return this.senders.computeIfAbsent(channel.channel(), (name) -> {
			AtomicInteger threads = new AtomicInteger();
			return Executors.newFixedThreadPool(Math.max(1, channel.settings().senders()), (runnable) -> {
				Thread thread = new Thread(runnable, name + "-sender-" + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		});
	}

	private void checkpoint(String point, long jobId) {
		this.checkpoints.getIfAvailable(() -> BulkCheckpoint.NONE).reached(point, jobId);
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * The node is stopping: no new provider call, paced senders wake, and the runs in
	 * progress record their batch and release their leases before the database goes.
	 */
	@Override
	public void stop() {
		this.stop.request();
		long deadline = System.nanoTime() + this.settings.stopTimeout().toNanos();
		synchronized (this.idle) {
			while (this.active.get() > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					log.warn("{} bulk runs did not hand their jobs on within {}; their leases run out instead",
							this.active.get(), this.settings.stopTimeout());
					break;
				}
				try {
					this.idle.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops before the web server and the schedulers, while the database is there. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	@Override
	public void destroy() {
		this.senders.values().forEach(ExecutorService::shutdownNow);
	}

	private static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "unknown";
		}
		return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

}
