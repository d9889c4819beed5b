package vn.loa.channels.wordpress;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelDispatch;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * Claims the delivery row, sends the post, remembers a created post for its content item
 * (so that withdrawing the item can trash it), and maps what WordPress answered to the
 * delivery log in one place.
 */
@Component
class WordPressHandler {

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
	 * @return the outcome, or null when another node already took this delivery
	 */
	DeliveryOutcome deliver(ChannelDispatch dispatch) {
		String provider = provider(dispatch.target());
		String template = dispatch.rendition().templateVersion();
		if (this.deliveries.claim(dispatch.publicationId(), WordPressChannel.ID, dispatch.target(), provider, template)
			.isEmpty()) {
			return null;
		}
		WordPressSender.Sent sent = this.sender.send(dispatch.target(), dispatch.content().title(),
				dispatch.rendition().text(), dispatch.content().summary(), dispatch.scheduledAt(),
				this.clock.instant());
		log.info("WordPress site {} answered {} after {} attempt(s)", dispatch.target(), sent.result(),
				sent.attempts());
		if (sent.result() instanceof WordPressResult.Created created) {
			remember(dispatch, created);
		}
		return outcome(dispatch, provider, template, sent);
	}

	private void remember(ChannelDispatch dispatch, WordPressResult.Created created) {
		try {
			this.posts.remember(dispatch.content().contentId(), dispatch.content().version(), dispatch.publicationId(),
					dispatch.target(), created.id(), created.link(), this.clock.instant());
		}
		catch (RuntimeException ex) {
			// The post exists whatever happens here, so the row still says SENT; but a
			// withdrawal will not find this post, and someone has to know.
			log.error(
					"WordPress site {} created post {} for content item {}, but Loa could not remember it;"
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

	/** The one table from WordPress answers to delivery statuses. */
	static DeliveryOutcome outcome(ChannelDispatch dispatch, String provider, String template,
			WordPressSender.Sent sent) {
		long publication = dispatch.publicationId();
		String target = dispatch.target();
		// Java 17: no pattern matching for switch yet, so the sealed cases are tested in
		// turn.
		WordPressResult result = sent.result();
		if (result instanceof WordPressResult.Created created) {
			return DeliveryOutcome.sent(publication, WordPressChannel.ID, target, provider, Long.toString(created.id()),
					created.link(), template);
		}
		if (result instanceof WordPressResult.Rejected rejected) {
			return DeliveryOutcome.failed(publication, WordPressChannel.ID, target, DeliveryStatus.PERMANENT_FAILURE,
					provider, rejected.code(), rejected.message(), template);
		}
		WordPressResult.Failed failed = (WordPressResult.Failed) result;
		return DeliveryOutcome.failed(publication, WordPressChannel.ID, target, DeliveryStatus.TECHNICAL_FAILURE,
				provider, failed.code(), failed.message() + attempts(sent.attempts()), template);
	}

	static String provider(String site) {
		return WordPressChannel.ID + ":" + site;
	}

	private static String attempts(int attempts) {
		return (attempts > 1) ? " (after " + attempts + " attempts)" : "";
	}

}
