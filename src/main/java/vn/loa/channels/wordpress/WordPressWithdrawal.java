package vn.loa.channels.wordpress;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.loa.channels.Retraction;
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
 * is remembered and otherwise by the next sweep. Each pass claims a post before calling
 * the site ({@link Retraction}), so that a post is trashed once even when the withdrawal,
 * a cancelled publication and the sweep of another node find it owed at the same time.
 */
@Component
class WordPressWithdrawal implements RetractionSweep {

	private final WordPressPosts posts;

	private final WordPressSender sender;

	private final RetractionRetry retry;

	private final Retraction<WordPressPosts.Post> retraction;

	private final Clock clock;

	private final DeliveryLog deliveries;

	WordPressWithdrawal(WordPressPosts posts, WordPressSender sender, WordPressProperties properties,
			DeliveryLog deliveries, Clock clock) {
		this.posts = posts;
		this.sender = sender;
		this.retry = properties.withdrawal();
		this.retraction = new Retraction<>("WordPress", this.retry, posts, this::trash,
				(post) -> "post " + post.postId() + " on site " + post.site() + " of content item " + post.contentId(),
				clock);
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
		trashNow(this.posts.toTrash(late.contentId()).stream().filter((p) -> p.trashAttempts() == 0).toList());
	}

	/** Published by the handler when it remembered a post of a withdrawn item. */
	record PostOfWithdrawnItem(long contentId) {
	}

	/**
	 * Trashes the given posts now (a cancelled publication's scheduled posts); those a
	 * site refused are left to the sweep.
	 * @return how many are still on their site
	 */
	int trashNow(List<WordPressPosts.Post> posts) {
		return this.retraction.takeBack(posts, this.clock.instant());
	}

	/**
	 * Trashes the item's posts not yet in the trash, one site after the other.
	 * @return how many are still on their site
	 */
	int trashPosts(long contentId) {
		return trashNow(this.posts.toTrash(contentId));
	}

	/**
	 * Asks again for the posts of withdrawn items that are still owed a trash and due, at
	 * most one batch.
	 * @param now the sweep's time, which decides which delays are over
	 * @return how many of them are still on their site
	 */
	@Override
	public int sweep(Instant now) {
		return this.retraction.takeBack(this.posts.owed(now, this.retry.batchSize()), now);
	}

	private String trash(WordPressPosts.Post post) {
		WordPressTrashResult result = this.sender.trash(post.site(), post.postId());
		if (result instanceof WordPressTrashResult.Failed failed) {
			return failed.code() + ": " + failed.message();
		}
		String link = (result instanceof WordPressTrashResult.Trashed trashed) ? trashed.link() : null;
		this.posts.trashed(post.id(), link, this.clock.instant());
		if (post.cancelledAt() != null) {
			// The scheduled post of a cancelled publication: its row says it never went
			// out.
			this.deliveries.record(DeliveryOutcome.failed(post.publicationId(), WordPressChannel.ID, post.site(),
					DeliveryStatus.SKIPPED, WordPressHandler.provider(post.site()), "publication_cancelled",
					"The publication was cancelled before its time; scheduled post " + post.postId()
							+ " is in the site's trash",
					null));
		}
		return null;
	}

}
