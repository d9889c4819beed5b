package vn.loa.channels;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules every channel's {@link RetractionSweep}: first after one interval, then an
 * interval after each run ends, each run under the JDBC lock so that one node of a
 * cluster sweeps at a time.
 */
@Configuration(proxyBeanMethods = false)
class RetractionSweeps implements SchedulingConfigurer {

	/** Long enough for a batch of slow sites; a crashed node's lock expires after it. */
	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

	private static final Duration LOCK_AT_LEAST = Duration.ofSeconds(5);

	private final List<RetractionSweep> sweeps;

	private final LockingTaskExecutor locks;

	private final Clock clock;

	RetractionSweeps(List<RetractionSweep> sweeps, LockProvider lockProvider, Clock clock) {
		this.sweeps = sweeps;
		this.locks = new DefaultLockingTaskExecutor(lockProvider);
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		for (RetractionSweep sweep : this.sweeps) {
			Duration interval = sweep.retry().sweepInterval();
			registrar.addFixedDelayTask(new FixedDelayTask(() -> run(sweep), interval, interval));
		}
	}

	void run(RetractionSweep sweep) {
		this.locks.executeWithLock((Runnable) () -> sweep.sweep(this.clock.instant()), new LockConfiguration(
				this.clock.instant(), "loa-" + sweep.channel() + "-withdrawal-sweep", LOCK_AT_MOST, LOCK_AT_LEAST));
	}

}
