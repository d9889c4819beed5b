package vn.loa.channels.zalo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.loa.audience.Recipient;
import vn.loa.audience.ZaloFollower;
import vn.loa.audience.ZaloFollowers;
import vn.loa.channels.bulk.BulkChannel;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkPacing;
import vn.loa.channels.bulk.BulkRecipient;
import vn.loa.channels.bulk.BulkRetry;
import vn.loa.channels.bulk.BulkRun;
import vn.loa.channels.bulk.BulkRunner;
import vn.loa.channels.bulk.BulkSettings;
import vn.loa.content.ContentImages;
import vn.loa.deliverylog.Delivery;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryLog.BulkResult;
import vn.loa.deliverylog.DeliveryLog.Claimed;
import vn.loa.deliverylog.DeliveryLog.Retry;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * The follower broadcast as a bulk channel: {@link BulkRunner} streams the OA's followers
 * (in key order, leased, resumable, in batches like an SMS or ZNS broadcast) and writes
 * their rows — PENDING inside the interaction window, SKIPPED {@code OUTSIDE_WINDOW}
 * outside it; this sends each PENDING row as a consultation message. Without a usable
 * token (never connected, or the refresh refused) the rows taken go back PENDING
 * untouched and the job WAITs ({@code NEEDS_REAUTHORISATION}), resuming at the same batch
 * once an admin connects the OA; nothing fails meanwhile.
 * <p>
 * The OA article, when asked for, is created once before the first message (its row is
 * {@code target=article}); if Zalo refuses it the messages go without the link. Answers
 * that say Zalo took nothing (429, a token refused twice) are tried again once the cursor
 * has passed every follower, a few times at most.
 */
@Component
class ZaloOaSender implements BulkChannel {

	static final String ARTICLE_TARGET = "article";

	static final String OUTSIDE_WINDOW = "OUTSIDE_WINDOW";

	static final String NEEDS_REAUTHORISATION = "NEEDS_REAUTHORISATION";

	/**
	 * The error code of answers that said Zalo took nothing; the message keeps Zalo's.
	 */
	static final String TRY_AGAIN = "TRY_AGAIN";

	/**
	 * One consultation message at a time: Zalo documents no OA send rate to pace against,
	 * and an OA's followers inside the window are thousands, not millions.
	 */
	private static final int SENDERS = 1;

	private static final BulkRetry RETRY = new BulkRetry() {

		@Override
		public int maxAttempts() {
			return 3;
		}

		@Override
		public Duration backoff(int attempt) {
			return Duration.ofSeconds(30);
		}

	};

	private static final Duration WAIT_FOR_TOKEN = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(ZaloOaSender.class);

	private final BulkRunner runner;

	private final BulkJobs jobs;

	private final ZaloFollowers followers;

	private final DeliveryLog deliveries;

	private final ZaloOaClient client;

	private final ContentImages images;

	private final ZaloProperties properties;

	private final Clock clock;

	private final Map<Long, ZaloOaPayload> payloads = new ConcurrentHashMap<>();

	/** Per job, the article's link once settled (empty: the message goes without one). */
	private final Map<Long, Optional<String>> articles = new ConcurrentHashMap<>();

	private final ZaloTokenWait tokenWait;

	ZaloOaSender(BulkRunner runner, BulkJobs jobs, ZaloFollowers followers, DeliveryLog deliveries, ZaloOaClient client,
			ContentImages images, ZaloProperties properties, Clock clock, ZaloOaTokens tokens) {
		this.runner = runner;
		this.jobs = jobs;
		this.followers = followers;
		this.deliveries = deliveries;
		this.client = client;
		this.images = images;
		this.properties = properties;
		this.clock = clock;
		this.tokenWait = new ZaloTokenWait(tokens::generation);
	}

	@Scheduled(fixedDelayString = "${loa.channels.zalo.poll-interval:1s}",
			initialDelayString = "${loa.channels.zalo.poll-interval:1s}")
	void tick() {
		if (!this.properties.enabled() || this.runner.stopping()) {
			return;
		}
		this.runner.runRunnable(this, 10);
	}

	/** Runs one job now; false when another node holds it. */
	boolean run(long jobId) {
		return this.runner.run(jobId, this, BulkPacing.CHANNEL);
	}

	@Override
	public String channel() {
		return ZaloChannel.ID;
	}

	@Override
	public String provider() {
		return ZaloStatusTable.PROVIDER;
	}

	@Override
	public BulkSettings settings() {
		return new BulkSettings(this.properties.batchSize(), SENDERS, this.properties.lease());
	}

	/** The OA's followers; those outside the interaction window are skipped. */
	@Override
	public List<BulkRecipient> recipients(BulkJob job, long afterKey, int limit) {
		Instant now = this.clock.instant();
		Duration window = this.properties.interactionWindow();
		List<BulkRecipient> recipients = new ArrayList<>();
		for (ZaloFollower follower : this.followers.nextFollowers(afterKey, limit)) {
			recipients.add(follower.insideWindow(now, window) ? BulkRecipient.pending(follower.key(), follower.userId())
					: BulkRecipient.skipped(follower.key(), follower.userId(), OUTSIDE_WINDOW,
							"Người theo dõi không tương tác với OA trong " + window.toDays() + " ngày qua"));
		}
		return recipients;
	}

	@Override
	public Optional<Wait> waitBeforeSending(BulkJob job, Instant now) {
		return this.tokenWait.until(now).map((until) -> new Wait(until, NEEDS_REAUTHORISATION));
	}

	@Override
	public BulkResult send(BulkJob job, Claimed row, Recipient recipient, BulkRun run) {
		if (run.stopping()) {
			return BulkResult.notSent(row);
		}
		if (this.tokenWait.holds(this.clock.instant())) {
			return BulkResult.notSent(row);
		}
		try {
			return BulkResult.sent(row, this.client.sendText(row.target(), text(job)));
		}
		catch (ZaloReauthorisationNeeded ex) {
			this.tokenWait.begin(this.clock.instant().plus(WAIT_FOR_TOKEN), ex);
			return BulkResult.notSent(row);
		}
		catch (ZaloApiError ex) {
			if (ex.status() == DeliveryStatus.SKIPPED) {
				// Zalo knows better than Loa's record of the last interaction.
				return BulkResult.skipped(row, ex.code(), ex.getMessage());
			}
			if (ex.status() == DeliveryStatus.TEMPORARY_FAILURE && ex.retrySafe()) {
				return BulkResult.failed(row, DeliveryStatus.TEMPORARY_FAILURE, TRY_AGAIN,
						ex.code() + ": " + ex.getMessage());
			}
			return BulkResult.failed(row, ex.status(), ex.code(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			return BulkResult.failed(row, DeliveryStatus.TECHNICAL_FAILURE, ex.getClass().getSimpleName(),
					String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The OA is connected again (on this node): the jobs waiting for it go on now, here
	 * and, woken in the database, on every node ({@link ZaloTokenWait}).
	 */
	@EventListener
	void connected(ZaloOaConnected connected) {
		this.tokenWait.clear();
		this.jobs.wake(ZaloChannel.ID, NEEDS_REAUTHORISATION);
	}

	/** The article row is the job's own: created once, never sent to a follower. */
	@Override
	public boolean recipientRow(String target) {
		return !ARTICLE_TARGET.equals(target);
	}

	@Override
	public String unknownOutcome() {
		return "Lần gửi bị ngắt giữa chừng: không rõ Zalo đã nhận hay chưa, nên không gửi lại";
	}

	@Override
	public String retryCode() {
		return TRY_AGAIN;
	}

	@Override
	public BulkRetry retry() {
		return RETRY;
	}

	@Override
	public String exhausted(Retry retry) {
		return "Zalo vẫn chưa nhận sau " + retry.attempts() + " lần gửi";
	}

	/** The message, with the article's link when there is one. */
	private String text(BulkJob job) {
		ZaloOaPayload payload = payload(job);
		String url = payload.wantsArticle() ? article(job, payload).orElse(null) : null;
		return (url != null) ? payload.body().strip() + "\n\nĐọc bài trên Zalo: " + url : payload.body();
	}

	private ZaloOaPayload payload(BulkJob job) {
		return this.payloads.computeIfAbsent(job.id(), (id) -> ZaloOaPayload.fromJson(job.payload()));
	}

	/**
	 * The article's link, creating the article first if no run did: upload the cover,
	 * create, verify. Empty when there is none (refused, no cover image).
	 * @throws ZaloReauthorisationNeeded when the token gave out; the message waits too
	 */
	private synchronized Optional<String> article(BulkJob job, ZaloOaPayload payload) {
		Optional<String> known = this.articles.get(job.id());
		if (known != null) {
			return known;
		}
		Optional<String> url = createArticle(job, payload.article());
		this.articles.put(job.id(), url);
		return url;
	}

	private Optional<String> createArticle(BulkJob job, JsonNode spec) {
		JsonNode cover = spec.path("cover");
		if (cover.isMissingNode() || cover.isNull()) {
			this.deliveries.record(DeliveryOutcome.failed(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET,
					DeliveryStatus.SKIPPED, ZaloStatusTable.PROVIDER, "NO_COVER_IMAGE",
					"Bài viết OA cần ảnh bìa: nội dung không có ảnh nào", job.templateVersion()));
			return Optional.empty();
		}
		if (this.deliveries
			.claim(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET, ZaloStatusTable.PROVIDER, job.templateVersion())
			.isEmpty()) {
			// created (or refused) before; a crash may have lost the link, which stays
			// off
			return this.deliveries.find(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET).map(Delivery::providerUrl);
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
			log.info("Zalo OA article {} created for publication {}", articleId, job.publicationId());
			return Optional.of(url);
		}
		catch (ZaloReauthorisationNeeded ex) {
			this.deliveries.record(DeliveryOutcome.failed(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET,
					DeliveryStatus.TEMPORARY_FAILURE, ZaloStatusTable.PROVIDER, NEEDS_REAUTHORISATION, ex.getMessage(),
					job.templateVersion()));
			throw ex;
		}
		catch (ZaloApiError ex) {
			this.deliveries.record(DeliveryOutcome.failed(job.publicationId(), ZaloChannel.ID, ARTICLE_TARGET,
					ex.status() == DeliveryStatus.TEMPORARY_FAILURE ? DeliveryStatus.TECHNICAL_FAILURE : ex.status(),
					ZaloStatusTable.PROVIDER, ex.code(), ex.getMessage(), job.templateVersion()));
			return Optional.empty();
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

}
