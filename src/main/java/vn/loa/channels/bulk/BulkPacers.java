package vn.loa.channels.bulk;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the pacers of the bulk channels: in-process, or — with
 * {@code loa.channels.bulk.shared-pacing} — with each sender's next free slot in the
 * database ({@code bulk_pace}), so that every node sending for one provider account draws
 * from one budget. A reservation is one short transaction that moves the slot forward
 * under the row's lock; the slot is wall-clock time, so the nodes' clocks must agree
 * (NTP), and a skew between them shows as a deviation of the shared rate.
 */
@Component
public class BulkPacers {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final BulkProperties properties;

	private final Clock clock;

	BulkPacers(JdbcTemplate jdbc, TransactionTemplate transactions, BulkProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A pacer of {@code ratePerSecond} units per sender, shared by the cluster if so set.
	 */
	public BulkPacer create(double ratePerSecond) {
		return this.properties.sharedPacing() ? shared(ratePerSecond) : BulkPacer.system(ratePerSecond);
	}

	/** A pacer whose slots are in the database, whatever the setting (the benchmark). */
	public BulkPacer shared(double ratePerSecond) {
		return new BulkPacer(ratePerSecond, this::epochNanos, TimeUnit.NANOSECONDS::sleep, this::reserve);
	}

	private long epochNanos() {
		Instant now = this.clock.instant();
		return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
	}

	private long reserve(String sender, long costNanos, long nowNanos) {
		long cost = Math.max(1, TimeUnit.NANOSECONDS.toMicros(costNanos));
		long now = TimeUnit.NANOSECONDS.toMicros(nowNanos);
		Long start = this.transactions.execute((status) -> {
			for (int attempt = 0; attempt < 3; attempt++) {
				if (this.jdbc.update("update bulk_pace set next_free_micros = greatest(next_free_micros, ?) + ? "
						+ "where sender = ?", now, cost, sender) == 1) {
					return this.jdbc.queryForObject("select next_free_micros from bulk_pace where sender = ?",
							Long.class, sender) - cost;
				}
				if (this.jdbc.update(
						"insert into bulk_pace (sender, next_free_micros) values (?, ?) on conflict do " + "nothing",
						sender, now + cost) == 1) {
					return now;
				}
			}
			throw new IllegalStateException("Could not reserve a pacing slot for " + sender);
		});
		return TimeUnit.MICROSECONDS.toNanos(start);
	}

}
