package vn.loa.channels.facebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.RetractionRetry;
import vn.loa.common.LoaProperties;
import vn.loa.content.ImageRef;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * Posts a dispatch on every Page its target names, one delivery row per Page (target =
 * page id). Each Page's row is claimed before Graph is called, so a re-fired publication
 * never posts twice; the post itself is kept, so that one that waits (a paused Page, a
 * rate limit, a time still ahead) goes out later exactly as rendered.
 */
@Component
class FacebookPublisher {

	static final String CHANNEL = "facebook";

	private static final Logger log = LoggerFactory.getLogger(FacebookPublisher.class);

	private final FacebookPages pages;

	private final FacebookPosts posts;

	private final FacebookGraph graph;

	private final DeliveryLog deliveries;

	private final FacebookProperties properties;

	private final LoaProperties loa;

	private final RetractionRetry retry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FacebookPublisher(FacebookPages pages, FacebookPosts posts, FacebookGraph graph, DeliveryLog deliveries,
			FacebookProperties properties, LoaProperties loa, ApplicationEventPublisher events, Clock clock) {
		this.pages = pages;
		this.posts = posts;
		this.graph = graph;
		this.deliveries = deliveries;
		this.properties = properties;
		this.loa = loa;
		this.retry = properties.retry().asRetry();
		this.events = events;
		this.clock = clock;
	}

	static String provider(String pageId) {
		return CHANNEL + ":" + pageId;
	}

	List<DeliveryOutcome> deliver(ChannelDispatch dispatch) {
		Instant now = this.clock.instant();
		if (dispatch.scheduledAt() != null && dispatch.scheduledAt().isAfter(now)
				&& !schedulableOnFacebook(dispatch.scheduledAt(), now)) {
			// Handed over ahead, but too soon or too far for Facebook's scheduling: Loa's
			// scheduler fires the publication at its time and the Pages get it then.
			log.info("Publication {} for {} is left to Loa's scheduler", dispatch.publicationId(),
					dispatch.scheduledAt());
			return List.of();
		}
		List<FacebookPages.Page> targets = this.pages.resolve(dispatch.target());
		if (targets.isEmpty()) {
			return List.of(DeliveryOutcome.failed(dispatch.publicationId(), CHANNEL, dispatch.target(),
					DeliveryStatus.PERMANENT_FAILURE, CHANNEL, "NO_PAGE",
					"no registered Facebook Page matches " + dispatch.target(),
					dispatch.rendition().templateVersion()));
		}
		List<DeliveryOutcome> outcomes = new ArrayList<>();
		for (FacebookPages.Page page : targets) {
			DeliveryOutcome outcome = deliverTo(dispatch, page);
			if (outcome != null) {
				outcomes.add(outcome);
			}
		}
		return outcomes;
	}

	private DeliveryOutcome deliverTo(ChannelDispatch dispatch, FacebookPages.Page page) {
		String template = dispatch.rendition().templateVersion();
		if (this.deliveries.claim(dispatch.publicationId(), CHANNEL, page.pageId(), provider(page.pageId()), template)
			.isEmpty()) {
			return null;
		}
		String link = this.loa.publicUrl("/portal/articles/" + dispatch.content().slug());
		String image = dispatch.content()
			.images()
			.stream()
			.findFirst()
			.map(ImageRef::path)
			.map(this.loa::publicUrl)
			.orElse(null);
		String kind = kind(dispatch.option("post", this.properties.post()), image);
		Instant now = this.clock.instant();
		Instant notBefore = (dispatch.scheduledAt() != null) ? dispatch.scheduledAt() : now;
		FacebookPosts.Post post = this.posts.prepare(dispatch.publicationId(), dispatch.content().contentId(),
				dispatch.content().version(), page.pageId(), kind, dispatch.rendition().text().strip(),
				"link".equals(kind) ? link : null, "photo".equals(kind) ? image : null, notBefore, template, now);
		return attempt(post);
	}

	/**
	 * Retries the posts that are due (rate limits over, a Page with a new token, a time
	 * come), each through its claimed delivery row.
	 * @return how many were posted
	 */
	int retryDue(Instant now) {
		int posted = 0;
		for (FacebookPosts.Post post : this.posts.due(now, this.properties.retry().batchSize())) {
			if (this.deliveries
				.claim(post.publicationId(), CHANNEL, post.pageId(), provider(post.pageId()), post.templateVersion())
				.isEmpty()) {
				continue;
			}
			DeliveryOutcome outcome = attempt(this.posts.find(post.id()).orElseThrow());
			this.deliveries.record(outcome);
			if (outcome.status() == DeliveryStatus.SENT) {
				posted++;
			}
		}
		return posted;
	}

	DeliveryOutcome attempt(FacebookPosts.Post post) {
		if ("POSTED".equals(post.status())) {
			return sent(post, post.postId(), post.permalink(), null);
		}
		Optional<FacebookPages.Page> page = this.pages.find(post.pageId());
		if (page.isEmpty()) {
			this.posts.failed(post.id(), "the Page is no longer registered");
			return failed(post, DeliveryStatus.PERMANENT_FAILURE, "PAGE_UNKNOWN", "the Page is no longer registered");
		}
		if (!page.get().active()) {
			this.posts.waiting(post.id(), page.get().stateReason());
			return failed(post, DeliveryStatus.TEMPORARY_FAILURE, FacebookPages.NEEDS_REAUTHORISATION,
					"waiting for a new Page token: " + page.get().stateReason());
		}
		Instant now = this.clock.instant();
		Instant scheduleAt = null;
		if (post.notBefore().isAfter(now)) {
			if (schedulableOnFacebook(post.notBefore(), now)) {
				scheduleAt = post.notBefore();
			}
			else {
				// Too close for Facebook's scheduling: Loa posts it when the time comes.
				this.posts.retryAt(post.id(), null, post.notBefore(), false);
				return failed(post, DeliveryStatus.TEMPORARY_FAILURE, "NOT_YET", "due at " + post.notBefore());
			}
		}
		String token = this.pages.token(post.pageId());
		try {
			FacebookGraph.Created created = "photo".equals(post.kind())
					? this.graph.publishPhoto(token, post.pageId(), post.message(), post.imageUrl(), scheduleAt)
					: this.graph.publishLink(token, post.pageId(), post.message(), post.link(), scheduleAt);
			return remember(post, created.postId(), token, scheduleAt, null);
		}
		catch (GraphRefusal refusal) {
			return refused(post, token, refusal, now);
		}
	}

	/**
	 * A photo post when one is chosen and the item has an image, else a link post.
	 * @param chosen the publication's {@code facebook.post} option or the configured
	 * default
	 * @param image the item's first image, or null
	 */
	static String kind(String chosen, String image) {
		return ("photo".equals(chosen) && image != null) ? "photo" : "link";
	}

	boolean schedulableOnFacebook(Instant at, Instant now) {
		Duration ahead = Duration.between(now, at);
		return ahead.compareTo(this.properties.schedule().minLead()) > 0
				&& ahead.compareTo(this.properties.schedule().horizon()) <= 0;
	}

	private DeliveryOutcome refused(FacebookPosts.Post post, String token, GraphRefusal refusal, Instant now) {
		FacebookStatusTable.Verdict verdict = refusal.verdict();
		String error = verdict.code() + ": " + verdict.message();
		switch (verdict.kind()) {
			case TOKEN -> {
				if (this.pages.pause(post.pageId(), verdict.message())) {
					log.warn("Facebook refused the token of Page {}; the Page waits for an admin: {}", post.pageId(),
							error);
				}
				this.posts.waiting(post.id(), error);
				return failed(post, DeliveryStatus.TEMPORARY_FAILURE, verdict.code(),
						"waiting for a new Page token: " + verdict.message());
			}
			case RATE_LIMIT, TRANSIENT -> {
				Optional<Instant> next = this.retry.nextAttempt(post.attempts() + 1, now);
				if (next.isEmpty()) {
					this.posts.failed(post.id(), error);
					return failed(post, DeliveryStatus.TECHNICAL_FAILURE, verdict.code(),
							verdict.message() + " (after " + (post.attempts() + 1) + " attempts)");
				}
				Instant at = next.get();
				if (now.plus(refusal.waitAtLeast()).isAfter(at)) {
					at = now.plus(refusal.waitAtLeast());
				}
				this.posts.retryAt(post.id(), error, at, true);
				log.info("Facebook Page {} answered {}; trying again at {}", post.pageId(), error, at);
				return failed(post, DeliveryStatus.TEMPORARY_FAILURE, verdict.code(),
						verdict.message() + " (next attempt at " + at + ")");
			}
			case DUPLICATE -> {
				Optional<String> earlier;
				try {
					earlier = this.graph.findPost(token, post.pageId(), post.message());
				}
				catch (GraphRefusal lookup) {
					earlier = Optional.empty();
				}
				if (earlier.isPresent()) {
					log.info("Facebook Page {} has this post already as {}; recorded instead of a second one",
							post.pageId(), earlier.get());
					return remember(post, earlier.get(), token, null, verdict);
				}
				this.posts.failed(post.id(), error);
				return failed(post, DeliveryStatus.PERMANENT_FAILURE, verdict.code(),
						verdict.message() + " (the earlier post was not found)");
			}
			default -> {
				this.posts.failed(post.id(), error);
				return failed(post, verdict.status(), verdict.code(), verdict.message());
			}
		}
	}

	private DeliveryOutcome remember(FacebookPosts.Post post, String postId, String token, Instant scheduledAt,
			FacebookStatusTable.Verdict duplicate) {
		String permalink;
		try {
			permalink = this.graph.permalink(token, postId);
		}
		catch (GraphRefusal ex) {
			// The post exists; only its address is unknown, and Facebook resolves this
			// one.
			permalink = "https://www.facebook.com/" + postId;
		}
		this.posts.posted(post.id(), postId, permalink, scheduledAt, this.clock.instant());
		if (this.posts.isWithdrawn(post.contentId())) {
			// Withdrawn while this post was on its way: it goes as soon as it is known.
			this.events.publishEvent(new FacebookWithdrawal.PostOfWithdrawnItem(post.contentId()));
		}
		return sent(post, postId, permalink, duplicate);
	}

	private static DeliveryOutcome sent(FacebookPosts.Post post, String postId, String permalink,
			FacebookStatusTable.Verdict duplicate) {
		return new DeliveryOutcome(post.publicationId(), CHANNEL, post.pageId(), DeliveryStatus.SENT,
				provider(post.pageId()), postId, permalink, (duplicate != null) ? duplicate.code() : null,
				(duplicate != null)
						? "Facebook refused a duplicate; the earlier post is recorded: " + duplicate.message() : null,
				post.templateVersion());
	}

	private static DeliveryOutcome failed(FacebookPosts.Post post, DeliveryStatus status, String code, String message) {
		return DeliveryOutcome.failed(post.publicationId(), CHANNEL, post.pageId(), status, provider(post.pageId()),
				code, message, post.templateVersion());
	}

}
