package vn.loa.channels.wordpress;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.loa.channels.ScheduleChange;

/**
 * Keeps the {@code future} posts a publication handed to WordPress in step with it: a
 * rescheduled publication moves its posts to the new time (or publishes them when that
 * has come), a cancelled one sends them to the trash, with the withdrawal's retries when
 * a site refuses. The sites are called after the change is committed, off the request
 * thread.
 */
@Component
class WordPressSchedule {

	private static final Logger log = LoggerFactory.getLogger(WordPressSchedule.class);

	private final WordPressPosts posts;

	private final WordPressSender sender;

	private final WordPressWithdrawal withdrawal;

	private final Clock clock;

	WordPressSchedule(WordPressPosts posts, WordPressSender sender, WordPressWithdrawal withdrawal, Clock clock) {
		this.posts = posts;
		this.sender = sender;
		this.withdrawal = withdrawal;
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener(fallbackExecution = true)
	void on(ScheduleChange change) {
		List<WordPressPosts.Post> scheduled = this.posts.ofPublication(change.publicationId())
			.stream()
			.filter(WordPressPosts.Post::future)
			.toList();
		if (scheduled.isEmpty()) {
			return;
		}
		if (change.isCancelled()) {
			Instant now = this.clock.instant();
			scheduled.forEach((post) -> this.posts.cancelled(post.id(), now));
			List<WordPressPosts.Post> owed = this.posts.ofPublication(change.publicationId())
				.stream()
				.filter((p) -> p.cancelledAt() != null)
				.toList();
			int left = this.withdrawal.trashNow(owed);
			log.info("Publication {} cancelled: {} of {} scheduled WordPress post(s) trashed", change.publicationId(),
					owed.size() - left, owed.size());
			return;
		}
		for (WordPressPosts.Post post : scheduled) {
			move(post, change.scheduledAt());
		}
	}

	/** Moves one scheduled post; a post whose time has come is published. */
	boolean move(WordPressPosts.Post post, Instant at) {
		boolean future = at.isAfter(this.clock.instant().plus(WordPressHandler.SCHEDULE_THRESHOLD));
		WordPressSender.Sent sent = this.sender.update(post.site(), post.postId(), WordPressPost.movedTo(at, future));
		if (sent.result() instanceof WordPressResult.Created moved && moved.id() == post.postId()) {
			this.posts.moved(post.id(), moved.link(), moved.status(), future ? at : null, this.clock.instant());
			log.info("WordPress site {} moved post {} to {} ({})", post.site(), post.postId(), at, moved.status());
			return true;
		}
		// The post keeps its old time on the site; the officer sees it in the post list.
		log.error("WordPress site {} did not move scheduled post {} of publication {} to {}: {}", post.site(),
				post.postId(), post.publicationId(), at, sent.result());
		return false;
	}

}
