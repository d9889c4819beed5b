package vn.loa.channels.wordpress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.loa.channels.ArticleText;
import vn.loa.channels.ChannelDispatch;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * Claims the delivery row, writes the post (a new one, or the item's existing post on the
 * site when a newer publication of the item comes), remembers it for its content item (so
 * that withdrawing the item can trash it and a scheduled post can follow its
 * publication), and maps what WordPress answered to the delivery log in one place.
 *
 * A dispatch whose time is more than a minute ahead (handed over at approval) becomes a
 * {@code future} post, which WordPress publishes by itself.
 */
@Component
class WordPressHandler {

	/** Publication option: make a new post even if the item has one on the site. */
	static final String NEW_POST = "new-post";

	/** Closer than this to now, a post is simply published. */
	static final Duration SCHEDULE_THRESHOLD = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(WordPressHandler.class);

	private final DeliveryLog deliveries;

	private final WordPressSender sender;

	private final WordPressPosts posts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WordPressHandler(DeliveryLog deliveries, WordPressSender sender, WordPressPosts posts,
			ApplicationEventPublisher events, Clock clock) {
		this.deliveries = deliveries;
		this.sender = sender;
		this.posts = posts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return the outcome, or null when there is nothing to do now: another node already
	 * took this delivery, or it is handed ahead for an item whose post on the site is
	 * published (WordPress would take a published post off the site until the new time,
	 * so it is updated when the publication fires)
	 */
	DeliveryOutcome deliver(ChannelDispatch dispatch) {
		Instant now = this.clock.instant();
		boolean ahead = dispatch.scheduledAt() != null && dispatch.scheduledAt().isAfter(now.plus(SCHEDULE_THRESHOLD));
		Optional<WordPressPosts.Post> existing = Boolean.parseBoolean(dispatch.option(NEW_POST, "false"))
				? Optional.empty() : this.posts.current(dispatch.content().contentId(), dispatch.target());
		if (ahead && existing.isPresent() && !existing.get().waitingAt(now)) {
			log.info(
					"Publication {} is not handed ahead to WordPress site {}: post {} of the item is published there"
							+ " and is updated when the publication fires",
					dispatch.publicationId(), dispatch.target(), existing.get().postId());
			return null;
		}
		String provider = provider(dispatch.target());
		String template = dispatch.rendition().templateVersion();
		if (this.deliveries.claim(dispatch.publicationId(), WordPressChannel.ID, dispatch.target(), provider, template)
			.isEmpty()) {
			return null;
		}
		// WordPress renders title and excerpt as HTML and keeps an administrator's
		// markup:
		// they go as escaped plain text, as the portal shows them.
		String title = ArticleText.html(dispatch.content().title());
		String excerpt = ArticleText.html(dispatch.content().summary());
		String html = dispatch.rendition().text();
		WordPressPost post = ahead ? WordPressPost.scheduled(title, html, excerpt, dispatch.scheduledAt())
				: WordPressPost.publishNow(title, html, excerpt);
		WordPressSender.Sent sent = this.sender.publish(dispatch.target(), post,
				existing.map(WordPressPosts.Post::postId).orElse(null));
		log.info("WordPress site {} answered {} after {} attempt(s)", dispatch.target(), sent.result(),
				sent.attempts());
		if (sent.result() instanceof WordPressResult.Created created) {
			remember(dispatch, created, existing, ahead ? dispatch.scheduledAt() : null);
		}
		return outcome(dispatch, provider, template, sent, ahead);
	}

	private void remember(ChannelDispatch dispatch, WordPressResult.Created created,
			Optional<WordPressPosts.Post> existing, Instant scheduledAt) {
		Instant now = this.clock.instant();
		Instant at = "future".equals(created.status()) ? scheduledAt : null;
		try {
			if (existing.isPresent() && existing.get().postId() == created.id()) {
				this.posts.rewritten(existing.get().id(), dispatch.content().version(), dispatch.publicationId(),
						created.link(), created.status(), at, now);
			}
			else {
				this.posts.remember(dispatch.content().contentId(), dispatch.content().version(),
						dispatch.publicationId(), dispatch.target(), created.id(), created.link(), created.status(), at,
						now);
			}
		}
		catch (RuntimeException ex) {
			// The post exists whatever happens here, so the row still says SENT; but a
			// withdrawal will not find this post, and someone has to know.
			log.error(
					"WordPress site {} wrote post {} for content item {}, but Loa could not remember it;"
							+ " withdrawing the item will not trash it",
					dispatch.target(), created.id(), dispatch.content().contentId(), ex);
			return;
		}
		long contentId = dispatch.content().contentId();
		if (withdrawn(contentId)) {
			// The item was withdrawn while this post was on its way: the withdrawal may
			// have looked for the item's posts before this one was remembered.
			log.warn("WordPress site {} created post {} for content item {}, which is withdrawn; it goes to the trash",
					dispatch.target(), created.id(), contentId);
			this.events.publishEvent(new WordPressWithdrawal.PostOfWithdrawnItem(contentId));
		}
	}

	/**
	 * Whether the item is withdrawn, from this channel's own mark (written with the
	 * withdrawal itself); when that cannot be read, the sweep still finds it.
	 */
	private boolean withdrawn(long contentId) {
		try {
			return this.posts.isWithdrawn(contentId);
		}
		catch (RuntimeException ex) {
			log.debug("Content item {} could not be read after its WordPress post was remembered", contentId, ex);
			return false;
		}
	}

	/**
	 * The one table from WordPress answers to delivery statuses. The row keeps
	 * WordPress's HTTP status (401: the credentials are wrong; 403: the account lacks the
	 * right) and how many calls were made.
	 * @param ahead the dispatch was handed over ahead of its time, so a site that did not
	 * take it gets it again when the publication fires
	 */
	static DeliveryOutcome outcome(ChannelDispatch dispatch, String provider, String template,
			WordPressSender.Sent sent, boolean ahead) {
		long publication = dispatch.publicationId();
		String target = dispatch.target();
		WordPressResult result = sent.result();
		DeliveryOutcome outcome;
		// Java 17: no pattern matching for switch yet, so the sealed cases are tested in
		// turn.
		if (result instanceof WordPressResult.Created created) {
			outcome = DeliveryOutcome.sent(publication, WordPressChannel.ID, target, provider,
					Long.toString(created.id()), created.link(), template);
		}
		else if (result instanceof WordPressResult.Rejected rejected) {
			outcome = DeliveryOutcome.failed(publication, WordPressChannel.ID, target, DeliveryStatus.PERMANENT_FAILURE,
					provider, rejected.code(), rejected.message(), template);
		}
		else if (result instanceof WordPressResult.Unavailable unavailable) {
			outcome = DeliveryOutcome.failed(publication, WordPressChannel.ID, target,
					ahead ? DeliveryStatus.TEMPORARY_FAILURE : DeliveryStatus.TECHNICAL_FAILURE, provider,
					unavailable.code(), unavailable.message(), template);
		}
		else {
			WordPressResult.Failed failed = (WordPressResult.Failed) result;
			outcome = DeliveryOutcome.failed(publication, WordPressChannel.ID, target, DeliveryStatus.TECHNICAL_FAILURE,
					provider, failed.code(), failed.message(), template);
		}
		return outcome.withCalls(result.httpStatus(), sent.attempts());
	}

	static String provider(String site) {
		return WordPressChannel.ID + ":" + site;
	}

}
