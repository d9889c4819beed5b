package vn.loa.channels.wordpress;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.loa.channels.RetractionRetry;
import vn.loa.channels.RetractionSweep;
import vn.loa.content.ContentWithdrawn;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * A withdrawn item must not stay on the sites: every post the channel made for it goes to
 * the trash. The sites are called only once the withdrawal is committed, and off the
 * request thread, since a slow site must neither hold a database transaction nor the
 * approver. Each post's outcome is kept: when it was trashed, or WordPress's code and
 * message when the site refused.
 *
 * The item is kept as withdrawn ({@code wordpress_withdrawn}), so that what is still on a
 * site is asked again by {@link #sweep}: a post the site refused to trash, after a delay
 * that doubles each time, until the attempts are used up; and a post created after the
 * withdrawal was handled (a dispatch that was in flight), which is trashed as soon as it
 * is remembered and otherwise by the next sweep.
 */
@Component
class WordPressWithdrawal implements RetractionSweep {

	private static final Logger log = LoggerFactory.getLogger(WordPressWithdrawal.class);

	private final WordPressPosts posts;

	private final WordPressSender sender;

	private final RetractionRetry retry;

	private final Clock clock;

	private final DeliveryLog deliveries;

	WordPressWithdrawal(WordPressPosts posts, WordPressSender sender, WordPressProperties properties,
			DeliveryLog deliveries, Clock clock) {
		this.posts = posts;
		this.sender = sender;
		this.retry = properties.withdrawal();
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@Override
	public String channel() {
		return WordPressChannel.ID;
	}

	@Override
	public RetractionRetry retry() {
		return this.retry;
	}

	/**
	 * In the withdrawing transaction: the item is kept as withdrawn together with its new
	 * state, so a crash before the sites are called leaves the work to the sweep.
	 */
	@EventListener
	void mark(ContentWithdrawn withdrawn) {
		this.posts.withdrawn(withdrawn.contentId(), this.clock.instant());
	}

	@Async
	@TransactionalEventListener
	void on(ContentWithdrawn withdrawn) {
		trashPosts(withdrawn.contentId());
	}

	/**
	 * A post was remembered for an item that is withdrawn already: it goes to the trash
	 * once that is committed, off the dispatching thread.
	 */
	@Async
	@TransactionalEventListener(fallbackExecution = true)
	void on(PostOfWithdrawnItem late) {
		this.posts.withdrawn(late.contentId(), this.clock.instant());
		trash(this.posts.toTrash(late.contentId()).stream().filter((p) -> p.trashAttempts() == 0).toList(),
				late.contentId());
	}

	/** Published by the handler when it remembered a post of a withdrawn item. */
	record PostOfWithdrawnItem(long contentId) {
	}

	/**
	 * Trashes the given posts now (a cancelled publication's scheduled posts); those a
	 * site refused are left to the sweep.
	 * @return how many are still on their site
	 */
	int trashNow(List<WordPressPosts.Post> posts, long contentId) {
		return trash(posts, contentId);
	}

	/**
	 * Trashes the item's posts not yet in the trash, one site after the other.
	 * @return how many are still on their site
	 */
	int trashPosts(long contentId) {
		return trash(this.posts.toTrash(contentId).stream().filter((p) -> p.trashGivenUpAt() == null).toList(),
				contentId);
	}

	private int trash(List<WordPressPosts.Post> posts, long contentId) {
		int failed = 0;
		for (WordPressPosts.Post post : posts) {
			if (!trash(post)) {
				failed++;
			}
		}
		if (!posts.isEmpty()) {
			log.info("Withdrawn content item {}: {} of {} WordPress post(s) trashed", contentId, posts.size() - failed,
					posts.size());
		}
		return failed;
	}

	/**
	 * Asks again for the posts of withdrawn items that are still owed a trash and due, at
	 * most one batch.
	 * @param now the sweep's time, which decides which delays are over
	 * @return how many of them are still on their site
	 */
	@Override
	public int sweep(Instant now) {
		List<WordPressPosts.Post> owed = this.posts.owed(now, this.retry.batchSize());
		int failed = 0;
		for (WordPressPosts.Post post : owed) {
			if (!trash(post, now)) {
				failed++;
			}
		}
		if (!owed.isEmpty()) {
			log.info("WordPress withdrawal sweep: {} of {} owed post(s) trashed", owed.size() - failed, owed.size());
		}
		return failed;
	}

	private boolean trash(WordPressPosts.Post post) {
		return trash(post, this.clock.instant());
	}

	private boolean trash(WordPressPosts.Post post, Instant now) {
		WordPressTrashResult result;
		try {
			result = this.sender.trash(post.site(), post.postId());
		}
		catch (RuntimeException ex) {
			result = new WordPressTrashResult.Failed(0, ex.getClass().getSimpleName(), String.valueOf(ex.getMessage()),
					false);
		}
		if (result.done()) {
			String link = (result instanceof WordPressTrashResult.Trashed trashed) ? trashed.link() : null;
			this.posts.trashed(post.id(), link, this.clock.instant());
			if (post.cancelledAt() != null) {
				// The scheduled post of a cancelled publication: its row says it never
				// went out.
				this.deliveries.record(DeliveryOutcome.failed(post.publicationId(), WordPressChannel.ID, post.site(),
						DeliveryStatus.SKIPPED, WordPressHandler.provider(post.site()), "publication_cancelled",
						"The publication was cancelled before its time; scheduled post " + post.postId()
								+ " is in the site's trash",
						null));
			}
			return true;
		}
		WordPressTrashResult.Failed failed = (WordPressTrashResult.Failed) result;
		String error = failed.code() + ": " + failed.message();
		int attempts = post.trashAttempts() + 1;
		Optional<Instant> next = this.retry.nextAttempt(attempts, now);
		this.posts.trashFailed(post.id(), error, next.orElse(null), now);
		if (next.isPresent()) {
			log.warn(
					"WordPress site {} did not trash post {} of withdrawn content item {} (attempt {} of {}, next at {});"
							+ " it is still published: {}",
					post.site(), post.postId(), post.contentId(), attempts, this.retry.maxAttempts(), next.get(),
					error);
		}
		else {
			log.error(
					"WordPress site {} did not trash post {} of withdrawn content item {} after {} attempt(s); Loa gives up"
							+ " and the post is still published: {}",
					post.site(), post.postId(), post.contentId(), attempts, error);
		}
		return false;
	}

}
