package vn.loa.channels.wordpress;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.loa.content.ContentWithdrawn;

/**
 * A withdrawn item must not stay on the sites: every post the channel made for it goes to
 * the trash. The sites are called only once the withdrawal is committed, and off the
 * request thread, since a slow site must neither hold a database transaction nor the
 * approver. Each post's outcome is kept: when it was trashed, or WordPress's code and
 * message when the site refused.
 */
@Component
class WordPressWithdrawal {

	private static final Logger log = LoggerFactory.getLogger(WordPressWithdrawal.class);

	private final WordPressPosts posts;

	private final WordPressSender sender;

	private final Clock clock;

	WordPressWithdrawal(WordPressPosts posts, WordPressSender sender, Clock clock) {
		this.posts = posts;
		this.sender = sender;
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener
	void on(ContentWithdrawn withdrawn) {
		trashPosts(withdrawn.contentId());
	}

	/**
	 * Trashes the item's posts not yet in the trash, one site after the other.
	 * @return how many are still on their site
	 */
	int trashPosts(long contentId) {
		List<WordPressPosts.Post> posts = this.posts.toTrash(contentId);
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

	private boolean trash(WordPressPosts.Post post) {
		WordPressTrashResult result;
		try {
			result = this.sender.trash(post.site(), post.postId());
		}
		catch (RuntimeException ex) {
			result = new WordPressTrashResult.Failed(0, ex.getClass().getSimpleName(), String.valueOf(ex.getMessage()),
					false);
		}
		if (result.done()) {
			this.posts.trashed(post.id(), this.clock.instant());
			return true;
		}
		WordPressTrashResult.Failed failed = (WordPressTrashResult.Failed) result;
		String error = failed.code() + ": " + failed.message();
		this.posts.trashFailed(post.id(), error);
		log.warn("WordPress site {} did not trash post {} of withdrawn content item {}; it is still published: {}",
				post.site(), post.postId(), post.contentId(), error);
		return false;
	}

}
