package vn.loa.channels.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkPacerTests {

	private long now = 1_000_000_000L;

	private final List<Long> sleeps = new ArrayList<>();

	private final BulkPacer pacer = new BulkPacer(10, () -> this.now, (nanos) -> {
		this.sleeps.add(nanos);
		this.now += nanos;
	});

	@Test
	void firstMessageGoesAtOnceThenOneEveryTenthOfASecond() throws Exception {
		this.pacer.acquire("LOA", 1);
		this.pacer.acquire("LOA", 1);
		this.pacer.acquire("LOA", 1);

		assertThat(this.sleeps).containsExactly(ms(100), ms(100));
	}

	@Test
	void twentyMessagesTakeTwoSecondsOfTheControlledClock() throws Exception {
		long start = this.now;
		for (int i = 0; i < 21; i++) {
			this.pacer.acquire("LOA", 1);
		}
		assertThat(this.now - start).isEqualTo(TimeUnit.SECONDS.toNanos(2));
	}

	@Test
	void multiPartMessagesCostOneSlotPerSegment() throws Exception {
		this.pacer.acquire("LOA", 3);
		this.pacer.acquire("LOA", 1);

		assertThat(this.sleeps).containsExactly(ms(300));
	}

	@Test
	void sendersArePacedIndependently() throws Exception {
		this.pacer.acquire("LOA", 1);
		this.pacer.acquire("MG0001", 1);

		assertThat(this.sleeps).isEmpty();
	}

	@Test
	void idleTimeIsNotSavedUpForABurst() throws Exception {
		this.pacer.acquire("LOA", 1);
		this.now += TimeUnit.SECONDS.toNanos(60);
		this.pacer.acquire("LOA", 1);
		this.pacer.acquire("LOA", 1);

		assertThat(this.sleeps).containsExactly(ms(100));
	}

	@Test
	void concurrentReservationsGetDistinctSlots() {
		long a = this.pacer.reserve("LOA", 1);
		long b = this.pacer.reserve("LOA", 1);
		long c = this.pacer.reserve("LOA", 1);

		assertThat(List.of(a, b, c)).containsExactly(0L, ms(100), ms(200));
	}

	private static long ms(long millis) {
		return TimeUnit.MILLISECONDS.toNanos(millis);
	}

}
