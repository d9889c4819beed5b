package vn.loa.channels.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import vn.loa.deliverylog.Delivery;
import vn.loa.deliverylog.DeliveryLog;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An approver's retry of a broadcast's recipient rows. The rows that may safely be sent
 * again ({@link DeliveryLog#retryable(long, int)}: no OUTCOME_UNKNOWN, nothing a provider
 * may have accepted, no ZNS row that fell back to SMS) go back to PENDING in a
 * conditional update each, so two approvers asking at once reopen each row once; the
 * publication's bulk jobs then send them through {@link BulkRunner} as they send
 * everything else, and a job that was DONE sends only those rows.
 */
@Component
public class BulkRetries {

	private static final int PAGE = 1000;

	private final BulkJobs jobs;

	private final DeliveryLog deliveryLog;

	private final Map<String, BulkChannel> channels;

	BulkRetries(BulkJobs jobs, DeliveryLog deliveryLog, List<BulkChannel> channels) {
		this.jobs = jobs;
		this.deliveryLog = deliveryLog;
		this.channels = channels.stream()
			.collect(Collectors.toMap(BulkChannel::channel, Function.identity(), (a, b) -> a));
	}

	/**
	 * The recipient rows of the publication's bulk jobs (not cancelled) that may safely
	 * be sent again, at most {@code limit}, leaving out those {@code excluded} names
	 * (rows Loa sends one by one).
	 */
	public List<Delivery> retryable(long publicationId, Predicate<Delivery> excluded, int limit) {
		Set<String> bulk = jobChannels(publicationId);
		List<Delivery> rows = new ArrayList<>();
		long after = 0;
		while (rows.size() < limit) {
			List<Delivery> page = this.deliveryLog.retryable(publicationId, bulk, after, PAGE);
			for (Delivery row : page) {
				if (rows.size() < limit && !excluded.test(row) && recipientRow(row)) {
					rows.add(row);
				}
			}
			if (page.size() < PAGE) {
				break;
			}
			after = page.get(page.size() - 1).id();
		}
		return rows;
	}

	/**
	 * Reopens the publication's {@link #retryable} recipient rows, each row's history
	 * naming {@code actor}, and has its bulk jobs send them.
	 * @return how many rows this call reopened (none that another call took first)
	 */
	@Transactional
	public int retry(long publicationId, Predicate<Delivery> excluded, String actor) {
		int reopened = 0;
		while (true) {
			List<Delivery> rows = retryable(publicationId, excluded, PAGE);
			int now = this.deliveryLog.reopenForBulkRetry(rows, actor).size();
			reopened += now;
			if (rows.size() < PAGE || now == 0) {
				break;
			}
		}
		if (reopened > 0) {
			this.jobs.reopenForRetry(publicationId);
		}
		return reopened;
	}

	private Set<String> jobChannels(long publicationId) {
		return this.jobs.ofPublication(publicationId)
			.stream()
			.filter((job) -> job.state() != BulkJob.State.CANCELLED)
			.map(BulkJob::channel)
			.filter(this.channels::containsKey)
			.collect(Collectors.toSet());
	}

	private boolean recipientRow(Delivery row) {
		BulkChannel channel = this.channels.get(row.channel());
		return channel == null || channel.recipientRow(row.target());
	}

}
