package vn.loa.channels.facebook;

import java.time.Clock;

import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelException;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * Hides a citizen's comment (it stays visible to its author and their friends, as
 * Facebook does), with the Page's token; who did it and what Graph answered is kept.
 */
@Component
class FacebookCommentModeration {

	private final FacebookComments comments;

	private final FacebookPages pages;

	private final FacebookGraph graph;

	private final Clock clock;

	FacebookCommentModeration(FacebookComments comments, FacebookPages pages, FacebookGraph graph, Clock clock) {
		this.comments = comments;
		this.pages = pages;
		this.graph = graph;
		this.clock = clock;
	}

	void hide(String commentId, String actor) {
		String pageId = this.comments.pageOf(commentId)
			.filter((page) -> this.pages.find(page).isPresent())
			.orElseThrow(() -> new ChannelException(DeliveryStatus.PERMANENT_FAILURE, "facebook", "UNKNOWN_COMMENT",
					"no comment " + commentId + " on a registered Page", null));
		try {
			this.graph.hide(this.pages.token(pageId), commentId);
			this.comments.action(commentId, "HIDE", actor, "hidden", this.clock.instant());
		}
		catch (GraphRefusal refusal) {
			this.comments.action(commentId, "HIDE", actor, refusal.getMessage(), this.clock.instant());
			throw new ChannelException(refusal.verdict().status(), "facebook", refusal.verdict().code(),
					refusal.verdict().message(), refusal);
		}
	}

}
