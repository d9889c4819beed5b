package vn.loa.channels.facebook;

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
import vn.loa.content.ContentWithdrawn;

/**
 * A withdrawn item must not stay on the Pages: each of its posts is deleted (or, with
 * {@code withdrawal.action: hide}, hidden from the Page's timeline) once the withdrawal
 * is committed, off the request thread. As for WordPress, the item is marked withdrawn in
 * the withdrawing transaction and a sweep asks again, with the shared
 * {@link RetractionRetry} delays, for posts a Page refused to give up and posts created
 * after the withdrawal. Each post keeps its outcome: when and how it went, or Graph's
 * code and message.
 */
@Component
class FacebookWithdrawal {

	private static final Logger log = LoggerFactory.getLogger(FacebookWithdrawal.class);

	private final FacebookPosts posts;

	private final FacebookPages pages;

	private final FacebookGraph graph;

	private final FacebookProperties properties;

	private final RetractionRetry retry;

	private final Clock clock;

	FacebookWithdrawal(FacebookPosts posts, FacebookPages pages, FacebookGraph graph, FacebookProperties properties,
			Clock clock) {
		this.posts = posts;
		this.pages = pages;
		this.graph = graph;
		this.properties = properties;
		this.retry = properties.withdrawal().asRetry();
		this.clock = clock;
	}

	@EventListener
	void mark(ContentWithdrawn withdrawn) {
		this.posts.withdrawn(withdrawn.contentId(), this.clock.instant());
	}

	@Async
	@TransactionalEventListener
	void on(ContentWithdrawn withdrawn) {
		retract(withdrawn.contentId());
	}

	@Async
	@TransactionalEventListener(fallbackExecution = true)
	void on(PostOfWithdrawnItem late) {
		retract(this.posts.toRetract(late.contentId()).stream().filter((p) -> p.retractAttempts() == 0).toList(),
				this.clock.instant());
	}

	/** Published when a post was made for an item that is withdrawn already. */
	record PostOfWithdrawnItem(long contentId) {
	}

	/**
	 * @return how many of the item's posts are still on their Page
	 */
	int retract(long contentId) {
		return retract(this.posts.toRetract(contentId), this.clock.instant());
	}

	/**
	 * @return how many owed posts are still on their Page after this sweep
	 */
	int sweep(Instant now) {
		return retract(this.posts.owedRetractions(now, this.retry.batchSize()), now);
	}

	private int retract(List<FacebookPosts.Post> owed, Instant now) {
		int failed = 0;
		for (FacebookPosts.Post post : owed) {
			if (!retract(post, now)) {
				failed++;
			}
		}
		if (!owed.isEmpty()) {
			log.info("Facebook withdrawal: {} of {} post(s) taken down", owed.size() - failed, owed.size());
		}
		return failed;
	}

	private boolean retract(FacebookPosts.Post post, Instant now) {
		boolean hide = this.properties.withdrawal().hide();
		String error;
		try {
			String token = this.pages.token(post.pageId());
			boolean done = hide ? this.graph.hide(token, post.postId()) : this.graph.delete(token, post.postId());
			if (done) {
				this.posts.retracted(post.id(), hide ? "hide" : "delete", this.clock.instant());
				return true;
			}
			error = "Graph answered success=false";
		}
		catch (GraphRefusal refusal) {
			if (!hide && refusal.verdict().code().startsWith("100/33")) {
				// "Object does not exist": somebody deleted it on Facebook already.
				this.posts.retracted(post.id(), "gone", this.clock.instant());
				return true;
			}
			if (refusal.verdict().kind() == FacebookStatusTable.Kind.TOKEN) {
				this.pages.pause(post.pageId(), refusal.verdict().message());
			}
			error = refusal.getMessage();
		}
		catch (RuntimeException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		int attempts = post.retractAttempts() + 1;
		Optional<Instant> next = this.retry.nextAttempt(attempts, now);
		this.posts.retractFailed(post.id(), error, next.orElse(null), now);
		log.warn("Facebook Page {} kept post {} of withdrawn item {} (attempt {} of {}{}): {}", post.pageId(),
				post.postId(), post.contentId(), attempts, this.retry.maxAttempts(),
				next.map((n) -> ", next at " + n).orElse(", Loa gives up"), error);
		return false;
	}

}
