package vn.loa.channels.zalo;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.loa.audience.ZaloFollower;
import vn.loa.audience.ZaloFollowers;
import vn.loa.content.ContentImages;
import vn.loa.deliverylog.Delivery;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryLog.BulkResult;
import vn.loa.deliverylog.DeliveryLog.Claimed;
import vn.loa.deliverylog.DeliveryLog.NewDelivery;
import vn.loa.deliverylog.DeliveryLog.Retry;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * Runs the follower send jobs. Per batch of followers (keyset order) it writes the rows —
 * PENDING inside the interaction window, SKIPPED {@code OUTSIDE_WINDOW} outside it —
 * then, with a usable token, claims each PENDING row (PENDING → SENDING, so a row is sent
 * at most once however many nodes run), sends the consultation message and records Zalo's
 * answer, and finally moves the cursor past the batch. Without a usable token (never
 * connected, or the refresh refused) the job WAITs with its rows PENDING and resumes at
 * the same batch once an admin connects the OA; nothing fails meanwhile.
 * <p>
 * The OA article, when asked for, is created once before the first message (its row is
 * {@code target=article}); if Zalo refuses it the messages go without the link. Rows that
 * ended TEMPORARY_FAILURE (an answer that says nothing was taken) are tried again after
 * the cursor has passed every follower, a few times at most.
 */
@Component
class ZaloOaSender {

	static final String ARTICLE_TARGET = "article";

	static final String OUTSIDE_WINDOW = "OUTSIDE_WINDOW";

	static final String NEEDS_REAUTHORISATION = "NEEDS_REAUTHORISATION";

	private static final int MAX_ATTEMPTS = 3;

	/** The answers that say Zalo took nothing ({@link ZaloStatusTable}: retry-safe). */
	private static final List<String> RETRIED_CODES = List.of("HTTP_429",
			Integer.toString(ZaloStatusTable.INVALID_TOKEN));

	private static final Duration WAIT_FOR_TOKEN = Duration.ofSeconds(5);

	private static final Duration RETRY_DELAY = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(ZaloOaSender.class);

	private final ZaloOaJobs jobs;

	private final ZaloFollowers followers;

	private final DeliveryLog deliveries;

	private final ZaloOaClient client;

	private final ZaloOaTokens tokens;

	private final ContentImages images;

	private final ZaloProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final String node;

	ZaloOaSender(ZaloOaJobs jobs, ZaloFollowers followers, DeliveryLog deliveries, ZaloOaClient client,
			ZaloOaTokens tokens, ContentImages images, ZaloProperties properties, JsonMapper json, Clock clock) {
		this.jobs = jobs;
		this.followers = followers;
		this.deliveries = deliveries;
		this.client = client;
		this.tokens = tokens;
		this.images = images;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.node = nodeName();
	}

	@Scheduled(fixedDelayString = "${loa.channels.zalo.poll-interval:1s}",
			initialDelayString = "${loa.channels.zalo.poll-interval:1s}")
	void tick() {
		if (!this.properties.enabled()) {
			return;
		}
		for (long id : this.jobs.runnable(10)) {
			run(id);
		}
	}

	/** Runs one job until it is done or waits; false when another node holds it. */
	boolean run(long jobId) {
		if (!this.jobs.lease(jobId, this.node, this.properties.lease())) {
			return false;
		}
		try {
			ZaloOaJobs.Job job = this.jobs.find(jobId).orElse(null);
			if (job == null || job.state() == ZaloOaJobs.State.DONE) {
				return true;
			}
			int unknown = this.deliveries.expireSending(job.publicationId(), ZaloChannel.ID,
					"Lần gửi bị ngắt giữa chừng: không rõ Zalo đã nhận hay chưa, nên không gửi lại");
			if (unknown > 0) {
				log.warn("Zalo OA job {} resumed: {} messages of a stopped run have an unknown outcome", jobId,
						unknown);
			}
			this.jobs.markRunning(jobId);
			while (true) {
				job = this.jobs.find(jobId).orElseThrow();
				List<ZaloFollower> batch = this.followers.nextFollowers(job.cursor(), this.properties.batchSize());
				if (batch.isEmpty()) {
					if (retryTemporaryFailures(job)) {
						this.jobs.finish(jobId);
						log.info("Zalo OA job {} of publication {} finished", jobId, job.publicationId());
					}
					break;
				}
				if (!runBatch(job, batch)) {
					break;
				}
				this.jobs.advance(jobId, batch.get(batch.size() - 1).userId());
				if (!this.jobs.lease(jobId, this.node, this.properties.lease())) {
					return true;
				}
			}
			this.jobs.release(jobId, this.node);
			return true;
		}
		catch (RuntimeException ex) {
			log.error("Zalo OA job {} stopped; it resumes at its cursor on the next run", jobId, ex);
			this.jobs.release(jobId, this.node);
			return true;
		}
	}

	/**
	 * @return false when the job has to wait for a token
	 */
	private boolean runBatch(ZaloOaJobs.Job job, List<ZaloFollower> batch) {
		Instant now = this.clock.instant();
		Duration window = this.properties.interactionWindow();
		List<NewDelivery> rows = new ArrayList<>(batch.size());
		List<String> inside = new ArrayList<>();
		for (ZaloFollower follower : batch) {
			if (follower.insideWindow(now, window)) {
				rows.add(NewDelivery.pending(follower.userId()));
				inside.add(follower.userId());
			}
			else {
				rows.add(NewDelivery.skipped(follower.userId(), OUTSIDE_WINDOW,
						"Người theo dõi không tương tác với OA trong " + window.toDays() + " ngày qua"));
			}
		}
		this.deliveries.insertBatch(job.publicationId(), ZaloChannel.ID, ZaloStatusTable.PROVIDER,
				job.templateVersion(), rows);
		if (inside.isEmpty()) {
			return true;
		}
		if (!tokenUsable(job)) {
			return false;
		}
		String articleUrl = ensureArticle(job);
		if (articleUrl == null && job.article() != null && !articleSettled(job)) {
			return false;
		}
		return send(job, this.deliveries.claimPending(job.publicationId(), ZaloChannel.ID, inside),
				text(job, articleUrl), DeliveryStatus.PENDING);
	}

	/**
	 * Sends the claimed rows and records every answer in one go. When the token gives out
	 * midway (a refused refresh), the rows not yet sent go back to {@code handedBackTo}
	 * untouched — Zalo was not called for them — and the job waits.
	 * @return false when the job has to wait for a token
	 */
	private boolean send(ZaloOaJobs.Job job, List<Claimed> claimed, String text, DeliveryStatus handedBackTo) {
		List<BulkResult> results = new ArrayList<>(claimed.size());
		String waitReason = null;
		for (Claimed row : claimed) {
			if (waitReason != null) {
				results.add(BulkResult.notSent(row));
				continue;
			}
			try {
				results.add(BulkResult.sent(row, this.client.sendText(row.target(), text)));
			}
			catch (ZaloReauthorisationNeeded ex) {
				waitReason = ex.getMessage();
				results.add(BulkResult.notSent(row));
			}
			catch (ZaloApiError ex) {
				if (ex.status() == DeliveryStatus.SKIPPED) {
					// Zalo knows better than Loa's record of the last interaction.
					this.deliveries.record(new DeliveryOutcome(job.publicationId(), ZaloChannel.ID, row.target(),
							DeliveryStatus.SKIPPED, ZaloStatusTable.PROVIDER, null, null, ex.code(), ex.getMessage(),
							job.templateVersion()));
				}
				else {
					results.add(BulkResult.failed(row, ex.status(), ex.code(), ex.getMessage()));
				}
			}
			catch (RuntimeException ex) {
				results.add(BulkResult.failed(row, DeliveryStatus.TECHNICAL_FAILURE, ex.getClass().getSimpleName(),
						String.valueOf(ex.getMessage())));
			}
		}
		this.deliveries.recordBatch(results, handedBackTo);
		if (waitReason != null) {
			this.jobs.waitUntil(job.id(), this.clock.instant().plus(WAIT_FOR_TOKEN), waitReason);
			return false;
		}
		return true;
	}

	private boolean tokenUsable(ZaloOaJobs.Job job) {
		try {
			this.tokens.accessToken();
			return true;
		}
		catch (ZaloReauthorisationNeeded ex) {
			this.jobs.waitUntil(job.id(), this.clock.instant().plus(WAIT_FOR_TOKEN), ex.getMessage());
			return false;
		}
	}

	/**
	 * Rows whose answer said nothing was taken (429, a token refused twice) go again, a
	 * few times, once every follower has had a first attempt.
	 * @return true when nothing is left to retry
	 */
	private boolean retryTemporaryFailures(ZaloOaJobs.Job job) {
		List<Retry> due = new ArrayList<>();
		List<Retry> exhausted = new ArrayList<>();
		for (String code : RETRIED_CODES) {
			for (Retry retry : this.deliveries.waitingRetries(job.publicationId(), ZaloChannel.ID, code, 500)) {
				(retry.attempts() >= MAX_ATTEMPTS ? exhausted : due).add(retry);
			}
		}
		this.deliveries.exhaust(exhausted, (retry) -> "Zalo vẫn chưa nhận sau " + retry.attempts() + " lần gửi");
		if (due.isEmpty()) {
			return true;
		}
		if (!tokenUsable(job)) {
			return false;
		}
		send(job, this.deliveries.claimRetries(due), text(job, job.articleUrl()), DeliveryStatus.TEMPORARY_FAILURE);
		this.jobs.waitUntil(job.id(), this.clock.instant().plus(RETRY_DELAY), null);
		return false;
	}

	private static String text(ZaloOaJobs.Job job, String articleUrl) {
		return (articleUrl != null) ? job.body().strip() + "\n\nĐọc bài trên Zalo: " + articleUrl : job.body();
	}

	/** Whether the article row has ended (created, or refused for good). */
	private boolean articleSettled(ZaloOaJobs.Job job) {
		return this.deliveries.find(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET)
			.map((row) -> DeliveryStatus.FINAL.contains(row.status()) || row.status() == DeliveryStatus.SENT)
			.orElse(false);
	}

	/**
	 * Creates the OA article once: upload the cover, create, verify.
	 * @return the article's link, or null when there is none (not asked for, refused, or
	 * waiting for a token)
	 */
	private String ensureArticle(ZaloOaJobs.Job job) {
		if (job.article() == null) {
			return null;
		}
		if (job.articleUrl() != null) {
			return job.articleUrl();
		}
		JsonNode spec = this.json.readTree(job.article());
		JsonNode cover = spec.path("cover");
		if (cover.isMissingNode() || cover.isNull()) {
			this.deliveries.record(DeliveryOutcome.failed(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET,
					DeliveryStatus.SKIPPED, ZaloStatusTable.PROVIDER, "NO_COVER_IMAGE",
					"Bài viết OA cần ảnh bìa: nội dung không có ảnh nào", job.templateVersion()));
			return null;
		}
		if (this.deliveries
			.claim(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET, ZaloStatusTable.PROVIDER, job.templateVersion())
			.isEmpty()) {
			// created (or refused) before; a crash may have lost the link, which stays
			// off
			return this.deliveries.find(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET)
				.map(Delivery::providerUrl)
				.orElse(null);
		}
		try {
			uploadCover(cover);
			List<ZaloOaClient.Block> blocks = new ArrayList<>();
			spec.path("blocks")
				.forEach((block) -> blocks.add("image".equals(block.path("type").asString())
						? ZaloOaClient.Block.image(block.path("url").asString(), block.path("caption").asString(""))
						: ZaloOaClient.Block.text(block.path("content").asString())));
			String token = this.client
				.createArticle(new ZaloOaClient.Article(spec.path("title").asString(), this.properties.articleAuthor(),
						cover.path("url").asString(), spec.path("description").asString(""), blocks));
			String articleId = this.client.verifyArticle(token);
			String url = this.properties.articleUrl()
				.replace("{oaId}", this.properties.effectiveOaId())
				.replace("{articleId}", articleId);
			this.deliveries.record(DeliveryOutcome.sent(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET,
					ZaloStatusTable.PROVIDER, articleId, url, job.templateVersion()));
			this.jobs.article(job.id(), articleId, url);
			return url;
		}
		catch (ZaloReauthorisationNeeded ex) {
			this.deliveries.record(DeliveryOutcome.failed(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET,
					DeliveryStatus.TEMPORARY_FAILURE, ZaloStatusTable.PROVIDER, NEEDS_REAUTHORISATION, ex.getMessage(),
					job.templateVersion()));
			this.jobs.waitUntil(job.id(), this.clock.instant().plus(WAIT_FOR_TOKEN), ex.getMessage());
			return null;
		}
		catch (ZaloApiError ex) {
			this.deliveries.record(DeliveryOutcome.failed(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET,
					ex.status() == DeliveryStatus.TEMPORARY_FAILURE ? DeliveryStatus.TECHNICAL_FAILURE : ex.status(),
					ZaloStatusTable.PROVIDER, ex.code(), ex.getMessage(), job.templateVersion()));
			return null;
		}
	}

	/**
	 * The cover goes to the OA's media first, as Zalo asks of images an OA publishes; the
	 * article names it by its public address.
	 */
	private void uploadCover(JsonNode cover) {
		Path file = this.images.file(cover.path("fileName").asString()).orElse(null);
		if (file == null) {
			return;
		}
		try {
			this.client.uploadImage(Files.readAllBytes(file), file.getFileName().toString(),
					MediaType.parseMediaType(cover.path("mediaType").asString("image/jpeg")));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the cover image " + file, ex);
		}
	}

	private static String nodeName() {
		try {
			return InetAddress.getLocalHost().getHostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
		}
		catch (IOException ex) {
			return "node-" + UUID.randomUUID().toString().substring(0, 8);
		}
	}

}
