package vn.loa.channels.bulk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.deliverylog.DeliveryLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reclaims what dead nodes left of bulk jobs nobody runs any more. Ranges of running jobs
 * need no sweep: the next node that works the job takes them over once their lease ran
 * out. A cancelled job is not worked again, so a range a dead node left open in it stays
 * CLAIMED with rows SENDING: once every lease of the job ran out, the sweep marks those
 * batches INTERRUPTED and the rows unknown outcome (never re-sent). Run by the leader.
 */
@Component
public class BulkSweep {

	private static final Logger log = LoggerFactory.getLogger(BulkSweep.class);

	private final JdbcTemplate jdbc;

	private final BulkJobs jobs;

	private final DeliveryLog deliveryLog;

	private final Map<String, BulkChannel> channels;

	private final TransactionTemplate transactions;

	private final Clock clock;

	BulkSweep(JdbcTemplate jdbc, BulkJobs jobs, DeliveryLog deliveryLog, List<BulkChannel> channels,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.deliveryLog = deliveryLog;
		this.channels = channels.stream()
			.collect(Collectors.toMap(BulkChannel::channel, Function.identity(), (a, b) -> a));
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${loa.channels.bulk.sweep-interval:30s}",
			initialDelayString = "${loa.channels.bulk.sweep-interval:30s}")
	@SchedulerLock(name = "loa-bulk-sweep", lockAtLeastFor = "PT5S")
	void sweep() {
		sweep(this.clock.instant());
	}

	/**
	 * Ends the ranges dead nodes left in ended jobs.
	 * @return how many rows became unknown outcomes
	 */
	public int sweep(Instant now) {
		List<Map<String, Object>> abandoned = this.jdbc.queryForList(
				"select j.id, j.publication_id, j.channel from bulk_job j where j.state in ('CANCELLED', 'DONE') and "
						+ "exists (select 1 from bulk_batch b where b.job_id = j.id and b.state = 'CLAIMED' and "
						+ "b.retaken_by is null) and not exists (select 1 from bulk_batch b where b.job_id = j.id and "
						+ "b.state = 'CLAIMED' and b.retaken_by is null and b.locked_until >= ?)",
				Timestamp.from(now));
		int unknown = 0;
		for (Map<String, Object> job : abandoned) {
			long jobId = ((Number) job.get("id")).longValue();
			long publicationId = ((Number) job.get("publication_id")).longValue();
			String channel = (String) job.get("channel");
			BulkChannel bulk = this.channels.get(channel);
			String explanation = (bulk != null) ? bulk.unknownOutcome()
					: "Sending was interrupted (the node stopped); check with the provider before sending again";
			int[] counts = this.transactions.execute((status) -> new int[] { this.jobs.interruptOpenBatches(jobId),
					this.deliveryLog.expireSending(publicationId, channel, explanation) });
			unknown += counts[1];
			log.warn("Bulk job {} ({}) ended with {} range(s) a stopped node left open: {} message(s) have an unknown "
					+ "outcome and are not re-sent", jobId, channel, counts[0], counts[1]);
		}
		return unknown;
	}

}
