package vn.loa.channels.webhook;

import java.time.Clock;
import java.time.Duration;
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
 *
 * The item is kept as withdrawn ({@code webhook_withdrawn}, with the date and reason the
 * notice carries), so that {@link #sweep} can send what is still owed: a notice an
 * endpoint did not accept, after a delay that doubles each time until the passes are used
 * up, and the notice for an endpoint that accepted the item after the withdrawal was
 * handled. A notice that may have reached an endpoint that does not drop duplicates (a
 * 5xx or no answer after sending) is never sent again: it is given up at once and stays
 * as it was.
 */
@Component
class WebhookWithdrawal implements RetractionSweep {

	private static final Logger log = LoggerFactory.getLogger(WebhookWithdrawal.class);

	/**
	 * A notice SENDING for longer than every attempt's timeouts together was left by a
	 * node that stopped.
	 */
	static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

	private final WebhookEvents events;

	private final WebhookSender sender;

	private final ContentService contents;

	private final RetractionRetry retry;

	private final Clock clock;

	WebhookWithdrawal(WebhookEvents events, WebhookSender sender, ContentService contents, WebhookProperties properties,
			Clock clock) {
		this.events = events;
		this.sender = sender;
		this.contents = contents;
		this.retry = properties.withdrawal();
		this.clock = clock;
	}

	@Override
	public String channel() {
		return WebhookChannel.ID;
	}

	@Override
	public RetractionRetry retry() {
		return this.retry;
	}

	/**
	 * In the withdrawing transaction: the item is kept as withdrawn, with its date and
	 * reason, together with its new state, so a crash before the endpoints are told
	 * leaves the work to the sweep.
	 */
	@EventListener
	void mark(ContentWithdrawn withdrawn) {
		this.events.withdrawn(withdrawn.contentId(), withdrawnAt(withdrawn.contentId()), withdrawn.reason(),
				this.clock.instant());
	}

	@Async
	@TransactionalEventListener
	void on(ContentWithdrawn withdrawn) {
		Instant withdrawnAt = this.events.withdrawn(withdrawn.contentId())
			.map(WebhookEvents.Withdrawn::withdrawnAt)
			.orElseGet(() -> withdrawnAt(withdrawn.contentId()));
		tell(withdrawn.contentId(), withdrawnAt, withdrawn.reason());
	}

	/**
	 * An endpoint accepted a delivery of an item that is withdrawn already. Once the
	 * withdrawal was handled (it kept the date and reason), an endpoint that drops
	 * duplicates is told at once; any other waits for the sweep, which leaves the
	 * withdrawal time to finish, so that it is never told twice.
	 */
	@Async
	@TransactionalEventListener(fallbackExecution = true)
	void on(DeliveryOfWithdrawnItem late) {
		Optional<WebhookEvents.Withdrawn> withdrawn = this.events.withdrawn(late.contentId());
		if (withdrawn.isEmpty() || !this.sender.retrySafe(late.endpoint())
				|| this.events.withdrawal(late.contentId(), late.endpoint()).isPresent()) {
			return;
		}
		tell(late.endpoint(),
				WebhookWithdrawalNotice.of(late.contentId(), withdrawn.get().withdrawnAt(), withdrawn.get().reason()),
				this.clock.instant());
	}

	/** Published by the handler when an endpoint accepted a withdrawn item. */
	record DeliveryOfWithdrawnItem(long contentId, String endpoint) {
	}

	/**
	 * Sends the notices still owed and due, at most one batch of failed ones and one of
	 * endpoints never told.
	 * @param now the sweep's time, which decides which delays are over
	 * @return how many of them were not accepted
	 */
	@Override
	public int sweep(Instant now) {
		int abandoned = this.events.abandonedNotices(now.minus(ABANDONED_AFTER));
		if (abandoned > 0) {
			log.warn("Webhook withdrawal sweep: {} notice(s) were left SENDING by a stopped node; they may have "
					+ "arrived", abandoned);
		}
		int failed = 0;
		int owed = 0;
		for (WebhookEvents.Owed notice : this.events.failedNotices(now, this.retry.batchSize())) {
			owed++;
			WebhookEvents.Event event = notice.event();
			if (event.mayHaveArrived() && !this.sender.retrySafe(event.endpoint())) {
				this.events.givenUp(event.id(), now);
				log.warn(
						"Webhook {} may have got the withdrawal notice of content item {} ({}) and does not drop"
								+ " duplicates; it is not sent again",
						event.endpoint(), event.contentId(), event.errorMessage());
				failed++;
				continue;
			}
			if (!tell(notice, now)) {
				failed++;
			}
		}
		for (WebhookEvents.Owed notice : this.events.untold(now.minus(this.retry.firstDelay()),
				this.retry.batchSize())) {
			owed++;
			if (!tell(notice, now)) {
				failed++;
			}
		}
		if (owed > 0) {
			log.info("Webhook withdrawal sweep: {} of {} owed notice(s) accepted", owed - failed, owed);
		}
		return failed;
	}

	private boolean tell(WebhookEvents.Owed owed, Instant now) {
		WebhookEvents.Withdrawn withdrawn = owed.withdrawn();
		return tell(owed.endpoint(),
				WebhookWithdrawalNotice.of(withdrawn.contentId(), withdrawn.withdrawnAt(), withdrawn.reason()), now);
	}

	/**
	 * Tells the item's endpoints that have not accepted its withdrawal yet, one after the
	 * other.
	 * @return how many of them were not told
	 */
	int tell(long contentId, Instant withdrawnAt, String reason) {
		List<String> endpoints = this.events.toTellWithdrawn(contentId)
			.stream()
			.filter((endpoint) -> this.events.withdrawal(contentId, endpoint)
				.map((e) -> e.givenUpAt() == null)
				.orElse(true))
			.toList();
		WebhookWithdrawalNotice notice = WebhookWithdrawalNotice.of(contentId, withdrawnAt, reason);
		int failed = 0;
		for (String endpoint : endpoints) {
			if (!tell(endpoint, notice, this.clock.instant())) {
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

	private boolean tell(String endpoint, WebhookWithdrawalNotice notice, Instant now) {
		String deliveryId = deliveryId(notice.id(), endpoint);
		long id = this.events.withdrawing(notice.id(), endpoint, deliveryId, this.clock.instant());
		int passes = this.events.withdrawal(notice.id(), endpoint).map(WebhookEvents.Event::passes).orElse(0) + 1;
		WebhookSender.Sent sent;
		try {
			sent = this.sender.sendWithdrawn(endpoint, deliveryId, notice);
		}
		catch (RuntimeException ex) {
			// Whether it went out is not known.
			sent = new WebhookSender.Sent(
					new WebhookResult.Failed(0, ex.getClass().getSimpleName() + ": " + ex.getMessage()), 0, true);
		}
		DeliveryStatus status = this.events.sent(id, deliveryId, sent, this.clock.instant());
		if (status == DeliveryStatus.SENT) {
			this.events.passed(id, null, null);
			return true;
		}
		if (sent.mayHaveArrived() && !this.sender.retrySafe(endpoint)) {
			this.events.passed(id, null, now);
			log.warn(
					"Webhook {} may have got the withdrawal notice of content item {} ({} after {} attempt(s): {});"
							+ " it does not drop duplicates, so the notice is not sent again",
					endpoint, notice.id(), status, sent.attempts(), sent.result());
			return false;
		}
		Optional<Instant> next = this.retry.nextAttempt(passes, now);
		this.events.passed(id, next.orElse(null), next.isPresent() ? null : now);
		if (next.isPresent()) {
			log.warn(
					"Webhook {} was not told that content item {} is withdrawn ({} after {} attempt(s), pass {} of {},"
							+ " next at {}): {}",
					endpoint, notice.id(), status, sent.attempts(), passes, this.retry.maxAttempts(), next.get(),
					sent.result());
		}
		else {
			log.error(
					"Webhook {} was not told that content item {} is withdrawn after {} pass(es); Loa gives up ({} after {} attempt(s)): {}",
					endpoint, notice.id(), passes, status, sent.attempts(), sent.result());
		}
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
