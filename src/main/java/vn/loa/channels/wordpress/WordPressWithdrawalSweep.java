package vn.loa.channels.wordpress;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link WordPressWithdrawal#sweep} every {@code withdrawal.sweep-interval}; the
 * JDBC lock lets one node of a cluster run it at a time.
 */
@Component
class WordPressWithdrawalSweep {

	private final WordPressWithdrawal withdrawal;

	private final Clock clock;

	WordPressWithdrawalSweep(WordPressWithdrawal withdrawal, Clock clock) {
		this.withdrawal = withdrawal;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${loa.channels.wordpress.withdrawal.sweep-interval:1m}",
			initialDelayString = "${loa.channels.wordpress.withdrawal.sweep-interval:1m}")
	@SchedulerLock(name = "loa-wordpress-withdrawal-sweep", lockAtLeastFor = "PT5S")
	public void sweep() {
		this.withdrawal.sweep(this.clock.instant());
	}

}
