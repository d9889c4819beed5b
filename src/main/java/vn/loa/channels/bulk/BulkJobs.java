package vn.loa.channels.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import vn.loa.audience.SegmentSpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The durable bulk jobs ({@code bulk_job}) and their batches ({@code bulk_batch}). A
 * job's cursor is the last recipient id handed to a batch; each batch is a range of
 * recipient ids that one node leases and renews while it works it, so several nodes share
 * one job and a range left by a dead or stopping node is taken over by another. The job's
 * own lease is held only by the node that ends it (retries, finish). Everything a job
 * needs is in its rows, so the backlog survives a restart.
 */
@Repository
public class BulkJobs {

	private static final String COLUMNS = "id, channel, publication_id, target, area_prefixes, topic, payload, "
			+ "template_version, urgent, state, cursor_subscriber_id, not_before, batches, wait_reason, stopped_by, stopped_at";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	/** How long {@link #enqueue} tries again while the database is away. */
	static final Duration ENQUEUE_PATIENCE = Duration.ofSeconds(30);

	private static final Duration ENQUEUE_RETRY = Duration.ofMillis(500);

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkJobs.class);

	BulkJobs(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Creates the job for a dispatch, once: a repeated dispatch of the same publication,
	 * channel and target finds the job it made before. Nothing is sent here, so when the
	 * database is away for a moment (a failover, killed connections) it is tried again,
	 * outside a transaction, for up to {@link #ENQUEUE_PATIENCE}, on a new connection
	 * each time, rather than failing the whole broadcast.
	 */
	public long enqueue(String channel, long publicationId, String target, SegmentSpec segment, String payload,
			String templateVersion, boolean urgent, Instant notBefore) {
		long deadline = System.nanoTime() + ENQUEUE_PATIENCE.toNanos();
		while (true) {
			try {
				return enqueueOnce(channel, publicationId, target, segment, payload, templateVersion, urgent,
						notBefore);
			}
			catch (org.springframework.dao.DataAccessResourceFailureException
					| org.springframework.dao.TransientDataAccessException
					| org.springframework.dao.RecoverableDataAccessException ex) {
				if (System.nanoTime() > deadline
						|| org.springframework.transaction.support.TransactionSynchronizationManager
							.isActualTransactionActive()) {
					throw ex;
				}
				log.warn("Publication {}: the {} job could not be written ({}); trying again", publicationId, channel,
						ex.toString());
				try {
					Thread.sleep(ENQUEUE_RETRY.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	private long enqueueOnce(String channel, long publicationId, String target, SegmentSpec segment, String payload,
			String templateVersion, boolean urgent, Instant notBefore) {
		Timestamp now = now();
		this.jdbc.update("insert into bulk_job (channel, publication_id, target, area_prefixes, topic, payload, "
				+ "template_version, urgent, state, not_before, created_at, updated_at) select ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "'QUEUED', ?, ?, ? where not exists (select 1 from bulk_job where publication_id = ? and channel = ? "
				+ "and target = ?)", channel, publicationId, target, String.join(",", segment.areaPrefixes()),
				segment.topic(), payload, templateVersion, urgent, Timestamp.from(notBefore), now, now, publicationId,
				channel, target);
		return this.jdbc.queryForObject(
				"select id from bulk_job where publication_id = ? and channel = ? and target = ?", Long.class,
				publicationId, channel, target);
	}

	/** Jobs of the given channels that may run now and whose lease is free or expired. */
	public List<Long> runnable(List<String> channels, int limit) {
		if (channels.isEmpty()) {
			return List.of();
		}
		Timestamp now = now();
		String in = String.join(",", channels.stream().map((c) -> "?").toList());
		Object[] args = new Object[channels.size() + 3];
		for (int i = 0; i < channels.size(); i++) {
			args[i] = channels.get(i);
		}
		args[channels.size()] = now;
		args[channels.size() + 1] = now;
		args[channels.size() + 2] = limit;
		return this.jdbc.queryForList("select id from bulk_job where channel in (" + in + ") and state in ('QUEUED', "
				+ "'RUNNING', 'WAITING') and not_before <= ? and (locked_until is null or locked_until < ?) order by id "
				+ "fetch first ? rows only", Long.class, args);
	}

	/** Takes or renews the lease; false when another node holds it. */
	public boolean lease(long id, String node, Duration duration) {
		Timestamp now = now();
		return this.jdbc.update(
				"update bulk_job set locked_by = ?, locked_until = ?, updated_at = ? "
						+ "where id = ? and (locked_until is null or locked_until < ? or locked_by = ?)",
				node, Timestamp.from(now.toInstant().plus(duration)), now, id, now, node) == 1;
	}

	public void release(long id, String node) {
		this.jdbc.update("update bulk_job set locked_by = null, locked_until = null where id = ? and locked_by = ?", id,
				node);
	}

	/** Who holds the job's lease now, if anyone. */
	public Optional<String> leaseHolder(long id) {
		return this.jdbc
			.queryForList("select locked_by from bulk_job where id = ? and locked_until >= ?", String.class, id, now())
			.stream()
			.filter((holder) -> holder != null)
			.findFirst();
	}

	public Optional<BulkJob> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from bulk_job where id = ?", BulkJobs::job, id)
			.stream()
			.findFirst();
	}

	public Optional<BulkJob> findByPublication(long publicationId, String channel, String target) {
		return this.jdbc
			.query("select " + COLUMNS + " from bulk_job where publication_id = ? and channel = ? and target = ?",
					BulkJobs::job, publicationId, channel, target)
			.stream()
			.findFirst();
	}

	/** The jobs of a publication, for progress pages. */
	public List<BulkJob> ofPublication(long publicationId) {
		return this.jdbc.query("select " + COLUMNS + " from bulk_job where publication_id = ? order by id",
				BulkJobs::job, publicationId);
	}

	/** The WAITING jobs of the given channels, newest first (console pages). */
	public List<BulkJob> waiting(List<String> channels, int limit) {
		if (channels.isEmpty()) {
			return List.of();
		}
		List<Object> args = new ArrayList<>(channels);
		args.add(limit);
		return this.jdbc.query("select " + COLUMNS + " from bulk_job where state = 'WAITING' and channel in ("
				+ String.join(",", Collections.nCopies(channels.size(), "?")) + ") order by id desc fetch first ? "
				+ "rows only", BulkJobs::job, args.toArray());
	}

	void markRunning(long id) {
		this.jdbc.update("update bulk_job set state = 'RUNNING', wait_reason = null, updated_at = ? where id = ? and "
				+ "state in ('QUEUED', 'WAITING', 'RUNNING')", now(), id);
	}

	/** Puts the job to WAITING until {@code notBefore}, for a reason officers see. */
	public void waitUntil(long id, Instant notBefore, String reason) {
		this.jdbc.update(
				"update bulk_job set state = 'WAITING', not_before = ?, wait_reason = ?, updated_at = ? "
						+ "where id = ? and state in ('QUEUED', 'RUNNING', 'WAITING')",
				Timestamp.from(notBefore), reason, now(), id);
	}

	/**
	 * Makes the channel's jobs that WAIT for {@code reason} runnable now (what they
	 * waited for came, e.g. the OA was connected again).
	 * @return how many
	 */
	public int wake(String channel, String reason) {
		Timestamp now = now();
		return this.jdbc.update("update bulk_job set not_before = ?, updated_at = ? where channel = ? and "
				+ "state = 'WAITING' and wait_reason = ?", now, now, channel, reason);
	}

	/**
	 * Ends the job, unless an approver asked for a retry since the runner read
	 * {@code retryRequests} ({@link #reopenForRetry}): then it has rows to send first.
	 * @return whether the job is DONE
	 */
	boolean finish(long id, int retryRequests) {
		Timestamp now = now();
		return this.jdbc.update(
				"update bulk_job set state = 'DONE', wait_reason = null, finished_at = ?, "
						+ "updated_at = ?, locked_by = null, locked_until = null where id = ? and retry_requests = ?",
				now, now, id, retryRequests) == 1;
	}

	/** How often an approver asked for a retry of the job's rows. */
	int retryRequests(long id) {
		return this.jdbc.queryForObject("select retry_requests from bulk_job where id = ?", Integer.class, id);
	}

	/**
	 * Whether the job's cursor passed all its recipients once (it was DONE): reopened for
	 * a retry, it sends only the rows an approver reopened, never recipients who joined
	 * the segment or followed the OA since.
	 */
	boolean streamed(long id) {
		return this.jdbc.queryForObject("select count(*) from bulk_job where id = ? and finished_at is not null",
				Long.class, id) > 0;
	}

	/**
	 * A publication's jobs are to send rows an approver reopened for a retry: a DONE job
	 * runs again (only for those rows, see {@link #streamed}), one not ended sends them
	 * before it ends. Cancelled jobs stay cancelled.
	 * @return how many jobs will send them
	 */
	public int reopenForRetry(long publicationId) {
		Timestamp now = now();
		return this.jdbc.update("update bulk_job set retry_requests = retry_requests + 1, not_before = case when "
				+ "state = 'DONE' then ? else not_before end, state = case when state = 'DONE' then 'QUEUED' else "
				+ "state end, updated_at = ? where publication_id = ? and state <> 'CANCELLED'", now, now,
				publicationId);
	}

	/**
	 * Stops a publication's jobs between batches; rows already written keep their
	 * statuses.
	 */
	public boolean cancel(long publicationId) {
		return !cancelJobs(publicationId, null).isEmpty();
	}

	/**
	 * Cancels the publication's jobs that have not ended.
	 * @param actor who stopped them, or null
	 * @return the channels of the jobs cancelled
	 */
	List<String> cancelJobs(long publicationId, String actor) {
		List<String> channels = this.jdbc.queryForList(
				"select channel from bulk_job where publication_id = ? and state in ('QUEUED', 'RUNNING', 'WAITING') "
						+ "order by id for update",
				String.class, publicationId);
		if (channels.isEmpty()) {
			return List.of();
		}
		Timestamp now = now();
		this.jdbc.update(
				"update bulk_job set state = 'CANCELLED', updated_at = ?, stopped_by = ?, stopped_at = ? "
						+ "where publication_id = ? and state in ('QUEUED', 'RUNNING', 'WAITING')",
				now, actor, (actor != null) ? now : null, publicationId);
		return channels.stream().distinct().toList();
	}

	/** Whether the job was cancelled (a sender at work checks before each chunk). */
	boolean cancelled(long jobId) {
		return this.jdbc.queryForObject("select count(*) from bulk_job where id = ? and state = 'CANCELLED'",
				Long.class, jobId) > 0;
	}

	/**
	 * The job's cursor (the last recipient id handed to a batch), locked until the
	 * calling transaction ends, so that nodes carve the job into ranges one at a time.
	 */
	long lockCursor(long jobId) {
		return this.jdbc.queryForObject("select cursor_subscriber_id from bulk_job where id = ? for update", Long.class,
				jobId);
	}

	/**
	 * Records that {@code node} leases the batch (afterCursor, lastCursor] until the
	 * lease runs out, and moves the job's cursor past it. Called with the cursor locked.
	 */
	long openBatch(long jobId, long afterCursor, long lastCursor, String node, Duration lease) {
		long batchId = insertBatch(jobId, afterCursor, lastCursor, node, lease);
		this.jdbc.update("update bulk_job set cursor_subscriber_id = ?, updated_at = ? where id = ?", lastCursor, now(),
				jobId);
		return batchId;
	}

	private long insertBatch(long jobId, long afterCursor, long lastCursor, String node, Duration lease) {
		Timestamp now = now();
		this.jdbc.update(
				"insert into bulk_batch (job_id, after_cursor, last_cursor, state, node, claimed, claimed_at, "
						+ "locked_until) values (?, ?, ?, 'CLAIMED', ?, 0, ?, ?)",
				jobId, afterCursor, lastCursor, node, now, Timestamp.from(now.toInstant().plus(lease)));
		return this.jdbc.queryForObject("select max(id) from bulk_batch where job_id = ? and node = ?", Long.class,
				jobId, node);
	}

	/**
	 * Takes over a range nobody works any more: one a stopping node handed back, or one
	 * whose node stopped renewing its lease (it died). The old batch row points at the
	 * new one, so a range is retaken once. Call in a transaction.
	 * @return the new batch, or empty when no range waits
	 */
	Optional<Retaken> retake(long jobId, String node, Duration lease) {
		Timestamp now = now();
		List<BulkBatch> candidates = this.jdbc.query("select id, after_cursor, last_cursor, state, node, claimed, "
				+ "handed_back from bulk_batch where job_id = ? and retaken_by is null and (state = 'HANDED_BACK' or "
				+ "(state = 'CLAIMED' and (locked_until is null or locked_until < ?))) order by id fetch first 1 rows "
				+ "only for update", BulkJobs::batch, jobId, now);
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		BulkBatch old = candidates.get(0);
		long batchId = insertBatch(jobId, old.afterCursor(), old.lastCursor(), node, lease);
		this.jdbc.update(
				"update bulk_batch set retaken_by = ?, state = case when state = 'CLAIMED' then "
						+ "'INTERRUPTED' else state end, finished_at = coalesce(finished_at, ?) where id = ?",
				batchId, now, old.id());
		return Optional.of(new Retaken(batchId, old));
	}

	/**
	 * A range taken over.
	 *
	 * @param batchId the new batch
	 * @param from the batch that left it (HANDED_BACK, or CLAIMED by a node that died)
	 */
	record Retaken(long batchId, BulkBatch from) {

		boolean abandoned() {
			return "CLAIMED".equals(this.from.state());
		}

	}

	/**
	 * Renews the leases of the batches this node is working; returns how many it holds.
	 */
	int renewBatches(List<Long> batchIds, String node, Duration lease) {
		if (batchIds.isEmpty()) {
			return 0;
		}
		Timestamp until = Timestamp.from(this.clock.instant().plus(lease));
		String in = String.join(",", batchIds.stream().map((id) -> "?").toList());
		List<Object> args = new ArrayList<>();
		args.add(until);
		args.add(node);
		args.addAll(batchIds);
		return this.jdbc.update("update bulk_batch set locked_until = ? where node = ? and state = 'CLAIMED' and "
				+ "retaken_by is null and id in (" + in + ")", args.toArray());
	}

	/**
	 * Whether a batch of the job is being worked (or waits to be taken over): the job is
	 * not finished while one is.
	 */
	boolean hasOpenBatches(long jobId) {
		return this.jdbc.queryForObject("select count(*) from bulk_batch where job_id = ? and retaken_by is null and "
				+ "state in ('CLAIMED', 'HANDED_BACK')", Long.class, jobId) > 0;
	}

	/**
	 * Ends a batch: RECORDED, or HANDED_BACK with the rows it gave back unsent. Only
	 * while this node still holds it; returns false when another node took it over
	 * meanwhile.
	 */
	boolean closeBatch(long jobId, long batchId, int claimed, int handedBack) {
		Timestamp now = now();
		boolean closed = this.jdbc.update(
				"update bulk_batch set state = ?, claimed = ?, handed_back = ?, finished_at = ?, locked_until = null "
						+ "where id = ? and state = 'CLAIMED' and retaken_by is null",
				(handedBack == 0) ? "RECORDED" : "HANDED_BACK", claimed, handedBack, now, batchId) == 1;
		if (closed && handedBack == 0) {
			this.jdbc.update("update bulk_job set batches = batches + 1, updated_at = ? where id = ?", now, jobId);
		}
		return closed;
	}

	/** Batches a dead node left open: it never recorded them. */
	int interruptOpenBatches(long jobId) {
		return this.jdbc.update("update bulk_batch set state = 'INTERRUPTED', finished_at = ? where job_id = ? and "
				+ "state = 'CLAIMED' and retaken_by is null", now(), jobId);
	}

	/**
	 * A job not ended yet, as the operations page shows it.
	 *
	 * @param openRanges ranges leased now or waiting to be taken over
	 * @param nodes the nodes holding a live lease on one of its ranges
	 */
	public record InProgress(long id, String channel, long publicationId, String state, String waitReason, int batches,
			long openRanges, String nodes) {

	}

	/** The jobs not ended yet, newest first. */
	public List<InProgress> inProgress(int limit) {
		Timestamp now = now();
		return this.jdbc.query("select j.id, j.channel, j.publication_id, j.state, j.wait_reason, j.batches, "
				+ "(select count(*) from bulk_batch b where b.job_id = j.id and b.retaken_by is null and b.state in "
				+ "('CLAIMED', 'HANDED_BACK')) open_ranges from bulk_job j where j.state in ('QUEUED', 'RUNNING', "
				+ "'WAITING') order by j.id desc fetch first ? rows only", (rs, n) -> {
					long id = rs.getLong("id");
					String nodes = String.join(", ", this.jdbc.queryForList("select distinct node from bulk_batch "
							+ "where job_id = ? and state = 'CLAIMED' and retaken_by is null and locked_until >= ? "
							+ "order by node", String.class, id, now));
					return new InProgress(id, rs.getString("channel"), rs.getLong("publication_id"),
							rs.getString("state"), rs.getString("wait_reason"), rs.getInt("batches"),
							rs.getLong("open_ranges"), nodes);
				}, limit);
	}

	/** The batches of a job, oldest first. */
	public List<BulkBatch> batches(long jobId) {
		return this.jdbc.query("select id, after_cursor, last_cursor, state, node, claimed, handed_back from "
				+ "bulk_batch where job_id = ? order by id", BulkJobs::batch, jobId);
	}

	private static BulkBatch batch(ResultSet rs, int row) throws SQLException {
		return new BulkBatch(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getInt(6), rs.getInt(7));
	}

	/**
	 * One batch a node took.
	 *
	 * @param state CLAIMED (in flight), RECORDED, HANDED_BACK (its unsent rows wait for
	 * another batch to take the range over) or INTERRUPTED (its node died; taken over)
	 */
	public record BulkBatch(long id, long afterCursor, long lastCursor, String state, String node, int claimed,
			int handedBack) {

	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static BulkJob job(ResultSet rs, int row) throws SQLException {
		String prefixes = rs.getString("area_prefixes");
		List<String> areas = (prefixes == null || prefixes.isBlank()) ? List.of() : Arrays.asList(prefixes.split(","));
		return new BulkJob(rs.getLong("id"), rs.getString("channel"), rs.getLong("publication_id"),
				rs.getString("target"), new SegmentSpec(areas, rs.getString("topic")), rs.getString("payload"),
				rs.getString("template_version"), rs.getBoolean("urgent"), BulkJob.State.valueOf(rs.getString("state")),
				rs.getLong("cursor_subscriber_id"), rs.getTimestamp("not_before").toInstant(), rs.getInt("batches"),
				rs.getString("wait_reason"), rs.getString("stopped_by"), instant(rs.getTimestamp("stopped_at")));
	}

	private static Instant instant(Timestamp at) {
		return (at != null) ? at.toInstant() : null;
	}

}
