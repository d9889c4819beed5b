package vn.loa.channels.webhook;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelDispatch;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * Claims the delivery row, wraps the rendered content in the versioned envelope, sends it
 * signed, remembers an accepted delivery for its content item (so that withdrawing the
 * item tells the endpoint), and maps the receiver's answer to the delivery log in one
 * place.
 */
@Component
class WebhookHandler {

	private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

	private final DeliveryLog deliveries;

	private final WebhookSender sender;

	private final JsonMapper jsonMapper;

	private final WebhookEvents events;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	WebhookHandler(DeliveryLog deliveries, WebhookSender sender, JsonMapper jsonMapper, WebhookEvents events,
			ApplicationEventPublisher publisher, Clock clock) {
		this.deliveries = deliveries;
		this.sender = sender;
		this.jsonMapper = jsonMapper;
		this.events = events;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * @return the outcome, or null when another node already took this delivery
	 */
	DeliveryOutcome deliver(ChannelDispatch dispatch) {
		String provider = provider(dispatch.target());
		String template = dispatch.rendition().templateVersion();
		if (this.deliveries.claim(dispatch.publicationId(), WebhookChannel.ID, dispatch.target(), provider, template)
			.isEmpty()) {
			return null;
		}
		JsonNode content = this.jsonMapper.readTree(dispatch.rendition().text());
		WebhookPayload payload = new WebhookPayload(WebhookPayload.VERSION, WebhookPayload.PUBLISHED,
				deliveryId(dispatch), null, new WebhookPayload.Publication(dispatch.publicationId(), dispatch.channel(),
						dispatch.target(), dispatch.scheduledAt()),
				content);
		WebhookSender.Sent sent = this.sender.send(dispatch.target(), payload);
		log.info("Webhook {} answered {} after {} attempt(s)", dispatch.target(), sent.result(), sent.attempts());
		if (sent.result() instanceof WebhookResult.Accepted) {
			remember(dispatch, payload.deliveryId(), sent);
		}
		return outcome(dispatch, provider, template, payload.deliveryId(), sent);
	}

	private void remember(ChannelDispatch dispatch, String deliveryId, WebhookSender.Sent sent) {
		try {
			this.events.delivered(dispatch.content().contentId(), dispatch.content().version(),
					dispatch.publicationId(), dispatch.target(), deliveryId, sent, this.clock.instant());
		}
		catch (RuntimeException ex) {
			// The endpoint has the item whatever happens here, so the row still says
			// SENT;
			// but a withdrawal will not tell this endpoint, and someone has to know.
			log.error(
					"Webhook {} accepted delivery {} of content item {}, but Loa could not remember it;"
							+ " withdrawing the item will not tell this endpoint",
					dispatch.target(), deliveryId, dispatch.content().contentId(), ex);
			return;
		}
		long contentId = dispatch.content().contentId();
		if (withdrawn(contentId)) {
			// The item was withdrawn while this delivery was on its way: the withdrawal
			// may have looked for the item's endpoints before this one was remembered.
			log.warn("Webhook {} accepted delivery {} of content item {}, which is withdrawn; it is owed the notice",
					dispatch.target(), deliveryId, contentId);
			this.publisher.publishEvent(new WebhookWithdrawal.DeliveryOfWithdrawnItem(contentId, dispatch.target()));
		}
	}

	/**
	 * Whether the item is withdrawn, from this channel's own mark (written with the
	 * withdrawal itself); when that cannot be read, the sweep still finds it.
	 */
	private boolean withdrawn(long contentId) {
		try {
			return this.events.withdrawn(contentId).isPresent();
		}
		catch (RuntimeException ex) {
			log.debug("Content item {} could not be read after a webhook delivery was remembered", contentId, ex);
			return false;
		}
	}

	/**
	 * The same for every attempt and every re-fire of the publication, so receivers can
	 * drop duplicates.
	 */
	static String deliveryId(ChannelDispatch dispatch) {
		return "loa-" + dispatch.publicationId() + "-" + dispatch.target();
	}

	/** The one table from receiver answers to delivery statuses. */
	static DeliveryOutcome outcome(ChannelDispatch dispatch, String provider, String template, String deliveryId,
			WebhookSender.Sent sent) {
		long publication = dispatch.publicationId();
		String target = dispatch.target();
		WebhookResult result = sent.result();
		if (result instanceof WebhookResult.Accepted accepted) {
			String reference = (accepted.remoteId() != null) ? accepted.remoteId() : deliveryId;
			return DeliveryOutcome.sent(publication, WebhookChannel.ID, target, provider, reference,
					accepted.remoteUrl(), template);
		}
		if (result instanceof WebhookResult.Rejected rejected) {
			return DeliveryOutcome.failed(publication, WebhookChannel.ID, target, DeliveryStatus.PERMANENT_FAILURE,
					provider, code(rejected.httpStatus()), rejected.bodyExcerpt(), template);
		}
		WebhookResult.Failed failed = (WebhookResult.Failed) result;
		String message = failed.message() + ((sent.attempts() > 1) ? " (after " + sent.attempts() + " attempts)" : "");
		return DeliveryOutcome.failed(publication, WebhookChannel.ID, target, DeliveryStatus.TECHNICAL_FAILURE,
				provider, code(failed.httpStatus()), message, template);
	}

	static String provider(String endpoint) {
		return WebhookChannel.ID + ":" + endpoint;
	}

	static String code(int httpStatus) {
		return (httpStatus > 0) ? "HTTP_" + httpStatus : "NO_ANSWER";
	}

}
