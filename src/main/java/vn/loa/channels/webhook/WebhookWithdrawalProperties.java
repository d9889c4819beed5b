package vn.loa.channels.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.loa.channels.RetractionRetry;

/**
 * How the webhook channel keeps sending withdrawal notices, configured under
 * {@code withdrawal} in {@code channels/webhook.yml}; see {@link RetractionRetry}.
 */
@ConfigurationProperties("loa.channels.webhook.withdrawal")
record WebhookWithdrawalProperties(@DefaultValue("1m") Duration sweepInterval, @DefaultValue("8") int maxAttempts,
		@DefaultValue("1m") Duration firstDelay, @DefaultValue("6h") Duration maxDelay,
		@DefaultValue("100") int batchSize) {

	RetractionRetry retry() {
		return new RetractionRetry(this.sweepInterval, this.maxAttempts, this.firstDelay, this.maxDelay,
				this.batchSize);
	}

}
