package vn.loa.publishing;

import javax.sql.DataSource;

import java.time.Clock;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Fires due publications. Several Loa nodes may run this; the JDBC lock lets one look at
 * a time, and each publication is still claimed by a conditional update, so it fires
 * once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class PublicationScheduler {

	private final PublicationDispatcher dispatcher;

	PublicationScheduler(PublicationDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Scheduled(fixedDelayString = "${loa.publishing.scheduler-interval:5s}",
			initialDelayString = "${loa.publishing.scheduler-interval:5s}")
	@SchedulerLock(name = "loa-fire-due-publications", lockAtLeastFor = "PT1S")
	public void fireDue() {
		this.dispatcher.fireDue();
	}

	/**
	 * Scans the whole log, so it runs rarely; see {@code DeliveryLog#expireStaleSending}.
	 */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	@SchedulerLock(name = "loa-expire-interrupted-sends", lockAtLeastFor = "PT10S")
	public void expireInterruptedSends() {
		this.dispatcher.expireInterruptedSends();
	}

	/**
	 * The locks of every scheduled singleton (ShedLock), given only to the leader node.
	 */
	@Bean
	static LockProvider lockProvider(DataSource dataSource, Leadership leadership) {
		return leadership.lockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build()));
	}

	/**
	 * The leader election ({@code loa.cluster.leader-election}, on in the cluster
	 * profile): health component "leadership".
	 */
	@Bean("leadershipHealthIndicator")
	static Leadership leadership(DataSource dataSource, ClusterProperties cluster, Clock clock) {
		String node = cluster.nodeName();
		return cluster.leaderElection()
				? Leadership.elected(dataSource, cluster.leaderTimeToLive(), cluster.leaderHeartBeat(), node, clock)
				: Leadership.single(node, clock);
	}

}
