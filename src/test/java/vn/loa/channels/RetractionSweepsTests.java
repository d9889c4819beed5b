package vn.loa.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;

class RetractionSweepsTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneOffset.UTC);

	private final List<Instant> swept = new ArrayList<>();

	private final List<String> locked = new ArrayList<>();

	private final RetractionSweep wordpress = new RetractionSweep() {

		@Override
		public String channel() {
			return "wordpress";
		}

		@Override
		public RetractionRetry retry() {
			return new RetractionRetry(Duration.ofMinutes(3), 8, Duration.ofMinutes(1), Duration.ofHours(6), 100);
		}

		@Override
		public int sweep(Instant now) {
			RetractionSweepsTests.this.swept.add(now);
			return 0;
		}

	};

	@Test
	void eachChannelsSweepRunsUnderItsOwnLockAtItsOwnInterval() {
		LockProvider free = (configuration) -> {
			this.locked.add(configuration.getName());
			return Optional.of((SimpleLock) () -> {
			});
		};
		RetractionSweeps sweeps = new RetractionSweeps(List.of(this.wordpress), free, this.clock);

		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		sweeps.configureTasks(registrar);
		assertThat(registrar.getFixedDelayTaskList()).singleElement().satisfies((task) -> {
			assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(3));
			assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofMinutes(3));
		});

		sweeps.run(this.wordpress);
		assertThat(this.locked).containsExactly("loa-wordpress-withdrawal-sweep");
		assertThat(this.swept).containsExactly(this.clock.instant());
	}

	@Test
	void aSweepAnotherNodeHoldsIsSkipped() {
		LockProvider taken = (configuration) -> Optional.empty();

		new RetractionSweeps(List.of(this.wordpress), taken, this.clock).run(this.wordpress);

		assertThat(this.swept).isEmpty();
	}

}
