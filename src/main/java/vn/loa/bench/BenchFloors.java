package vn.loa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every bulk-channel benchmark shares: synthetic subscribers COPYed in, and the two
 * same-run floors a bulk job cannot beat — the same number of delivery rows COPYed into
 * the same table, and a bare loop of the channel's own client at the same concurrency.
 */
public final class BenchFloors {

	private BenchFloors() {
	}

	/** {@code count} opted-in subscribers {@code prefix0000000…} in {@code area}. */
	public static void copySubscribers(DataSource dataSource, int count, String prefix, String area)
			throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			CopyIn in = copy.copyIn("copy subscriber (phone, area_code, area_l1, language, opt_in_source, opted_in_at, "
					+ "created_at, updated_at) from stdin with (format csv)");
			String now = Instant.now().toString();
			StringBuilder chunk = new StringBuilder(1 << 16);
			for (int i = 0; i < count; i++) {
				chunk.append(phone(prefix, i))
					.append(',')
					.append(area)
					.append(',')
					.append(area)
					.append(",vi,bench,")
					.append(now)
					.append(',')
					.append(now)
					.append(',')
					.append(now)
					.append('\n');
				if (chunk.length() > 60_000) {
					write(in, chunk);
				}
			}
			write(in, chunk);
			in.endCopy();
		}
	}

	/**
	 * Floor 1: {@code count} SENT delivery rows of {@code channel} COPYed into the
	 * delivery table under {@code publication}, then removed again.
	 * @return rows per second
	 */
	static double copyDeliveries(DataSource dataSource, JdbcTemplate jdbc, long publication, String channel,
			String provider, String referencePrefix, String phonePrefix, int count) throws SQLException {
		long start;
		try (Connection connection = dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			start = System.nanoTime();
			CopyIn in = copy.copyIn("copy delivery (publication_id, channel, target, status, attempts, provider, "
					+ "provider_reference, template_version, created_at, updated_at, sent_at) from stdin with "
					+ "(format csv)");
			String now = Instant.now().toString();
			String middle = ",SENT,1," + provider + "," + referencePrefix;
			StringBuilder chunk = new StringBuilder(1 << 16);
			for (int i = 0; i < count; i++) {
				chunk.append(publication)
					.append(',')
					.append(channel)
					.append(',')
					.append(phone(phonePrefix, i))
					.append(middle)
					.append(String.format(Locale.ROOT, "%032x", i))
					.append(",bench,")
					.append(now)
					.append(',')
					.append(now)
					.append(',')
					.append(now)
					.append('\n');
				if (chunk.length() > 60_000) {
					write(in, chunk);
				}
			}
			write(in, chunk);
			in.endCopy();
		}
		double rate = count / seconds(start);
		jdbc.update("delete from delivery where publication_id = ?", publication);
		return rate;
	}

	/**
	 * Floor 2: {@code send} called for 0 … count-1 by {@code threads} threads in a bare
	 * loop.
	 * @return calls per second
	 * @throws IllegalStateException when any call failed, since the floor would be wrong
	 */
	static double bareLoop(int threads, int count, LongPredicate send) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
		AtomicLong next = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long start = System.nanoTime();
		List<Future<?>> loops = new ArrayList<>();
		for (int t = 0; t < Math.max(1, threads); t++) {
			loops.add(pool.submit(() -> {
				long i;
				while ((i = next.getAndIncrement()) < count) {
					if (!send.test(i)) {
						failed.incrementAndGet();
					}
				}
			}));
		}
		for (Future<?> loop : loops) {
			loop.get();
		}
		double rate = count / seconds(start);
		pool.shutdown();
		if (failed.get() > 0) {
			throw new IllegalStateException(failed.get() + " baseline requests failed");
		}
		return rate;
	}

	static void write(CopyIn in, StringBuilder chunk) throws SQLException {
		byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
		in.writeToCopy(bytes, 0, bytes.length);
		chunk.setLength(0);
	}

	public static String phone(String prefix, int i) {
		return prefix + String.format(Locale.ROOT, "%07d", i);
	}

	static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	/**
	 * Peak resident set size of this process (VmHWM), in MB; -1 where /proc is missing.
	 */
	static long peakRssMb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
		return -1;
	}

}
