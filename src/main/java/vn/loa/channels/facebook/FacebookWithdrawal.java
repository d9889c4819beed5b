package vn.loa.channels.facebook;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.loa.channels.Retraction;
import vn.loa.channels.RetractionRetry;
import vn.loa.channels.RetractionSweep;
import vn.loa.content.ContentWithdrawn;

/**
 * A withdrawn item must not stay on the Pages: each of its posts is deleted (or, with
 * {@code withdrawal.action: hide}, hidden from the Page's timeline) once the withdrawal
 * is committed, off the request thread. As for WordPress, the item is marked withdrawn in
 * the withdrawing transaction and the sweep asks again, with the shared
 * {@link RetractionRetry} delays, for posts a Page refused to give up and posts created
 * after the withdrawal. Each pass claims a post before calling Graph
 * ({@link Retraction}), so a post is deleted once and keeps what that call said:
 * {@code delete} or {@code hide}, {@code gone} when it had been deleted on Facebook
 * already, or Graph's code and message.
 */
@Component
class FacebookWithdrawal implements RetractionSweep {

	private final FacebookPosts posts;

	private final FacebookPages pages;

	private final FacebookGraph graph;

	private final boolean hide;

	private final RetractionRetry retry;

	private final Retraction<FacebookPosts.Post> retraction;

	private final Clock clock;

	FacebookWithdrawal(FacebookPosts posts, FacebookPages pages, FacebookGraph graph, FacebookProperties properties,
			Clock clock) {
		this.posts = posts;
		this.pages = pages;
		this.graph = graph;
		this.hide = properties.withdrawal().hide();
		this.retry = properties.withdrawal().asRetry();
		this.retraction = new Retraction<>("Facebook", this.retry, posts, this::takeDown, (post) -> "post "
				+ post.postId() + " on Page " + post.pageId() + " of withdrawn content item " + post.contentId(),
				clock);
		this.clock = clock;
	}

	@Override
	public String channel() {
		return FacebookPublisher.CHANNEL;
	}

	@Override
	public RetractionRetry retry() {
		return this.retry;
	}

	/**
	 * In the withdrawing transaction: the item is kept as withdrawn, so a crash before
	 * the Pages are called leaves the work to the sweep.
	 */
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
		this.retraction.takeBack(
				this.posts.toRetract(late.contentId()).stream().filter((p) -> p.retractAttempts() == 0).toList(),
				this.clock.instant());
	}

	/** Published when a post was made for an item that is withdrawn already. */
	record PostOfWithdrawnItem(long contentId) {
	}

	/**
	 * @return how many of the item's posts this pass took on are still on their Page
	 */
	int retract(long contentId) {
		return this.retraction.takeBack(this.posts.toRetract(contentId), this.clock.instant());
	}

	/**
	 * Asks again for the posts of withdrawn items still on their Page and due, at most
	 * one batch.
	 * @return how many of them are still on their Page
	 */
	@Override
	public int sweep(Instant now) {
		return this.retraction.takeBack(this.posts.owedRetractions(now, this.retry.batchSize()), now);
	}

	private String takeDown(FacebookPosts.Post post) {
		try {
			String token = this.pages.token(post.pageId());
			boolean done = this.hide ? this.graph.hide(token, post.postId()) : this.graph.delete(token, post.postId());
			if (!done) {
				return "Graph answered success=false";
			}
			this.posts.retracted(post, this.hide ? "hide" : "delete", this.clock.instant());
			return null;
		}
		catch (GraphRefusal refusal) {
			if (!this.hide && refusal.verdict().code().startsWith("100/33")) {
				// "Object does not exist": it was deleted on Facebook, not by Loa, since
				// only the pass holding the claim calls Graph.
				this.posts.retracted(post, "gone", this.clock.instant());
				return null;
			}
			if (refusal.verdict().kind() == FacebookStatusTable.Kind.TOKEN) {
				this.pages.pause(post.pageId(), refusal.verdict().message());
			}
			return refusal.getMessage();
		}
	}

}
