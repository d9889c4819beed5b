package vn.loa.channels.bulk;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
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

	private final BulkLeases leases;

	private final BulkMetrics metrics;

	private volatile boolean running;

	BulkRunner(BulkJobs jobs, DeliveryLog deliveryLog, Clock clock, TransactionTemplate transactions,
			ObjectProvider<BulkCheckpoint> checkpoints, BulkProperties settings, MeterRegistry meters) {
		this.jobs = jobs;
		this.deliveryLog = deliveryLog;
		this.clock = clock;
		this.transactions = transactions;
		this.checkpoints = checkpoints;
		this.settings = settings;
		this.node = nodeName();
		this.leases = new BulkLeases(jobs, this.node);
		this.metrics = new BulkMetrics(meters);
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
	 * Works one job until it is done, waits (quiet hours, quota, retry backoff), is
	 * cancelled, the node stops, or nothing of it is left for this node. Batch by batch
	 * it takes over a range nobody works any more or carves the next one; other nodes do
	 * the same at once, so several nodes share the job. The node that finds no range left
	 * and takes the job's lease ends it: retries, then DONE. Returns false when the node
	 * is stopping or another node is ending the job.
	 */
	public boolean run(long jobId, BulkChannel channel, BulkPacing pacing) {
		if (stopping()) {
			return false;
		}
		BulkJob job = this.jobs.find(jobId).orElse(null);
		if (job == null || job.state().ended()) {
			return true;
		}
		Duration lease = channel.settings().lease();
		boolean ending = false;
		boolean worked = false;
		this.active.incrementAndGet();
		try {
			this.jobs.markRunning(jobId);
			BulkRun run = new BulkRun(this.stop, pacing);
			// A job reopened for a retry sends only the rows an approver reopened.
			boolean streamed = this.jobs.streamed(jobId);
			while (true) {
				if (stopping()) {
					log.info("Bulk job {} handed on: this node is stopping", jobId);
					break;
				}
				job = this.jobs.find(jobId).orElse(null);
				if (job == null || job.state().ended()) {
					break;
				}
				Instant now = this.clock.instant();
				Optional<BulkChannel.Wait> wait = channel.waitBeforeSending(job, now);
				if (wait.isPresent() && wait.get().until().isAfter(now)) {
					log.info("Bulk job {} waits until {} ({})", jobId, wait.get().until(), wait.get().reason());
					this.jobs.waitUntil(jobId, wait.get().until(), wait.get().reason());
					break;
				}
				Work work = streamed ? null : take(channel, job, lease);
				if (work != null) {
					worked = true;
					// Renewed from now until runBatch ends, however it ends.
					this.leases.holdBatch(work.batchId(), lease);
					runBatch(channel, job, work, run);
					continue;
				}
				if (!ending) {
					// No range left to take: other nodes may still be on theirs; the one
					// that holds the job's lease once they are done ends the job.
					if (this.jobs.hasOpenBatches(jobId)) {
						return true;
					}
					if (!this.jobs.lease(jobId, this.node, lease)) {
						return worked;
					}
					ending = true;
					this.leases.holdJob(jobId, lease);
					repair(channel, job);
				}
				int retryRequests = this.jobs.retryRequests(jobId);
				Instant next = earliest(retry(channel, job, run), requested(channel, job, run));
				if (stopping()) {
					continue;
				}
				if (next == null) {
					channel.afterBatch(job, run);
					if (stopping()) {
						continue;
					}
					if (!this.jobs.finish(jobId, retryRequests)) {
						// an approver reopened rows meanwhile: send them first
						continue;
					}
					log.info("Bulk job {} ({}) of publication {} finished after {} batches", jobId, channel.channel(),
							job.publicationId(), job.batches());
					break;
				}
				if (next.isAfter(this.clock.instant())) {
					this.jobs.waitUntil(jobId, next, "RETRY");
					break;
				}
			}
			return true;
		}
		catch (BulkCheckpoint.SimulatedCrash crash) {
			// A dead node releases nothing: its leases run out and another node resumes.
			this.leases.dropJob(jobId);
			ending = false;
			throw crash;
		}
		catch (RuntimeException ex) {
			log.error("Bulk job {} stopped; its ranges are taken over where they were left", jobId, ex);
			return true;
		}
		finally {
			if (ending) {
				this.leases.dropJob(jobId);
				releaseQuietly(jobId);
			}
			if (this.active.decrementAndGet() == 0) {
				synchronized (this.idle) {
					this.idle.notifyAll();
				}
			}
		}
	}

	private void releaseQuietly(long jobId) {
		try {
			this.jobs.release(jobId, this.node);
		}
		catch (RuntimeException ex) {
			log.warn("Bulk job {}: lease not released ({}); it runs out instead", jobId, ex.toString());
		}
	}

	/**
	 * Before ending a job: no batch is open and no other node ends it, so rows still
	 * SENDING were left by a run that died (ending the job, or in a range retaken since).
	 * They may have gone out: unknown outcome, never re-sent.
	 */
	private void repair(BulkChannel channel, BulkJob job) {
		int unknown = this.deliveryLog.expireSending(job.publicationId(), channel.channel(), channel.unknownOutcome());
		if (unknown > 0) {
			log.warn("Bulk job {} ({}): {} messages of a stopped run have an unknown outcome and are not re-sent",
					job.id(), channel.channel(), unknown);
		}
		channel.resume(job);
	}

	/**
	 * A range this node now leases, with its recipients.
	 */
	private record Work(long batchId, long afterCursor, long lastCursor, List<BulkRecipient> recipients) {

	}

	/**
	 * The next range for this node: one nobody works any more (rows a dead node left
	 * SENDING become unknown outcomes), else a new one carved at the job's cursor.
	 */
	private Work take(BulkChannel channel, BulkJob job, Duration lease) {
		BulkJobs.Retaken retaken = this.transactions
			.execute((status) -> this.jobs.retake(job.id(), this.node, lease).orElse(null));
		if (retaken != null) {
			BulkJobs.BulkBatch from = retaken.from();
			List<BulkRecipient> recipients = range(channel, job, from.afterCursor(), from.lastCursor());
			if (retaken.abandoned()) {
				int unknown = this.deliveryLog.expireSending(job.publicationId(), channel.channel(),
						recipients.stream().map(BulkRecipient::target).toList(), channel.unknownOutcome());
				log.warn(
						"Bulk job {} ({}): range ({}, {}] of node {} taken over; {} messages it left in flight "
								+ "have an unknown outcome and are not re-sent",
						job.id(), channel.channel(), from.afterCursor(), from.lastCursor(), from.node(), unknown);
			}
			return new Work(retaken.batchId(), from.afterCursor(), from.lastCursor(), recipients);
		}
		return this.transactions.execute((status) -> {
			long cursor = this.jobs.lockCursor(job.id());
			List<BulkRecipient> batch = read(channel, job, cursor, channel.settings().batchSize());
			if (batch.isEmpty()) {
				return null;
			}
			long last = batch.get(batch.size() - 1).key();
			long batchId = this.jobs.openBatch(job.id(), cursor, last, this.node, lease);
			return new Work(batchId, cursor, last, batch);
		});
	}

	/**
	 * The recipients of a job after {@code cursor}, in key order: the channel's source.
	 */
	private List<BulkRecipient> read(BulkChannel channel, BulkJob job, long cursor, int limit) {
		return channel.recipients(job, cursor, limit);
	}

	/** The recipients of the range (after, last]. */
	private List<BulkRecipient> range(BulkChannel channel, BulkJob job, long after, long last) {
		List<BulkRecipient> recipients = new ArrayList<>();
		long cursor = after;
		int limit = Math.max(1, channel.settings().batchSize());
		while (true) {
			List<BulkRecipient> page = read(channel, job, cursor, limit);
			for (BulkRecipient recipient : page) {
				if (recipient.key() > last) {
					return recipients;
				}
				recipients.add(recipient);
			}
			if (page.size() < limit) {
				return recipients;
			}
			cursor = page.get(page.size() - 1).key();
		}
	}

	private void runBatch(BulkChannel channel, BulkJob job, Work work, BulkRun run) {
		try {
			List<BulkRecipient> batch = work.recipients();
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
			this.transactions.executeWithoutResult((status) -> this.deliveryLog.insertBatch(job.publicationId(),
					channel.channel(), channel.provider(), job.templateVersion(), rows));
			checkpoint("written", job.id());
			// Rows become SENDING a chunk at a time, just before their calls, and their
			// answers are recorded a chunk at a time, so a node that dies leaves at most
			// two chunks and the calls in flight whose fate nobody knows; the rows it had
			// not reached stay PENDING.
			Flow flow = new Flow(channel, job, subscribers, run);
			List<BulkResult> results = new ArrayList<>(reachable.size());
			int claimed = 0;
			int unreached = 0;
			int handedBackBefore = 0;
			boolean cancelled = false;
			try {
				int next = 0;
				while (true) {
					// The senders never run dry while rows are left: the next chunk is
					// claimed and queued while the calls of the last one are still out.
					if (next < reachable.size() && flow.outstanding() <= flow.senders) {
						if (stopping()) {
							unreached = reachable.size() - next;
							next = reachable.size();
							continue;
						}
						if (this.jobs.cancelled(job.id())) {
							// an officer stopped the job: no call starts after this
							cancelled = true;
							next = reachable.size();
							continue;
						}
						List<String> targets = reachable.subList(next, Math.min(reachable.size(), next + flow.chunk));
						List<Claimed> taken = persistently(channel.settings().lease(), job,
								() -> this.deliveryLog.claimPending(job.publicationId(), channel.channel(), targets));
						if (next == 0) {
							checkpoint("claimed", job.id());
						}
						next += targets.size();
						claimed += taken.size();
						flow.submit(taken);
						continue;
					}
					if (flow.outstanding() == 0) {
						break;
					}
					flow.awaitAnswers(results);
					// the last answers are recorded with the batch's end, below
					if (results.size() >= flow.chunk && (flow.outstanding() > 0 || next < reachable.size())) {
						List<BulkResult> answers = List.copyOf(results);
						results.clear();
						checkpoint("sent", job.id());
						persistently(channel.settings().lease(), job, () -> {
							this.deliveryLog.recordBatch(answers, DeliveryStatus.PENDING);
							channel.recorded(job, answers);
							return null;
						});
						this.metrics.recorded(channel.channel(), answers);
						handedBackBefore += (int) answers.stream().filter(BulkResult::handedBack).count();
					}
				}
			}
			finally {
				// A batch that fails or dies starts no call it had not started yet.
				flow.cancelQueued();
			}
			if (reachable.isEmpty()) {
				checkpoint("claimed", job.id());
			}
			checkpoint("sent", job.id());
			int handedBack = (int) results.stream().filter(BulkResult::handedBack).count() + unreached
					+ handedBackBefore;
			int taken = claimed;
			boolean closed = persistently(channel.settings().lease(), job, () -> {
				this.deliveryLog.recordBatch(results, DeliveryStatus.PENDING);
				channel.recorded(job, results);
				return this.jobs.closeBatch(job.id(), work.batchId(), taken, handedBack);
			});
			this.metrics.recorded(channel.channel(), results);
			// stopped while its last calls were out: their fallbacks are not sent either
			cancelled = cancelled || this.jobs.cancelled(job.id());
			if (cancelled) {
				stopped(channel, job);
			}
			if (!closed) {
				log.warn("Bulk job {}: range ({}, {}] was taken over by another node before this one recorded it",
						job.id(), work.afterCursor(), work.lastCursor());
			}
			if (handedBack > 0) {
				log.info("Bulk job {}: batch after subscriber {} handed back {} of {} rows unsent", job.id(),
						work.afterCursor(), handedBack, reachable.size());
			}
			checkpoint("recorded", job.id());
			if (!stopping() && !cancelled) {
				channel.afterBatch(job, run);
			}
		}
		finally {
			// Done, handed back, crashed or failed: this node stops renewing the range.
			this.leases.dropBatch(work.batchId());
		}
	}

	/**
	 * After a batch of a job an officer stopped: the rows this node wrote after the stop
	 * (or the fallbacks of its last answers) are skipped as the stop skipped the others.
	 */
	private void stopped(BulkChannel channel, BulkJob job) {
		String actor = this.jobs.find(job.id()).map(BulkJob::stoppedBy).orElse(null);
		int skipped = this.deliveryLog.skipPending(job.publicationId(), List.of(channel.channel()), BulkStops.STOPPED,
				BulkStops.explanation(actor));
		log.info("Bulk job {} ({}) was stopped by {}; this node stopped sending{}", job.id(), channel.channel(), actor,
				(skipped > 0) ? " and skipped " + skipped + " more row(s)" : "");
	}

	/**
	 * Runs a transaction of a batch in progress, trying again while the database is away
	 * (a failover, killed connections) for up to half a lease: messages of the batch went
	 * out, so recording them is worth more than leaving their rows to become unknown
	 * outcomes.
	 */
	private <T> T persistently(Duration lease, BulkJob job, java.util.function.Supplier<T> work) {
		long deadline = System.nanoTime() + lease.dividedBy(2).toNanos();
		while (true) {
			try {
				return this.transactions.execute((status) -> work.get());
			}
			catch (org.springframework.dao.DataAccessException
					| org.springframework.transaction.TransactionException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				log.warn("Bulk job {}: the database failed during a batch ({}); trying again", job.id(), ex.toString());
				try {
					TimeUnit.MILLISECONDS.sleep(500);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
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
			sendAgain(channel, job, this.deliveryLog.claimRetries(due), DeliveryStatus.TEMPORARY_FAILURE, run);
		}
		return (!exhausted.isEmpty() || !due.isEmpty()) ? now : next;
	}

	/**
	 * Sends the rows an approver reopened for a retry
	 * ({@link DeliveryLog#requestedRetries}), once each, outside the channel's retry
	 * policy; returns when to look again, or null when none wait.
	 */
	private Instant requested(BulkChannel channel, BulkJob job, BulkRun run) {
		List<Claimed> pending = this.deliveryLog.requestedRetries(job.publicationId(), channel.channel(),
				channel.settings().batchSize());
		if (pending.isEmpty()) {
			return null;
		}
		List<BulkResult> results = sendAgain(channel, job, this.deliveryLog.claim(pending), DeliveryStatus.PENDING,
				run);
		Instant now = this.clock.instant();
		boolean none = !results.isEmpty() && results.stream().allMatch(BulkResult::handedBack);
		// The channel gave every row back without sending (a spent quota, a refused
		// token): look again later rather than at once.
		return none ? now.plus(channel.settings().lease()) : now;
	}

	/**
	 * Sends rows taken outside a batch (retries) and records their answers, rows handed
	 * back going to {@code handedBackTo}.
	 */
	private List<BulkResult> sendAgain(BulkChannel channel, BulkJob job, List<Claimed> claimed,
			DeliveryStatus handedBackTo, BulkRun run) {
		List<BulkResult> results = send(channel, job, claimed, Map.of(), run);
		this.transactions.executeWithoutResult((status) -> {
			this.deliveryLog.recordBatch(results, handedBackTo);
			channel.recorded(job, results);
		});
		this.metrics.recorded(channel.channel(), results);
		if (!stopping()) {
			channel.afterBatch(job, run);
		}
		return results;
	}

	private static Instant earliest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isBefore(b)) ? a : b;
	}

	/** Sends claimed rows in parallel on the channel's senders. */
	public List<BulkResult> send(BulkChannel channel, BulkJob job, List<Claimed> claimed,
			Map<String, Recipient> recipients, BulkRun run) {
		Flow flow = new Flow(channel, job, recipients, run);
		try {
			flow.submit(claimed);
			List<BulkResult> results = new ArrayList<>(claimed.size());
			while (flow.outstanding() > 0) {
				flow.awaitAnswers(results);
			}
			return results;
		}
		finally {
			flow.cancelQueued();
		}
	}

	/**
	 * Calls in flight on a channel's senders: rows are queued as they are claimed and
	 * their answers taken as each call ends, in whatever order, so a slow call holds up
	 * only its own sender, never the rows behind it.
	 */
	private final class Flow {

		final int senders;

		/** Rows claimed, and answers recorded, at a time. */
		final int chunk;

		private final BulkChannel channel;

		private final BulkJob job;

		private final Map<String, Recipient> recipients;

		private final BulkRun run;

		private final ExecutorCompletionService<BulkResult> calls;

		private final Set<Future<BulkResult>> queued = new HashSet<>();

		private int outstanding;

		Flow(BulkChannel channel, BulkJob job, Map<String, Recipient> recipients, BulkRun run) {
			this.channel = channel;
			this.job = job;
			this.recipients = recipients;
			this.run = run;
			this.senders = Math.max(1, channel.settings().senders());
			this.chunk = this.senders * 4;
			this.calls = new ExecutorCompletionService<>(senders(channel));
		}

		int outstanding() {
			return this.outstanding;
		}

		void submit(List<Claimed> rows) {
			for (Claimed row : rows) {
				this.queued.add(this.calls.submit(() -> {
					long start = System.nanoTime();
					BulkResult result = this.channel.send(this.job, row, this.recipients.get(row.target()), this.run);
					if (!result.handedBack()) {
						BulkRunner.this.metrics.sent(this.channel.channel(), start);
					}
					return result;
				}));
				this.outstanding++;
			}
		}

		/**
		 * Waits for the next answer and adds it, with any others already in, to
		 * {@code into}.
		 */
		void awaitAnswers(List<BulkResult> into) {
			try {
				Future<BulkResult> done = this.calls.take();
				while (done != null) {
					this.outstanding--;
					this.queued.remove(done);
					into.add(done.get());
					done = this.calls.poll();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while sending a bulk batch", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Sending failed unexpectedly", ex.getCause());
			}
		}

		/** Calls not started yet are not started; those in flight end on their own. */
		void cancelQueued() {
			this.queued.forEach((call) -> call.cancel(false));
			this.queued.clear();
		}

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
		this.leases.start();
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
		this.leases.stop();
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
