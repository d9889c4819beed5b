package vn.loa.channels.wordpress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.loa.channels.RetractionRetry;

/**
 * How the WordPress channel keeps trashing a withdrawn item's posts, configured under
 * {@code withdrawal} in {@code channels/wordpress.yml}; see {@link RetractionRetry}.
 */
@ConfigurationProperties("loa.channels.wordpress.withdrawal")
record WordPressWithdrawalProperties(@DefaultValue("1m") Duration sweepInterval, @DefaultValue("8") int maxAttempts,
		@DefaultValue("1m") Duration firstDelay, @DefaultValue("6h") Duration maxDelay,
		@DefaultValue("100") int batchSize) {

	RetractionRetry retry() {
		return new RetractionRetry(this.sweepInterval, this.maxAttempts, this.firstDelay, this.maxDelay,
				this.batchSize);
	}

}
