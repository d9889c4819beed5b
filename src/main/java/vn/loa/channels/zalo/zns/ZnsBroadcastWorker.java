package vn.loa.channels.zalo.zns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.audience.Recipient;
import vn.loa.channels.bulk.BulkChannel;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkPacer;
import vn.loa.channels.bulk.BulkPacers;
import vn.loa.channels.bulk.BulkPacing;
import vn.loa.channels.bulk.BulkRecipient;
import vn.loa.channels.bulk.BulkRun;
import vn.loa.channels.bulk.BulkRunner;
import vn.loa.channels.bulk.BulkSettings;
import vn.loa.channels.sms.SmsBroadcastWorker;
import vn.loa.channels.sms.SmsProperties;
import vn.loa.channels.zalo.ZaloOaConnected;
import vn.loa.channels.zalo.ZaloReauthorisationNeeded;
import vn.loa.channels.zalo.ZaloTokenWait;
import vn.loa.channels.zalo.ZnsReceipt;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryLog.BulkResult;
import vn.loa.deliverylog.DeliveryLog.Claimed;
import vn.loa.deliverylog.DeliveryLog.NewDelivery;
import vn.loa.deliverylog.DeliveryStatus;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The ZNS broadcast as a bulk channel: {@link BulkRunner} streams the segment, this sends
 * each row as a template message ({@code tracking_id} = the delivery row, {@code msg_id}
 * = the provider reference).
 *
 * <p>
 * Fallback: a recipient whose ZNS failed with a code that allows it (no Zalo account
 * -118, refused the OA or the content -141/-139, cannot receive -114/-119, quota spent)
 * gets an SMS row written in the same transaction that records the ZNS answer, pointing
 * to the ZNS row it replaces; those rows are sent through the SMS channel after each
 * batch. So a crash leaves either the ZNS answer unrecorded (the row becomes "unknown
 * outcome", no SMS) or the SMS row waiting to be sent once: never both, and the only
 * "neither" is a row an officer sees as unknown outcome.
 *
 * <p>
 * Quiet hours: a job with SMS fallback keeps the SMS channel's quiet hours as a whole (it
 * WAITs, reason QUIET_HOURS, unless the publication is urgent), so no fallback SMS goes
 * out in them; a job without fallback sends only ZNS and does not wait.
 *
 * <p>
 * Quota: when Zalo says the daily quota is spent (or {@code remainingQuota} reaches 0),
 * the rest of the job waits for the next day (WAITING, reason QUOTA) — or, with fallback,
 * goes out as SMS. A refused token makes the job wait (NEEDS_REAUTHORISATION); nothing is
 * failed for it.
 */
@Component
public class ZnsBroadcastWorker implements BulkChannel {

	private static final Logger log = LoggerFactory.getLogger(ZnsBroadcastWorker.class);

	static final String QUOTA = "QUOTA";

	/** Loa's tracking ids: the delivery row's id. */
	private static final Pattern TRACKING_ID = Pattern.compile("\\d{1,18}");

	private final BulkRunner runner;

	private final BulkJobs jobs;

	private final DeliveryLog deliveryLog;

	private final ZnsClient client;

	private final ZnsTokens tokens;

	private final SmsBroadcastWorker sms;

	private final SmsProperties smsProperties;

	private final ZnsProperties properties;

	private final BulkPacer pacer;

	private final Clock clock;

	private final Map<Long, ZnsPayload> payloads = new ConcurrentHashMap<>();

	private final Fallbacks fallbacks = new Fallbacks();

	private volatile Instant quotaSpentUntil;

	private final ZaloTokenWait tokenWait;

	ZnsBroadcastWorker(BulkRunner runner, BulkJobs jobs, DeliveryLog deliveryLog, ZnsClient client, ZnsTokens tokens,
			SmsBroadcastWorker sms, SmsProperties smsProperties, ZnsProperties properties, BulkPacers pacers,
			Clock clock) {
		this.runner = runner;
		this.jobs = jobs;
		this.deliveryLog = deliveryLog;
		this.client = client;
		this.tokens = tokens;
		this.sms = sms;
		this.smsProperties = smsProperties;
		this.properties = properties;
		this.pacer = pacers.create(properties.ratePerSecond());
		this.clock = clock;
		this.tokenWait = new ZaloTokenWait(tokens::generation);
	}

	@Scheduled(fixedDelayString = "${loa.channels.zalo-zns.poll-interval:1s}",
			initialDelayString = "${loa.channels.zalo-zns.poll-interval:1s}")
	void tick() {
		if (!this.properties.enabled() || this.runner.stopping()) {
			return;
		}
		this.runner.runRunnable(this, 10);
	}

	/** Runs one job now (tests, the benchmark); false when another node holds it. */
	public boolean run(long jobId, BulkPacing pacing) {
		return this.runner.run(jobId, this, pacing);
	}

	@Override
	public String channel() {
		return ZnsChannel.ID;
	}

	@Override
	public String provider() {
		return ZnsStatusTable.PROVIDER;
	}

	@Override
	public BulkSettings settings() {
		return new BulkSettings(this.properties.batchSize(), this.properties.senders(), this.properties.lease());
	}

	/** The segment's subscribers, read as for SMS. */
	@Override
	public List<BulkRecipient> recipients(BulkJob job, long afterKey, int limit) {
		return this.sms.recipients(job, afterKey, limit);
	}

	@Override
	public Optional<Wait> waitBeforeSending(BulkJob job, Instant now) {
		if (payload(job).fallback()) {
			// Any recipient of this job may get an SMS, and an SMS keeps the SMS
			// channel's quiet hours (unless an approver marked the publication urgent).
			Optional<Wait> quiet = this.sms.waitBeforeSending(job, now);
			if (quiet.isPresent()) {
				return quiet;
			}
		}
		Optional<Instant> token = this.tokenWait.until(now);
		if (token.isPresent()) {
			return Optional.of(new Wait(token.get(), "NEEDS_REAUTHORISATION"));
		}
		Instant quota = this.quotaSpentUntil;
		if (quota != null && quota.isAfter(now) && !payload(job).fallback()) {
			return Optional.of(new Wait(quota, QUOTA));
		}
		return Optional.empty();
	}

	@Override
	public BulkResult send(BulkJob job, Claimed row, Recipient recipient, BulkRun run) throws InterruptedException {
		ZnsPayload payload = payload(job);
		Instant now = this.clock.instant();
		if (this.tokenWait.holds(now)) {
			return BulkResult.notSent(row);
		}
		Instant quota = this.quotaSpentUntil;
		if (quota != null && quota.isAfter(now)) {
			return payload.fallback() ? quotaFallback(row, "QUOTA", "Hết hạn mức ZNS trong ngày")
					: BulkResult.notSent(row);
		}
		if (!run.pace(this.pacer, ZnsChannel.ID, 1)) {
			return BulkResult.notSent(row);
		}
		String token;
		try {
			token = this.tokens.accessToken();
		}
		catch (ZaloReauthorisationNeeded ex) {
			this.tokenWait.begin(now.plus(this.properties.tokenWait()), ex);
			return BulkResult.notSent(row);
		}
		ZnsClient.SendAnswer answer;
		try {
			answer = this.client.send(token, zaloPhone(row.target()), payload.templateId(), payload.data(),
					Long.toString(row.id()), this.properties.development());
		}
		catch (RestClientException ex) {
			ZnsStatusTable.Verdict verdict = ZnsStatusTable.transport(ex);
			return BulkResult.failed(row, verdict.status(), verdict.code(), verdict.message());
		}
		if (answer.accepted()) {
			if (answer.remainingQuota() != null && answer.remainingQuota() <= 0) {
				spendQuota();
			}
			return BulkResult.sent(row, answer.msgId());
		}
		ZnsStatusTable.Verdict verdict = ZnsStatusTable.classify(answer.error(), answer.message());
		switch (verdict.kind()) {
			case TOKEN -> {
				this.tokenWait.begin(now.plus(this.properties.tokenWait()), ZaloReauthorisationNeeded.UNKNOWN);
				return BulkResult.notSent(row);
			}
			case QUOTA -> {
				spendQuota();
				return payload.fallback() ? quotaFallback(row, verdict.code(), verdict.message())
						: BulkResult.notSent(row);
			}
			default -> {
				return BulkResult.failed(row, verdict.status(), verdict.code(), verdict.message());
			}
		}
	}

	/**
	 * One send through the same client, unpaced and unrecorded: the benchmark's floor.
	 * @return whether Zalo took it
	 */
	public boolean sendBare(String phone, String templateId, Map<String, String> data, String trackingId) {
		return this.client
			.send(this.tokens.accessToken(), zaloPhone(phone), templateId, data, trackingId,
					this.properties.development())
			.accepted();
	}

	/**
	 * Sandbox only: ZNS calls carry the simulator's fixed token instead of the connected
	 * OA's (the benchmark measures sending, not the OA connection).
	 */
	public void useSandboxToken() {
		this.tokens.useSandboxToken();
	}

	/**
	 * The OA is connected again (on this node): the jobs waiting for its token go on now,
	 * here and — woken in the database — on whichever node takes them; a node that had
	 * waited itself sees the new pair in the store ({@link ZaloTokenWait}).
	 */
	@EventListener
	void connected(ZaloOaConnected connected) {
		this.tokenWait.clear();
		this.jobs.wake(ZnsChannel.ID, "NEEDS_REAUTHORISATION");
	}

	/** Forgets a spent quota and a refused token (tests; a new day does it itself). */
	void forgetWaits() {
		this.quotaSpentUntil = null;
		this.tokenWait.clear();
	}

	/** A quota-spent row closed for good, because its SMS goes instead. */
	private static BulkResult quotaFallback(Claimed row, String code, String message) {
		return BulkResult.failed(row, DeliveryStatus.PERMANENT_FAILURE, code, message + "; gửi SMS thay thế");
	}

	private void spendQuota() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.properties.quotaZone());
		Instant next = today.plusDays(1).atStartOfDay(this.properties.quotaZone()).toInstant();
		if (this.quotaSpentUntil == null || this.quotaSpentUntil.isBefore(next)) {
			log.warn("ZNS daily quota spent; ZNS sending resumes at {}", next);
			this.quotaSpentUntil = next;
		}
	}

	/** The fallback SMS rows, written with the ZNS answers they follow. */
	@Override
	public void recorded(BulkJob job, List<BulkResult> results) {
		ZnsPayload payload = payload(job);
		if (!payload.fallback()) {
			return;
		}
		List<NewDelivery> rows = new ArrayList<>();
		for (BulkResult result : results) {
			if (!result.handedBack() && !result.isSent() && triggersFallback(result.errorCode())) {
				rows.add(NewDelivery.replacing(result.target(), result.id()));
			}
		}
		this.deliveryLog.insertBatch(job.publicationId(), SmsBroadcastWorker.CHANNEL, SmsBroadcastWorker.PROVIDER,
				payload.smsTemplateVersion(), rows);
	}

	static boolean triggersFallback(String code) {
		if (code == null) {
			return false;
		}
		if (QUOTA.equals(code)) {
			return true;
		}
		try {
			ZnsStatusTable.Verdict verdict = ZnsStatusTable.codes().get(Integer.parseInt(code));
			return verdict != null && verdict.fallback();
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/** Sends the fallback SMS rows waiting for this publication. */
	@Override
	public void afterBatch(BulkJob job, BulkRun run) {
		ZnsPayload payload = payload(job);
		if (!payload.fallback()) {
			return;
		}
		while (!run.stopping()) {
			List<Claimed> pending = this.deliveryLog.pendingReplacements(job.publicationId(),
					SmsBroadcastWorker.CHANNEL, this.smsProperties.broadcast().batchSize());
			if (pending.isEmpty()) {
				return;
			}
			List<Claimed> claimed = this.deliveryLog.claim(pending);
			List<BulkResult> results = this.runner.send(this.fallbacks, job, claimed, Map.of(), run);
			this.deliveryLog.recordBatch(results, DeliveryStatus.PENDING);
			if (results.stream().anyMatch(BulkResult::handedBack)) {
				return;
			}
		}
	}

	@Override
	public void resume(BulkJob job) {
		int unknown = this.deliveryLog.expireSendingReplacements(job.publicationId(), SmsBroadcastWorker.CHANNEL,
				this.sms.unknownOutcome());
		if (unknown > 0) {
			log.warn("ZNS job {} resumed: {} fallback SMS of a stopped run have an unknown outcome", job.id(), unknown);
		}
	}

	@Override
	public String unknownOutcome() {
		return "Không rõ kết quả: tiến trình gửi dừng khi đang gọi Zalo ZNS; không gửi lại và không gửi SMS thay thế "
				+ "để tránh trùng tin (unknown outcome, not re-sent)";
	}

	/** {@code user_received_message} from ZNS: the row becomes DELIVERED. */
	@EventListener
	void received(ZnsReceipt receipt) {
		if (receipt.msgId() != null && !receipt.msgId().isBlank() && this.deliveryLog
			.transitionByReference(ZnsStatusTable.PROVIDER, receipt.msgId(), DeliveryStatus.DELIVERED, null, null)) {
			return;
		}
		// The receipt overtook the batch that stores msg_id: the tracking id is the row.
		if (receipt.trackingId() != null && TRACKING_ID.matcher(receipt.trackingId()).matches()) {
			long id = Long.parseLong(receipt.trackingId());
			this.deliveryLog.get(id)
				.filter((row) -> ZnsChannel.ID.equals(row.channel()))
				.ifPresent((row) -> this.deliveryLog.transition(id, DeliveryStatus.DELIVERED, null));
		}
	}

	/** The quota as Zalo reports it now, for the console and health. */
	Optional<ZnsClient.Quota> quota() {
		try {
			return Optional.of(this.client.quota(this.tokens.accessToken()));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private ZnsPayload payload(BulkJob job) {
		ZnsPayload known = this.payloads.get(job.id());
		return (known != null) ? known
				: this.payloads.computeIfAbsent(job.id(), (id) -> ZnsPayload.fromJson(job.payload()));
	}

	/** Zalo takes {@code 84987654321}, without the plus. */
	static String zaloPhone(String e164) {
		return e164.startsWith("+") ? e164.substring(1) : e164;
	}

	/** Sends fallback rows as SMS on their own sender threads. */
	private final class Fallbacks implements BulkChannel {

		@Override
		public String channel() {
			return ZnsChannel.ID + "-sms-fallback";
		}

		@Override
		public String provider() {
			return SmsBroadcastWorker.PROVIDER;
		}

		@Override
		public BulkSettings settings() {
			return ZnsBroadcastWorker.this.sms.settings();
		}

		/** Fallback rows are written with the ZNS answers they follow, never streamed. */
		@Override
		public List<BulkRecipient> recipients(BulkJob job, long afterKey, int limit) {
			return List.of();
		}

		@Override
		public BulkResult send(BulkJob job, Claimed row, Recipient recipient, BulkRun run) throws InterruptedException {
			return ZnsBroadcastWorker.this.sms.sendText(row, payload(job).smsText(), run);
		}

		@Override
		public String unknownOutcome() {
			return ZnsBroadcastWorker.this.sms.unknownOutcome();
		}

	}

}
