package vn.loa.channels.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.loa.channels.ChannelDispatch;
import vn.loa.content.ContentVersion;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.rendering.Rendition;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookHandlerTests {

	private final ChannelDispatch dispatch = new ChannelDispatch(21, "webhook", "cong-tinh",
			new ContentVersion(4, 2, "lich-tiep-dan", "Lịch tiếp công dân", null, "Nội dung", "tiep-dan", List.of(),
					List.of(), List.of(), List.of(), "editor", Instant.now()),
			new Rendition("webhook", "payload.json", "v9", "{}", Map.of()), Map.of(), false, Instant.now());

	private DeliveryOutcome outcome(WebhookResult result, int attempts) {
		return WebhookHandler.outcome(this.dispatch, "webhook:cong-tinh", "v9",
				WebhookHandler.deliveryId(this.dispatch), new WebhookSender.Sent(result, attempts));
	}

	@Test
	void deliveryIdIsStablePerPublicationAndEndpoint() {
		assertThat(WebhookHandler.deliveryId(this.dispatch)).isEqualTo("loa-21-cong-tinh");
	}

	@Test
	void acceptedKeepsTheReceiversIdOrFallsBackToTheDeliveryId() {
		assertThat(outcome(new WebhookResult.Accepted(200, "evt-5", "https://r.example/5"), 1))
			.isEqualTo(DeliveryOutcome.sent(21, "webhook", "cong-tinh", "webhook:cong-tinh", "evt-5",
					"https://r.example/5", "v9"));
		assertThat(outcome(new WebhookResult.Accepted(204, null, null), 1).providerReference())
			.isEqualTo("loa-21-cong-tinh");
	}

	@Test
	void refusalsAndFailuresMapToTheirStatuses() {
		DeliveryOutcome rejected = outcome(new WebhookResult.Rejected(410, "gone"), 1);
		assertThat(rejected.status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
		assertThat(rejected.errorCode()).isEqualTo("HTTP_410");
		assertThat(rejected.errorMessage()).isEqualTo("gone");

		DeliveryOutcome failed = outcome(new WebhookResult.Failed(0, "No answer"), 3);
		assertThat(failed.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(failed.errorCode()).isEqualTo("NO_ANSWER");
		assertThat(failed.errorMessage()).isEqualTo("No answer (after 3 attempts)");
	}

}
