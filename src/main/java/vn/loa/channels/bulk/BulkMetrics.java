package vn.loa.channels.bulk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import vn.loa.deliverylog.DeliveryLog.BulkResult;

/**
 * What this node's bulk runs did, per channel, for {@code /actuator/prometheus}:
 * {@code loa_deliveries_sent_total}, {@code loa_deliveries_failed_total{status}} and
 * {@code loa_deliveries_handed_back_total} as recorded, and {@code loa_bulk_send_seconds}
 * (a histogram of provider calls). Counters are per node: sum them over the nodes.
 */
final class BulkMetrics {

	private final MeterRegistry registry;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	BulkMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Times one provider call (not a row handed back without calling). */
	void sent(String channel, long startNanos) {
		this.timers
			.computeIfAbsent(channel,
					(name) -> Timer.builder("loa.bulk.send")
						.description("One provider call of a bulk channel")
						.tag("channel", name)
						.publishPercentileHistogram()
						.register(this.registry))
			.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
	}

	/** Counts the answers of a batch once they are recorded. */
	void recorded(String channel, List<BulkResult> results) {
		long sent = 0;
		long back = 0;
		for (BulkResult result : results) {
			if (result.handedBack()) {
				back++;
			}
			else if (result.isSent()) {
				sent++;
			}
			else {
				counter("loa.deliveries.failed", channel, "status", result.status().name()).increment();
			}
		}
		if (sent > 0) {
			counter("loa.deliveries.sent", channel, null, null).increment(sent);
		}
		if (back > 0) {
			counter("loa.deliveries.handed.back", channel, null, null).increment(back);
		}
	}

	private Counter counter(String name, String channel, String tag, String value) {
		Counter.Builder builder = Counter.builder(name).tag("channel", channel);
		if (tag != null) {
			builder.tag(tag, value);
		}
		return builder.register(this.registry);
	}

}
