package vn.loa.channels.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/webhooks/events?contentId=…}: what each endpoint was told about an
 * item, the deliveries it accepted and the withdrawal notice, with the outcome. Any
 * logged-in officer may read it.
 */
@RestController
class WebhookEventController {

	private final WebhookEvents events;

	WebhookEventController(WebhookEvents events) {
		this.events = events;
	}

	@GetMapping(path = "/api/v1/webhooks/events", produces = "application/json")
	List<EventView> events(@RequestParam long contentId) {
		return this.events.ofContent(contentId)
			.stream()
			.map((e) -> new EventView(e.endpoint(), e.event(), e.deliveryId(), e.contentId(), e.contentVersion(),
					e.publicationId(), e.status(), e.attempts(), e.createdAt(), e.sentAt(), e.httpStatus(),
					e.reference(), e.errorCode(), e.errorMessage(), e.passes(), e.nextAttemptAt(), e.givenUpAt(),
					e.mayHaveArrived()))
			.toList();
	}

	/**
	 * @param event {@code content.published} or {@code content.withdrawn}
	 * @param deliveryId the {@code X-Loa-Delivery} it was sent with
	 * @param publicationId the publication a delivery belonged to; null for a withdrawal
	 * @param status {@code SENDING}, {@code SENT}, {@code PERMANENT_FAILURE} or
	 * {@code TECHNICAL_FAILURE}
	 * @param sentAt when the endpoint accepted it
	 * @param httpStatus what the endpoint answered; null when it did not answer
	 * @param errorMessage an excerpt of the endpoint's answer, or why there was none
	 * @param passes for a withdrawal notice, how many passes sent it
	 * @param nextAttemptAt when the withdrawal sweep sends the notice again
	 * @param givenUpAt when Loa stopped sending the notice
	 * @param mayHaveArrived the last failure came after the request went out; such a
	 * notice is not sent again to an endpoint that does not drop duplicates
	 */
	record EventView(String endpoint, String event, String deliveryId, long contentId, Integer contentVersion,
			Long publicationId, String status, int attempts, Instant createdAt, Instant sentAt, Integer httpStatus,
			String reference, String errorCode, String errorMessage, int passes, Instant nextAttemptAt,
			Instant givenUpAt, boolean mayHaveArrived) {
	}

}
