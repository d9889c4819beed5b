package vn.loa.channels.webhook;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link WebhookWithdrawal#sweep} every {@code withdrawal.sweep-interval}; the JDBC
 * lock lets one node of a cluster run it at a time.
 */
@Component
class WebhookWithdrawalSweep {

	private final WebhookWithdrawal withdrawal;

	private final Clock clock;

	WebhookWithdrawalSweep(WebhookWithdrawal withdrawal, Clock clock) {
		this.withdrawal = withdrawal;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${loa.channels.webhook.withdrawal.sweep-interval:1m}",
			initialDelayString = "${loa.channels.webhook.withdrawal.sweep-interval:1m}")
	@SchedulerLock(name = "loa-webhook-withdrawal-sweep", lockAtLeastFor = "PT5S")
	public void sweep() {
		this.withdrawal.sweep(this.clock.instant());
	}

}
