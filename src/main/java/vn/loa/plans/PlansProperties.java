package vn.loa.plans;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loa.plans.*}.
 *
 * @param countInterval how often the counter catches up with the delivery log (progress
 * requests also catch up first)
 * @param entryGraceDays days after a quarter's end during which manual entries for it are
 * still taken (the quarterly report is due then); later the quarter is closed
 * @param reminderDays how many days before a due date the responsible unit's officers see
 * a notice when the task is behind
 */
@ConfigurationProperties("loa.plans")
record PlansProperties(@DefaultValue("30s") Duration countInterval, @DefaultValue("15") int entryGraceDays,
		@DefaultValue("5") int reminderDays) {
}
