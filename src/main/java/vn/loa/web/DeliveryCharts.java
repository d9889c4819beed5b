package vn.loa.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.loa.common.LoaClock;
import vn.loa.deliverylog.DeliveryCounts;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * Deliveries over time per channel and status, as the dashboard's and a publication's
 * charts (chart.js, stacked per channel) and their tables for screen readers read them.
 */
@Component
class DeliveryCharts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM").withZone(LoaClock.ZONE);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(LoaClock.ZONE);

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("dd/MM HH:00").withZone(LoaClock.ZONE);

	/**
	 * Bars a publication's chart may have before its buckets grow from minutes to hours.
	 */
	private static final int MOST_MINUTES = 180;

	private static final Map<DeliveryStatus, String> STATUS_COLOURS = Map.of(DeliveryStatus.PENDING, "#b58900",
			DeliveryStatus.SENDING, "#d08c00", DeliveryStatus.SENT, "#2f7d4f", DeliveryStatus.DELIVERED, "#157347",
			DeliveryStatus.PULLED, "#1f4fbf", DeliveryStatus.AIRED, "#0b6e4f", DeliveryStatus.TEMPORARY_FAILURE,
			"#e07b00", DeliveryStatus.PERMANENT_FAILURE, "#b42318", DeliveryStatus.TECHNICAL_FAILURE, "#7a1b12",
			DeliveryStatus.SKIPPED, "#8a94a3");

	private final DeliveryCounts counts;

	private final MessageSource messages;

	private final Clock clock;

	DeliveryCharts(DeliveryCounts counts, MessageSource messages, Clock clock) {
		this.counts = counts;
		this.messages = messages;
		this.clock = clock;
	}

	/** All deliveries of the last {@code days} days (today included), one bar a day. */
	Chart lastDays(int days) {
		LocalDate today = LocalDate.now(this.clock.withZone(LoaClock.ZONE));
		Instant from = today.minusDays(days - 1).atStartOfDay(LoaClock.ZONE).toInstant();
		List<Instant> slots = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			slots.add(today.minusDays(days - 1 - i).atStartOfDay(LoaClock.ZONE).toInstant());
		}
		return chart(this.counts.timeline(from, Duration.ofDays(1).toSeconds()), slots, DAY);
	}

	/** One publication's rows by when they last changed: by the minute, or the hour. */
	Chart publication(long publicationId) {
		List<DeliveryCounts.Bucket> buckets = this.counts.timeline(publicationId, 60);
		long size = 60;
		DateTimeFormatter format = MINUTE;
		if (!buckets.isEmpty() && Duration.between(buckets.get(0).start(), buckets.get(buckets.size() - 1).start())
			.toMinutes() >= MOST_MINUTES) {
			size = 3600;
			format = HOUR;
			buckets = this.counts.timeline(publicationId, size);
		}
		List<Instant> slots = new ArrayList<>();
		if (!buckets.isEmpty()) {
			for (Instant t = buckets.get(0).start(); !t.isAfter(buckets.get(buckets.size() - 1).start()); t = t
				.plusSeconds(size)) {
				slots.add(t);
			}
		}
		return chart(buckets, slots, format);
	}

	private Chart chart(List<DeliveryCounts.Bucket> buckets, List<Instant> slots, DateTimeFormatter format) {
		Map<Instant, Integer> index = new LinkedHashMap<>();
		slots.forEach((s) -> index.put(s, index.size()));
		Map<String, long[]> data = new TreeMap<>();
		TreeSet<String> keys = new TreeSet<>();
		for (DeliveryCounts.Bucket b : buckets) {
			Integer at = index.get(b.start());
			if (at == null) {
				continue;
			}
			String key = b.channel() + "\u0000" + b.status().name();
			keys.add(key);
			data.computeIfAbsent(key, (k) -> new long[slots.size()])[at] += b.count();
		}
		Locale locale = LocaleContextHolder.getLocale();
		List<Series> series = new ArrayList<>();
		for (String key : keys) {
			String[] parts = key.split("\u0000");
			DeliveryStatus status = DeliveryStatus.valueOf(parts[1]);
			String statusLabel = this.messages.getMessage("status." + status.name(), null, status.name(), locale);
			long[] values = data.get(key);
			List<Long> list = new ArrayList<>(values.length);
			for (long v : values) {
				list.add(v);
			}
			series.add(new Series(parts[0], status.name(), parts[0] + " · " + statusLabel,
					STATUS_COLOURS.getOrDefault(status, "#5b6675"), ChannelColours.of(parts[0]), list));
		}
		return new Chart(slots.stream().map(format::format).toList(), series);
	}

	/**
	 * @param labels the buckets' labels, in Asia/Ho_Chi_Minh
	 * @param series one per channel and status, a count per bucket
	 */
	record Chart(List<String> labels, List<Series> series) {

		public boolean isEmpty() {
			return this.series.isEmpty();
		}

		/** The rows of the table for screen readers: only the buckets with a count. */
		public List<Integer> nonEmptyBuckets() {
			List<Integer> rows = new ArrayList<>();
			for (int i = 0; i < this.labels.size(); i++) {
				int at = i;
				if (this.series.stream().anyMatch((s) -> s.data().get(at) > 0)) {
					rows.add(i);
				}
			}
			return rows;
		}

	}

	record Series(String channel, String status, String label, String colour, String channelColour, List<Long> data) {
	}

}
