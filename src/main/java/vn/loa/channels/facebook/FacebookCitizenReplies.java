package vn.loa.channels.facebook;

import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelException;
import vn.loa.channels.CitizenReplies;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * An officer's answer to a comment: a reply under it, as the Page, with that Page's
 * token; sent once.
 */
@Component
class FacebookCitizenReplies implements CitizenReplies {

	private final FacebookComments comments;

	private final FacebookPages pages;

	private final FacebookGraph graph;

	FacebookCitizenReplies(FacebookComments comments, FacebookPages pages, FacebookGraph graph) {
		this.comments = comments;
		this.pages = pages;
		this.graph = graph;
	}

	@Override
	public String channel() {
		return FacebookPublisher.CHANNEL;
	}

	@Override
	public String reply(String commentId, String text) {
		String pageId = this.comments.pageOf(commentId)
			.orElseThrow(() -> new ChannelException(DeliveryStatus.PERMANENT_FAILURE, "facebook", "UNKNOWN_COMMENT",
					"Loa did not receive comment " + commentId, null));
		if (this.pages.find(pageId).isEmpty()) {
			throw new ChannelException(DeliveryStatus.PERMANENT_FAILURE, "facebook", "PAGE_UNKNOWN",
					"Page " + pageId + " is not registered in Loa: register it with its token to reply", null);
		}
		try {
			return this.graph.replyToComment(this.pages.token(pageId), commentId, text);
		}
		catch (GraphRefusal refusal) {
			if (refusal.verdict().kind() == FacebookStatusTable.Kind.TOKEN) {
				this.pages.pause(pageId, refusal.verdict().message());
			}
			throw new ChannelException(refusal.verdict().status(), "facebook", refusal.verdict().code(),
					refusal.verdict().message(), refusal);
		}
	}

}
