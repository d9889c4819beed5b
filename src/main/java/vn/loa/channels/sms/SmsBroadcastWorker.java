package vn.loa.channels.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.text.StringSubstitutor;
import vn.loa.audience.Recipient;
import vn.loa.audience.Subscribers;
import vn.loa.channels.bulk.BulkChannel;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkPacer;
import vn.loa.channels.bulk.BulkPacing;
import vn.loa.channels.bulk.BulkRecipient;
import vn.loa.channels.bulk.BulkRetry;
import vn.loa.channels.bulk.BulkRun;
import vn.loa.channels.bulk.BulkRunner;
import vn.loa.channels.bulk.BulkSettings;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryLog.BulkResult;
import vn.loa.deliverylog.DeliveryLog.Claimed;
import vn.loa.deliverylog.DeliveryLog.Retry;
import vn.loa.rendering.SmsText;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The SMS broadcast as a bulk channel: {@link BulkRunner} streams the segment, this sends
 * each row through the paced Twilio client. 429 answers wait in TEMPORARY_FAILURE and are
 * retried with backoff once the cursor has passed the whole segment. Quiet hours put the
 * job to WAITING until they end, unless an approver marked the publication urgent.
 */
@Component
public class SmsBroadcastWorker implements BulkChannel {

	/** The SMS channel's id, for rows other channels write as fallbacks. */
	public static final String CHANNEL = SmsChannel.ID;

	/** The provider of SMS rows. */
	public static final String PROVIDER = SmsChannel.PROVIDER;

	/** The error code of rows waiting after Twilio's 429. */
	public static final String TOO_MANY_REQUESTS = Integer.toString(TwilioStatusTable.TOO_MANY_REQUESTS);

	private static final String TOO_MANY = TOO_MANY_REQUESTS;

	private final SmsBroadcasts broadcasts;

	private final BulkRunner runner;

	private final SmsEarlyReceipts earlyReceipts;

	private final DeliveryLog deliveryLog;

	private final Subscribers subscribers;

	private final TwilioSmsClient client;

	private final BulkPacer pacer;

	private final QuietHours quietHours;

	private final SmsProperties properties;

	private final Clock clock;

	SmsBroadcastWorker(SmsBroadcasts broadcasts, BulkRunner runner, SmsEarlyReceipts earlyReceipts,
			DeliveryLog deliveryLog, Subscribers subscribers, TwilioSmsClient client, BulkPacer smsPacer,
			QuietHours quietHours, SmsProperties properties, Clock clock) {
		this.broadcasts = broadcasts;
		this.runner = runner;
		this.earlyReceipts = earlyReceipts;
		this.deliveryLog = deliveryLog;
		this.subscribers = subscribers;
		this.client = client;
		this.pacer = smsPacer;
		this.quietHours = quietHours;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${loa.channels.sms.broadcast.poll-interval:1s}",
			initialDelayString = "${loa.channels.sms.broadcast.poll-interval:1s}")
	void tick() {
		if (!this.properties.enabled() || this.runner.stopping()) {
			return;
		}
		applyEarlyReceipts();
		for (long id : this.broadcasts.runnable(10)) {
			this.runner.run(id, this, BulkPacing.CHANNEL);
		}
	}

	/**
	 * Runs one job until it is done, waits (quiet hours, retry backoff), is cancelled, or
	 * another node holds it. Returns whether this node ran it.
	 */
	public boolean run(long jobId) {
		return run(jobId, this.properties.broadcast().paced() ? BulkPacing.CHANNEL : BulkPacing.NONE);
	}

	/**
	 * Runs a job with the given pacing (the benchmark runs unpaced or at its own rate).
	 */
	public boolean run(long jobId, BulkPacing pacing) {
		return this.runner.run(jobId, this, pacing);
	}

	@Override
	public String channel() {
		return SmsChannel.ID;
	}

	@Override
	public String provider() {
		return SmsChannel.PROVIDER;
	}

	@Override
	public BulkSettings settings() {
		SmsProperties.BroadcastSettings broadcast = this.properties.broadcast();
		return new BulkSettings(broadcast.batchSize(), broadcast.senders(), broadcast.lease());
	}

	/** The segment's subscribers. */
	@Override
	public List<BulkRecipient> recipients(BulkJob job, long afterKey, int limit) {
		return BulkRecipient.of(this.subscribers.nextBatch(job.segment(), afterKey, limit));
	}

	@Override
	public Optional<Wait> waitBeforeSending(BulkJob job, Instant now) {
		Instant allowed = this.quietHours.nextSendingTime(now, job.urgent());
		return allowed.isAfter(now) ? Optional.of(new Wait(allowed, "QUIET_HOURS")) : Optional.empty();
	}

	@Override
	public BulkResult send(BulkJob job, Claimed row, Recipient recipient, BulkRun run) throws InterruptedException {
		String body = job.payload().contains("%{") ? personalise(job.payload(), row.target(), recipient)
				: job.payload();
		return sendText(row, body, run);
	}

	/**
	 * Sends one SMS for a claimed row through the paced client (the broadcast's rows and
	 * another channel's fallback rows alike).
	 * @return the answer, or {@link BulkResult#notSent} when the run is stopping
	 */
	public BulkResult sendText(Claimed row, String body, BulkRun run) throws InterruptedException {
		int segments = Math.max(1, SmsText.analyze(body, true).parts());
		if (!run.pace(this.pacer, this.client.sender(), segments)) {
			return BulkResult.notSent(row);
		}
		TwilioSmsClient.Result result = this.client.send(row.target(), body);
		if (result.accepted()) {
			return BulkResult.sent(row, result.sid());
		}
		TwilioStatusTable.Verdict verdict = result.failure();
		String code = verdict.retryLater() ? TOO_MANY : verdict.code();
		return BulkResult.failed(row, verdict.status(), code, verdict.message());
	}

	/**
	 * One send through the same client, unpaced and unrecorded: the benchmark's floor.
	 * @return whether Twilio took it
	 */
	public boolean sendBare(String to, String body) {
		return this.client.send(to, body).accepted();
	}

	@Override
	public void afterBatch(BulkJob job, BulkRun run) {
		applyEarlyReceipts();
	}

	@Override
	public String unknownOutcome() {
		return "Không rõ kết quả: tiến trình gửi dừng khi đang gọi Twilio; không gửi lại để tránh trùng tin "
				+ "(unknown outcome, not re-sent)";
	}

	@Override
	public String retryCode() {
		return TOO_MANY;
	}

	@Override
	public BulkRetry retry() {
		return this.properties.retry();
	}

	@Override
	public String exhausted(Retry retry) {
		return "Twilio 429 (Too Many Requests) sau " + retry.attempts() + " lần gửi: hết lượt thử lại";
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
	public void applyEarlyReceipts() {
		List<SmsEarlyReceipts.EarlyReceipt> receipts = this.earlyReceipts.oldest(1000);
		if (receipts.isEmpty()) {
			return;
		}
		Instant stale = this.clock.instant().minus(Duration.ofDays(1));
		List<Long> done = new ArrayList<>();
		for (SmsEarlyReceipts.EarlyReceipt receipt : receipts) {
			boolean applied = this.deliveryLog.transitionByReference(SmsChannel.PROVIDER, receipt.sid(),
					receipt.status(), receipt.errorCode(), TwilioStatusTable.describe(receipt.errorCode()));
			if (!applied && this.deliveryLog.knowsReference(SmsChannel.PROVIDER, receipt.sid())) {
				// stored since the first attempt: apply now, or it is already past this
				// status
				this.deliveryLog.transitionByReference(SmsChannel.PROVIDER, receipt.sid(), receipt.status(),
						receipt.errorCode(), TwilioStatusTable.describe(receipt.errorCode()));
				applied = true;
			}
			if (applied || receipt.receivedAt().isBefore(stale)) {
				done.add(receipt.id());
			}
		}
		this.earlyReceipts.delete(done);
	}

}
