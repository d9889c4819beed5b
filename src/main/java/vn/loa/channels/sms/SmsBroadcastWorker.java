package vn.loa.channels.sms;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.text.StringSubstitutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.audience.Recipient;
import vn.loa.audience.Subscribers;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.rendering.SmsText;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs broadcast jobs. A job streams its segment's subscribers in keyset batches; per
 * batch it (1) writes the rows in bulk and takes the PENDING ones as SENDING in one
 * transaction, (2) sends each through the paced Twilio client, (3) records every answer
 * in bulk and advances the cursor in one transaction. A node that dies after (1) leaves
 * rows in SENDING; whoever resumes the job turns them into TECHNICAL_FAILURE "unknown
 * outcome" and never sends them again, because Twilio may have taken them. A node that
 * dies after (3) leaves nothing to repair. Re-reading a batch after a crash finds its
 * rows and sends only those still PENDING, so no recipient gets a second row or a second
 * message.
 *
 * <p>
 * 429 answers wait in TEMPORARY_FAILURE and are retried with backoff once the cursor has
 * passed the whole segment. Quiet hours put the job to WAITING until they end, unless an
 * approver marked the publication urgent. Everything the job needs is in its row, so the
 * backlog survives a restart.
 */
@Component
class SmsBroadcastWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SmsBroadcastWorker.class);

	private static final String TOO_MANY = Integer.toString(TwilioStatusTable.TOO_MANY_REQUESTS);

	private final SmsBroadcasts broadcasts;

	private final SmsDeliveries deliveries;

	private final DeliveryLog deliveryLog;

	private final Subscribers subscribers;

	private final TwilioSmsClient client;

	private final SmsPacer pacer;

	private final QuietHours quietHours;

	private final SmsProperties properties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ObjectProvider<BroadcastCheckpoint> checkpoints;

	private final ExecutorService senders;

	private final String node;

	SmsBroadcastWorker(SmsBroadcasts broadcasts, SmsDeliveries deliveries, DeliveryLog deliveryLog,
			Subscribers subscribers, TwilioSmsClient client, SmsPacer pacer, QuietHours quietHours,
			SmsProperties properties, Clock clock, TransactionTemplate transactions,
			ObjectProvider<BroadcastCheckpoint> checkpoints) {
		this.broadcasts = broadcasts;
		this.deliveries = deliveries;
		this.deliveryLog = deliveryLog;
		this.subscribers = subscribers;
		this.client = client;
		this.pacer = pacer;
		this.quietHours = quietHours;
		this.properties = properties;
		this.clock = clock;
		this.transactions = transactions;
		this.checkpoints = checkpoints;
		AtomicInteger threads = new AtomicInteger();
		this.senders = Executors.newFixedThreadPool(Math.max(1, properties.broadcast().senders()), (runnable) -> {
			Thread thread = new Thread(runnable, "sms-sender-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.node = nodeName();
	}

	@Scheduled(fixedDelayString = "${loa.channels.sms.broadcast.poll-interval:1s}",
			initialDelayString = "${loa.channels.sms.broadcast.poll-interval:1s}")
	void tick() {
		if (!this.properties.enabled()) {
			return;
		}
		applyEarlyReceipts();
		for (long id : this.broadcasts.runnable(10)) {
			run(id);
		}
	}

	/**
	 * Runs one job until it is done, waits (quiet hours, retry backoff), is cancelled, or
	 * another node holds it. Returns whether this node ran it.
	 */
	boolean run(long jobId) {
		return run(jobId, this.properties.broadcast().paced() ? this.pacer : null);
	}

	/** Runs a job with the given pacer, or unpaced (the benchmark only) when null. */
	boolean run(long jobId, SmsPacer pacing) {
		Duration lease = this.properties.broadcast().lease();
		if (!this.broadcasts.lease(jobId, this.node, lease)) {
			return false;
		}
		try {
			SmsBroadcasts.Job job = this.broadcasts.find(jobId).orElse(null);
			if (job == null || job.state() == SmsBroadcasts.State.DONE
					|| job.state() == SmsBroadcasts.State.CANCELLED) {
				return true;
			}
			int unknown = this.deliveries.failUnknownOutcomes(job.publicationId());
			if (unknown > 0) {
				log.warn(
						"Broadcast {} resumed: {} messages of a stopped run have an unknown outcome and are not re-sent",
						jobId, unknown);
			}
			this.broadcasts.markRunning(jobId);
			while (true) {
				job = this.broadcasts.find(jobId).orElse(null);
				if (job == null || job.state() == SmsBroadcasts.State.CANCELLED) {
					break;
				}
				Instant now = this.clock.instant();
				Instant allowed = this.quietHours.nextSendingTime(now, job.urgent());
				if (allowed.isAfter(now)) {
					log.info("Broadcast {} waits for the end of quiet hours at {}", jobId, allowed);
					this.broadcasts.waitUntil(jobId, allowed);
					break;
				}
				List<Recipient> batch = this.subscribers.nextBatch(job.segment(), job.cursor(),
						this.properties.broadcast().batchSize());
				if (!batch.isEmpty()) {
					runBatch(job, batch, pacing);
				}
				else {
					Instant next = retry(job, pacing);
					if (next == null) {
						this.broadcasts.finish(jobId);
						log.info("Broadcast {} of publication {} finished after {} batches", jobId, job.publicationId(),
								job.batches());
						break;
					}
					if (next.isAfter(this.clock.instant())) {
						this.broadcasts.waitUntil(jobId, next);
						break;
					}
				}
				if (!this.broadcasts.lease(jobId, this.node, lease)) {
					return true;
				}
			}
			this.broadcasts.release(jobId, this.node);
			return true;
		}
		catch (BroadcastCheckpoint.SimulatedCrash crash) {
			// A dead node releases nothing: the lease runs out and another run resumes.
			throw crash;
		}
		catch (RuntimeException ex) {
			log.error("Broadcast {} stopped; it resumes at its cursor on the next run", jobId, ex);
			this.broadcasts.release(jobId, this.node);
			return true;
		}
	}

	private void runBatch(SmsBroadcasts.Job job, List<Recipient> batch, SmsPacer pacing) {
		List<String> reachable = batch.stream().filter((r) -> !r.optedOut()).map(Recipient::phone).toList();
		List<SmsDeliveries.Claimed> claimed = this.transactions.execute((status) -> {
			this.deliveries.insertBatch(job.publicationId(), batch, job.templateVersion());
			return this.deliveries.claimPending(job.publicationId(), reachable);
		});
		checkpoint("claimed", job.id());
		Map<String, Recipient> byPhone = new HashMap<>();
		batch.forEach((recipient) -> byPhone.put(recipient.phone(), recipient));
		List<SmsDeliveries.Result> results = send(job, claimed, byPhone, pacing);
		checkpoint("sent", job.id());
		long cursor = batch.get(batch.size() - 1).subscriberId();
		this.transactions.executeWithoutResult((status) -> {
			this.deliveries.record(results);
			this.broadcasts.advance(job.id(), cursor);
		});
		checkpoint("recorded", job.id());
		applyEarlyReceipts();
	}

	/** Sends the due 429 retries; returns when to look again, or null when none wait. */
	private Instant retry(SmsBroadcasts.Job job, SmsPacer pacing) {
		List<SmsDeliveries.Retry> waiting = this.deliveries.waitingRetries(job.publicationId(),
				this.properties.broadcast().batchSize());
		if (waiting.isEmpty()) {
			return null;
		}
		SmsProperties.RetrySettings policy = this.properties.retry();
		Instant now = this.clock.instant();
		List<SmsDeliveries.Retry> exhausted = new ArrayList<>();
		List<SmsDeliveries.Retry> due = new ArrayList<>();
		Instant next = null;
		for (SmsDeliveries.Retry retry : waiting) {
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
			this.deliveries.exhaust(exhausted);
		}
		if (!due.isEmpty()) {
			List<SmsDeliveries.Claimed> claimed = this.transactions
				.execute((status) -> this.deliveries.claimRetries(due));
			List<SmsDeliveries.Result> results = send(job, claimed, Map.of(), pacing);
			this.transactions.executeWithoutResult((status) -> this.deliveries.record(results));
			applyEarlyReceipts();
		}
		return (!exhausted.isEmpty() || !due.isEmpty()) ? now : next;
	}

	private List<SmsDeliveries.Result> send(SmsBroadcasts.Job job, List<SmsDeliveries.Claimed> claimed,
			Map<String, Recipient> recipients, SmsPacer pacing) {
		boolean personal = job.body().contains("%{");
		int segments = Math.max(1, SmsText.analyze(job.body(), true).parts());
		List<Future<SmsDeliveries.Result>> futures = new ArrayList<>(claimed.size());
		for (SmsDeliveries.Claimed row : claimed) {
			String body = personal ? personalise(job.body(), row.phone(), recipients.get(row.phone())) : job.body();
			int parts = personal ? Math.max(1, SmsText.analyze(body, true).parts()) : segments;
			futures.add(this.senders.submit(() -> sendOne(row, body, parts, pacing)));
		}
		List<SmsDeliveries.Result> results = new ArrayList<>(futures.size());
		for (Future<SmsDeliveries.Result> future : futures) {
			try {
				results.add(future.get());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while sending a broadcast batch", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Sending failed unexpectedly", ex.getCause());
			}
		}
		return results;
	}

	private SmsDeliveries.Result sendOne(SmsDeliveries.Claimed row, String body, int segments, SmsPacer pacing)
			throws InterruptedException {
		if (pacing != null) {
			pacing.acquire(this.client.sender(), segments);
		}
		TwilioSmsClient.Result result = this.client.send(row.phone(), body);
		if (result.accepted()) {
			return new SmsDeliveries.Result(row.id(), row.phone(), result.sid(), DeliveryStatus.SENT, null, null);
		}
		TwilioStatusTable.Verdict verdict = result.failure();
		String code = verdict.retryLater() ? TOO_MANY : verdict.code();
		return new SmsDeliveries.Result(row.id(), row.phone(), null, verdict.status(), code, verdict.message());
	}

	/**
	 * Fills the subscriber variables a template left for the sender: {@code %{phone}},
	 * {@code %{area}}, {@code %{language}}.
	 */
	private String personalise(String body, String phone, Recipient recipient) {
		Map<String, String> values = new HashMap<>();
		values.put("phone", phone);
		String area = (recipient != null) ? recipient.areaCode()
				: this.subscribers.find(phone).map((s) -> s.areaCode()).orElse(null);
		values.put("area", (area != null) ? area : "");
		values.put("language", (recipient != null) ? recipient.language() : "vi");
		return new StringSubstitutor(values, "%{", "}").replace(body);
	}

	/** Applies callbacks that came before their SID was stored; drops day-old strays. */
	void applyEarlyReceipts() {
		List<SmsDeliveries.EarlyReceipt> receipts = this.deliveries.earlyReceipts(1000);
		if (receipts.isEmpty()) {
			return;
		}
		Instant stale = this.clock.instant().minus(Duration.ofDays(1));
		List<Long> done = new ArrayList<>();
		for (SmsDeliveries.EarlyReceipt receipt : receipts) {
			boolean applied = this.deliveryLog.transitionByReference(SmsDeliveries.PROVIDER, receipt.sid(),
					receipt.status(), receipt.errorCode(), TwilioStatusTable.describe(receipt.errorCode()));
			if (!applied && this.deliveries.knowsSid(receipt.sid())) {
				// stored since the first attempt: apply now, or it is already past this
				// status
				this.deliveryLog.transitionByReference(SmsDeliveries.PROVIDER, receipt.sid(), receipt.status(),
						receipt.errorCode(), TwilioStatusTable.describe(receipt.errorCode()));
				applied = true;
			}
			if (applied || receipt.receivedAt().isBefore(stale)) {
				done.add(receipt.id());
			}
		}
		this.deliveries.deleteEarlyReceipts(done);
	}

	private void checkpoint(String point, long jobId) {
		this.checkpoints.getIfAvailable(() -> BroadcastCheckpoint.NONE).reached(point, jobId);
	}

	@Override
	public void destroy() {
		this.senders.shutdownNow();
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
