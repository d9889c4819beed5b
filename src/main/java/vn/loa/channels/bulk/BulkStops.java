package vn.loa.channels.bulk;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.deliverylog.DeliveryLog;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An officer's stop of a publication's broadcasts while they go out. In one transaction
 * the publication's bulk jobs become CANCELLED (saying who stopped them and when) and the
 * rows not sent yet become SKIPPED {@value #STOPPED}: senders claim only PENDING rows, so
 * none of them leaves afterwards, on whichever node. A node at work checks the job before
 * each chunk it claims and stops claiming; the calls it already started finish and are
 * recorded as usual, and the rows it wrote after the stop are skipped with the others.
 * Recipients no batch had reached get no row at all.
 */
@Component
public class BulkStops {

	/** The error code of a row a stop left unsent. */
	public static final String STOPPED = "STOPPED";

	private static final Logger log = LoggerFactory.getLogger(BulkStops.class);

	private final BulkJobs jobs;

	private final DeliveryLog deliveryLog;

	BulkStops(BulkJobs jobs, DeliveryLog deliveryLog) {
		this.jobs = jobs;
		this.deliveryLog = deliveryLog;
	}

	/**
	 * Stops the publication's bulk jobs that have not ended.
	 * @param actor the officer who stops them
	 * @return the channels stopped (none when no job was going out) and how many rows
	 * were left unsent
	 */
	@Transactional
	public Stopped stop(long publicationId, String actor) {
		List<String> channels = this.jobs.cancelJobs(publicationId, actor);
		if (channels.isEmpty()) {
			return new Stopped(List.of(), 0);
		}
		int skipped = this.deliveryLog.skipPending(publicationId, channels, STOPPED, explanation(actor));
		log.warn("Publication {}: {} stopped its broadcast(s) on {}; {} row(s) not sent yet are skipped", publicationId,
				actor, channels, skipped);
		return new Stopped(channels, skipped);
	}

	/**
	 * The row's explanation, in the officers' language with the code's meaning after it.
	 */
	static String explanation(String actor) {
		return "Không gửi: đợt gửi đã được dừng" + ((actor != null) ? " theo lệnh của " + actor : "")
				+ " (broadcast stopped)";
	}

	/**
	 * @param channels the channels whose jobs were stopped
	 * @param skipped the rows written but not sent, now SKIPPED {@value #STOPPED}
	 */
	public record Stopped(List<String> channels, int skipped) {

	}

}
