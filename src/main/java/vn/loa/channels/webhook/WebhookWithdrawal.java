package vn.loa.channels.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.content.ContentWithdrawn;
import vn.loa.content.ReviewState;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * A withdrawn item must not stay on the systems that received it: every endpoint that
 * accepted a delivery of it gets one signed {@value WebhookPayload#WITHDRAWN} notice. The
 * endpoints are called only once the withdrawal is committed, and off the request thread,
 * since a slow endpoint must neither hold a database transaction nor the approver. Each
 * endpoint's outcome is kept: when it accepted the notice, or its status and answer when
 * it did not.
 */
@Component
class WebhookWithdrawal {

	private static final Logger log = LoggerFactory.getLogger(WebhookWithdrawal.class);

	private final WebhookEvents events;

	private final WebhookSender sender;

	private final ContentService contents;

	private final Clock clock;

	WebhookWithdrawal(WebhookEvents events, WebhookSender sender, ContentService contents, Clock clock) {
		this.events = events;
		this.sender = sender;
		this.contents = contents;
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener
	void on(ContentWithdrawn withdrawn) {
		tell(withdrawn.contentId(), withdrawnAt(withdrawn.contentId()), withdrawn.reason());
	}

	/**
	 * Tells the item's endpoints that have not accepted its withdrawal yet, one after the
	 * other.
	 * @return how many of them were not told
	 */
	int tell(long contentId, Instant withdrawnAt, String reason) {
		List<String> endpoints = this.events.toTellWithdrawn(contentId);
		WebhookWithdrawalNotice notice = WebhookWithdrawalNotice.of(contentId, withdrawnAt, reason);
		int failed = 0;
		for (String endpoint : endpoints) {
			if (!tell(endpoint, notice)) {
				failed++;
			}
		}
		if (!endpoints.isEmpty()) {
			log.info("Withdrawn content item {}: {} of {} webhook endpoint(s) told", contentId,
					endpoints.size() - failed, endpoints.size());
		}
		return failed;
	}

	/**
	 * The same for every attempt and every pass, so receivers can drop duplicates; an
	 * item is withdrawn once.
	 */
	static String deliveryId(long contentId, String endpoint) {
		return "loa-withdrawn-" + contentId + "-" + endpoint;
	}

	private boolean tell(String endpoint, WebhookWithdrawalNotice notice) {
		String deliveryId = deliveryId(notice.id(), endpoint);
		long id = this.events.withdrawing(notice.id(), endpoint, deliveryId, this.clock.instant());
		WebhookSender.Sent sent;
		try {
			sent = this.sender.sendWithdrawn(endpoint, deliveryId, notice);
		}
		catch (RuntimeException ex) {
			sent = new WebhookSender.Sent(
					new WebhookResult.Failed(0, ex.getClass().getSimpleName() + ": " + ex.getMessage()), 0);
		}
		DeliveryStatus status = this.events.sent(id, deliveryId, sent, this.clock.instant());
		if (status == DeliveryStatus.SENT) {
			return true;
		}
		log.warn("Webhook {} was not told that content item {} is withdrawn ({} after {} attempt(s)): {}", endpoint,
				notice.id(), status, sent.attempts(), sent.result());
		return false;
	}

	/** When the item became WITHDRAWN, or now if that cannot be read. */
	private Instant withdrawnAt(long contentId) {
		try {
			ContentItem item = this.contents.get(contentId);
			if (item.state() == ReviewState.WITHDRAWN && item.updatedAt() != null) {
				return item.updatedAt();
			}
		}
		catch (RuntimeException ex) {
			log.debug("Content item {} could not be read; its withdrawal is dated now", contentId, ex);
		}
		return this.clock.instant();
	}

}
