package vn.loa.channels.facebook;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.loa.channels.Retraction;
import vn.loa.channels.ScheduleChange;

/**
 * Keeps the posts scheduled on Facebook in step with their publication: a cancelled
 * publication's scheduled posts are deleted, a moved one's are moved. A post moved too
 * close (or too far) for Facebook's scheduling is deleted and says so on its row, since
 * its delivery row already counts as sent and Loa must not post twice on its own.
 */
@Component
class FacebookScheduleChanges {

	private static final Logger log = LoggerFactory.getLogger(FacebookScheduleChanges.class);

	private final FacebookPosts posts;

	private final FacebookPages pages;

	private final FacebookGraph graph;

	private final FacebookPublisher publisher;

	private final Clock clock;

	FacebookScheduleChanges(FacebookPosts posts, FacebookPages pages, FacebookGraph graph, FacebookPublisher publisher,
			Clock clock) {
		this.posts = posts;
		this.pages = pages;
		this.graph = graph;
		this.publisher = publisher;
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener(fallbackExecution = true)
	void on(ScheduleChange change) {
		follow(change);
	}

	/**
	 * @return how many scheduled posts were moved or deleted
	 */
	int follow(ScheduleChange change) {
		Instant now = this.clock.instant();
		int followed = 0;
		for (FacebookPosts.Post post : this.posts.ofPublication(change.publicationId())) {
			if (post.postId() == null || post.scheduledOnFacebookAt() == null || post.retractedAt() != null
					|| !post.scheduledOnFacebookAt().isAfter(now)) {
				continue;
			}
			boolean move = !change.isCancelled() && this.publisher.schedulableOnFacebook(change.scheduledAt(), now);
			if (!move && this.posts.claim(post, now, now, now.plus(Retraction.CLAIM)).isEmpty()) {
				// Another pass (the item's withdrawal) is deleting it.
				continue;
			}
			try {
				String token = this.pages.token(post.pageId());
				if (move) {
					this.graph.reschedule(token, post.postId(), change.scheduledAt());
					this.posts.rescheduled(post.id(), change.scheduledAt());
				}
				else {
					this.graph.delete(token, post.postId());
					this.posts.retracted(post, "delete", now);
					if (!change.isCancelled()) {
						this.posts.note(post.id(), "moved to " + change.scheduledAt()
								+ ", outside Facebook's scheduling window: the scheduled post was deleted; publish again");
						log.warn(
								"Publication {} moved to {}: scheduled Facebook post {} deleted, it must be published again",
								change.publicationId(), change.scheduledAt(), post.postId());
					}
				}
				followed++;
			}
			catch (GraphRefusal refusal) {
				if (!move) {
					this.posts.release(post);
				}
				this.posts.note(post.id(), "schedule change not applied: " + refusal.getMessage());
				log.warn("Facebook Page {} did not follow the schedule change of publication {}: {}", post.pageId(),
						change.publicationId(), refusal.getMessage());
			}
		}
		return followed;
	}

}
