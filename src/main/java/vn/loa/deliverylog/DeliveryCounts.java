package vn.loa.deliverylog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the console's channel page and charts read from the delivery log: counts by
 * channel and status over time. Read only; ranges over all publications go by
 * {@code created_at} (indexed, and never updated, so the index costs no status update
 * anything), a single publication's by when each row last changed.
 */
@Service
public class DeliveryCounts {

	/** Buckets are cut at midnight in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
	private static final long ZONE_OFFSET_SECONDS = 7 * 3600;

	private final JdbcClient jdbc;

	DeliveryCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Rows created since {@code since}, per channel and current status. */
	public Map<String, Map<DeliveryStatus, Long>> createdSince(Instant since) {
		Map<String, Map<DeliveryStatus, Long>> counts = new TreeMap<>();
		this.jdbc
			.sql("select channel, status, count(*) from delivery where created_at >= :since group by channel, status")
			.param("since", Timestamp.from(since))
			.query((rs) -> {
				counts.computeIfAbsent(rs.getString(1), (c) -> new LinkedHashMap<>())
					.put(DeliveryStatus.valueOf(rs.getString(2)), rs.getLong(3));
			});
		return counts;
	}

	/** The channel's latest failed row created since {@code since}. */
	public Optional<Delivery> lastFailure(String channel, Instant since) {
		return this.jdbc
			.sql("select " + DeliveryLog.COLUMNS + " from delivery where created_at >= :since and channel = :channel "
					+ "and status in (" + DeliveryLog.inList(DeliveryStatus.FAILURES) + ") "
					+ "order by updated_at desc, id desc limit 1")
			.param("since", Timestamp.from(since))
			.param("channel", channel)
			.query(DeliveryLog::row)
			.optional();
	}

	/**
	 * Rows created since {@code since}, per bucket of {@code bucketSeconds}, channel and
	 * status.
	 */
	public List<Bucket> timeline(Instant since, long bucketSeconds) {
		return buckets("created_at", "created_at >= :since", since, null, bucketSeconds);
	}

	/**
	 * One publication's rows by when they last changed, per bucket, channel and status.
	 */
	public List<Bucket> timeline(long publicationId, long bucketSeconds) {
		return buckets("updated_at", "publication_id = :pub", null, publicationId, bucketSeconds);
	}

	private List<Bucket> buckets(String column, String where, Instant since, Long publicationId, long size) {
		if (size < 1) {
			throw new IllegalArgumentException("bucket size must be positive");
		}
		List<Bucket> result = new ArrayList<>();
		this.jdbc
			.sql("select b, channel, status, count(*) from (select floor((extract(epoch from " + column + ") + "
					+ ZONE_OFFSET_SECONDS + ") / :size) as b, channel, status from delivery where " + where
					+ ") x group by b, channel, status order by b, channel, status")
			.param("size", size)
			.param("since", (since != null) ? Timestamp.from(since) : null)
			.param("pub", publicationId)
			.query((rs) -> {
				long bucket = rs.getLong(1);
				result.add(new Bucket(Instant.ofEpochSecond(bucket * size - ZONE_OFFSET_SECONDS), rs.getString(2),
						DeliveryStatus.valueOf(rs.getString(3)), rs.getLong(4)));
			});
		return result;
	}

	/**
	 * @param start the bucket's first instant
	 */
	public record Bucket(Instant start, String channel, DeliveryStatus status, long count) {
	}

}
