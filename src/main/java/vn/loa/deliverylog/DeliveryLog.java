package vn.loa.deliverylog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Objects;
import java.util.Set;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the delivery log. Rows are unique per (publication, channel, target),
 * so a repeated dispatch finds the row it made before instead of sending again; every
 * status change is guarded by the state machine in the UPDATE itself, so concurrent or
 * late receipts cannot move a row backwards.
 */
@Service
public class DeliveryLog {

	/** The error code of a row whose send was interrupted before its answer was known. */
	public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

	static final String COLUMNS = "id, publication_id, channel, target, status, attempts, provider, "
			+ "provider_reference, provider_url, error_code, error_message, template_version, created_at, "
			+ "updated_at, sent_at, completed_at, provider_status";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	DeliveryLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock, ApplicationEventPublisher events,
			MeterRegistry meters) {
		this.meters = meters;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Takes a delivery for sending: creates its row as SENDING, or moves a PENDING row to
	 * SENDING. Empty when the delivery was already taken, so the caller must not send it.
	 */
	@Transactional
	public Optional<Long> claim(long publicationId, String channel, String target, String provider,
			String templateVersion) {
		Timestamp now = now();
		int moved = this.jdbc
			.sql("update delivery set status = 'SENDING', attempts = attempts + 1, provider = :provider, "
					+ "template_version = :template, updated_at = :now where publication_id = :pub and "
					+ "channel = :channel and target = :target and status in ('PENDING', 'TEMPORARY_FAILURE')")
			.param("provider", provider)
			.param("template", templateVersion)
			.param("now", now)
			.param("pub", publicationId)
			.param("channel", channel)
			.param("target", target)
			.update();
		if (moved == 0) {
			try {
				this.jdbc
					.sql("insert into delivery (publication_id, channel, target, status, attempts, provider, "
							+ "template_version, created_at, updated_at) values (:pub, :channel, :target, "
							+ "'SENDING', 1, :provider, :template, :now, :now)")
					.param("pub", publicationId)
					.param("channel", channel)
					.param("target", target)
					.param("provider", provider)
					.param("template", templateVersion)
					.param("now", now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				return Optional.empty();
			}
		}
		return find(publicationId, channel, target).map(Delivery::id);
	}

	/** Records a channel's outcome on the row of its key, if the state machine allows. */
	@Transactional
	public boolean record(DeliveryOutcome outcome) {
		Timestamp now = now();
		int updated = this.jdbc.sql("update delivery set status = :status, provider = coalesce(:provider, provider), "
				+ "provider_reference = coalesce(:ref, provider_reference), "
				+ "provider_url = coalesce(:url, provider_url), error_code = :code, error_message = :message, "
				+ "template_version = coalesce(:template, template_version), updated_at = :now, "
				+ "provider_status = coalesce(cast(:providerStatus as integer), provider_status), "
				// The claim counted the first call.
				+ "attempts = attempts + coalesce(cast(:attempts as integer), 1) - 1, "
				+ "sent_at = case when :sent then coalesce(sent_at, :now) else sent_at end, "
				+ "completed_at = case when :final then :now else completed_at end "
				+ "where publication_id = :pub and channel = :channel and target = :target and status in ("
				+ inList(DeliveryStatus.predecessorsOf(outcome.status())) + ")")
			.param("status", outcome.status().name())
			.param("provider", outcome.provider())
			.param("ref", outcome.providerReference())
			.param("url", outcome.providerUrl())
			.param("code", outcome.errorCode())
			.param("message", truncate(outcome.errorMessage(), 2000))
			.param("template", outcome.templateVersion())
			.param("providerStatus", outcome.providerStatus())
			.param("attempts", outcome.attempts())
			.param("now", now)
			.param("sent", outcome.status() == DeliveryStatus.SENT)
			.param("final", DeliveryStatus.FINAL.contains(outcome.status()))
			.param("pub", outcome.publicationId())
			.param("channel", outcome.channel())
			.param("target", outcome.target())
			.update();
		if (updated == 0 && find(outcome.publicationId(), outcome.channel(), outcome.target()).isEmpty()) {
			insert(outcome, now);
			updated = 1;
		}
		if (updated > 0) {
			changed(outcome.publicationId(), outcome.channel());
		}
		return updated > 0;
	}

	/**
	 * Moves the row a provider knows by its reference (a receipt or callback). Returns
	 * false when the row is unknown or already past that status.
	 */
	@Transactional
	public boolean transitionByReference(String provider, String reference, DeliveryStatus status, String errorCode,
			String errorMessage) {
		boolean moved = this.jdbc
			.sql("update delivery set status = :status, error_code = coalesce(:code, error_code), "
					+ "error_message = coalesce(:message, error_message), updated_at = :now, "
					+ "completed_at = case when :final then :now else completed_at end "
					+ "where provider_reference = :ref and provider = :provider and status in ("
					+ inList(DeliveryStatus.predecessorsOf(status)) + ")")
			.param("status", status.name())
			.param("code", errorCode)
			.param("message", truncate(errorMessage, 2000))
			.param("now", now())
			.param("final", DeliveryStatus.FINAL.contains(status))
			.param("ref", reference)
			.param("provider", provider)
			.update() > 0;
		if (moved) {
			java.util.Set<String> channels = changedWhere("provider_reference = ? and provider = ?", reference,
					provider);
			countReceipt(status, channels);
			if (status == DeliveryStatus.DELIVERED || DeliveryStatus.FAILURES.contains(status)) {
				// The provider's receipt, per provider as well, since a receipt names the
				// provider
				this.meters.counter("loa.deliveries.receipts", "provider", provider, "status", status.name())
					.increment();
			}
		}
		return moved;
	}

	/**
	 * Rows left SENDING by a crash between the provider call and its outcome: Loa cannot
	 * know whether the provider took them, so they are not sent again but marked as a
	 * technical failure with an explanation an officer can act on.
	 */
	@Transactional
	public int expireStaleSending(Instant updatedBefore) {
		return this.jdbc
			.sql("update delivery set status = 'TECHNICAL_FAILURE', error_code = '" + OUTCOME_UNKNOWN + "', "
					+ "error_message = 'Sending was interrupted; check with the provider before sending again', "
					+ "updated_at = :now, completed_at = :now where status = 'SENDING' and updated_at < :before")
			.param("now", now())
			.param("before", Timestamp.from(updatedBefore))
			.update();
	}

	/** Moves one row by id (e.g. a station's pull or aired report). */
	@Transactional
	public boolean transition(long deliveryId, DeliveryStatus status, String detail) {
		boolean moved = this.jdbc
			.sql("update delivery set status = :status, error_message = coalesce(:detail, error_message), "
					+ "updated_at = :now, completed_at = case when :final then :now else completed_at end "
					+ "where id = :id and status in (" + inList(DeliveryStatus.predecessorsOf(status)) + ")")
			.param("status", status.name())
			.param("detail", detail)
			.param("now", now())
			.param("final", DeliveryStatus.FINAL.contains(status))
			.param("id", deliveryId)
			.update() > 0;
		if (moved) {
			countReceipt(status, changedWhere("id = ?", deliveryId));
		}
		return moved;
	}

	/**
	 * Inserts a batch of new rows — PENDING to be sent, or SKIPPED with the reason — in
	 * one statement batch, leaving alone those that exist already (a resumed broadcast
	 * writes its last batch again). Returns how many were new.
	 */
	@Transactional
	public int insertBatch(long publicationId, String channel, String provider, String templateVersion,
			List<NewDelivery> rows) {
		if (rows.isEmpty()) {
			return 0;
		}
		Timestamp now = now();
		List<Object[]> values = new ArrayList<>(rows.size());
		for (NewDelivery row : rows) {
			boolean skipped = row.status() == DeliveryStatus.SKIPPED;
			values.add(
					new Object[] { publicationId, channel, row.target(), row.status().name(), provider, row.errorCode(),
							row.errorMessage(), templateVersion, now, now, skipped ? now : null, row.replacesId() });
		}
		// ON CONFLICT DO NOTHING (no conflict target, which H2 also accepts) goes
		// straight
		// to the unique index: one probe per row, where a NOT EXISTS sub-select made
		// PostgreSQL scan the publication's rows for every insert.
		int[] counts = this.jdbcTemplate.batchUpdate("insert into delivery (publication_id, channel, target, status, "
				+ "attempts, provider, error_code, error_message, template_version, created_at, updated_at, "
				+ "completed_at, replaces_id) values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
				values);
		int inserted = 0;
		for (int count : counts) {
			// SUCCESS_NO_INFO (-2) from a batching driver counts as inserted.
			inserted += (count == Statement.SUCCESS_NO_INFO) ? 1 : Math.max(count, 0);
		}
		return inserted;
	}

	/**
	 * Ends the rows of one publication and channel that a run left SENDING: it died
	 * between taking them and recording the provider's answer, so they may or may not
	 * have gone out. Fallback rows standing in for another channel's row belong to that
	 * channel's job and are left alone ({@link #expireSendingReplacements}). They are
	 * never sent again (nobody may get the same message twice) but marked
	 * TECHNICAL_FAILURE {@value #OUTCOME_UNKNOWN} with the given explanation.
	 */
	@Transactional
	public int expireSending(long publicationId, String channel, String explanation) {
		Timestamp now = now();
		return this.jdbcTemplate
			.update("update delivery set status = 'TECHNICAL_FAILURE', error_code = ?, error_message = ?, "
					+ "updated_at = ?, completed_at = ? where publication_id = ? and channel = ? and status = 'SENDING' "
					+ "and replaces_id is null", OUTCOME_UNKNOWN, explanation, now, now, publicationId, channel);
	}

	/**
	 * Ends the rows of a stopped broadcast that were not sent yet: the publication's
	 * PENDING rows of the given channels, and the fallback rows standing in for them,
	 * become SKIPPED with {@code code} and {@code message}. A sender claims only PENDING
	 * rows, so none of these is sent afterwards.
	 * @return how many rows were skipped
	 */
	@Transactional
	public int skipPending(long publicationId, Collection<String> channels, String code, String message) {
		if (channels.isEmpty()) {
			return 0;
		}
		Timestamp now = now();
		List<Object> args = new ArrayList<>(List.of(code, message, now, now, publicationId));
		args.addAll(channels);
		return this.jdbcTemplate.update("update delivery set status = 'SKIPPED', error_code = ?, error_message = ?, "
				+ "updated_at = ?, completed_at = ? where publication_id = ? and status = 'PENDING' and (channel in ("
				+ String.join(",", java.util.Collections.nCopies(channels.size(), "?"))
				+ ") or replaces_id is not null)", args.toArray());
	}

	/**
	 * {@link #expireSending(long, String, String)} for the given recipients only: the
	 * range of a bulk job that a dead node was working, while other nodes work the rest.
	 */
	@Transactional
	public int expireSending(long publicationId, String channel, List<String> targets, String explanation) {
		Timestamp now = now();
		int expired = 0;
		for (int from = 0; from < targets.size(); from += 1000) {
			List<String> chunk = targets.subList(from, Math.min(targets.size(), from + 1000));
			List<Object> args = new ArrayList<>(chunk.size() + 6);
			args.add(OUTCOME_UNKNOWN);
			args.add(explanation);
			args.add(now);
			args.add(now);
			args.add(publicationId);
			args.add(channel);
			args.addAll(chunk);
			expired += this.jdbcTemplate.update("update delivery set status = 'TECHNICAL_FAILURE', error_code = ?, "
					+ "error_message = ?, updated_at = ?, completed_at = ? where publication_id = ? and channel = ? "
					+ "and status = 'SENDING' and replaces_id is null and target in ("
					+ String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", args.toArray());
		}
		return expired;
	}

	/**
	 * A row to insert in bulk: PENDING, or SKIPPED with its reason.
	 *
	 * @param target the recipient or destination
	 * @param status {@code PENDING} or {@code SKIPPED}
	 * @param errorCode why it was skipped, or null
	 * @param errorMessage the reason in words, or null
	 * @param replacesId the row this one stands in for (an SMS sent because the ZNS
	 * message of that row could not be), or null
	 */
	public record NewDelivery(String target, DeliveryStatus status, String errorCode, String errorMessage,
			Long replacesId) {

		public NewDelivery {
			if (status != DeliveryStatus.PENDING && status != DeliveryStatus.SKIPPED) {
				throw new IllegalArgumentException("A new row is PENDING or SKIPPED, not " + status);
			}
		}

		public NewDelivery(String target, DeliveryStatus status, String errorCode, String errorMessage) {
			this(target, status, errorCode, errorMessage, null);
		}

		public static NewDelivery pending(String target) {
			return new NewDelivery(target, DeliveryStatus.PENDING, null, null);
		}

		public static NewDelivery skipped(String target, String errorCode, String errorMessage) {
			return new NewDelivery(target, DeliveryStatus.SKIPPED, errorCode, errorMessage);
		}

		/** A PENDING row sent in place of the row {@code replacesId} (a fallback). */
		public static NewDelivery replacing(String target, long replacesId) {
			return new NewDelivery(target, DeliveryStatus.PENDING, null, null, replacesId);
		}

	}

	/** A row a bulk sender took for sending (now SENDING). */
	public record Claimed(long id, String target) {

	}

	/**
	 * What became of one claimed row: {@link #sent}, {@link #failed}, or {@link #notSent}
	 * when the sender gave the row back without calling the provider (a node stopping, a
	 * quota running out), so it can be taken again.
	 */
	public record BulkResult(long id, String target, DeliveryStatus status, String reference, String errorCode,
			String errorMessage) {

		public static BulkResult sent(Claimed row, String reference) {
			return new BulkResult(row.id(), row.target(), DeliveryStatus.SENT, reference, null, null);
		}

		public static BulkResult failed(Claimed row, DeliveryStatus status, String errorCode, String errorMessage) {
			if (!DeliveryStatus.FAILURES.contains(status)) {
				throw new IllegalArgumentException(status + " is not a failure");
			}
			return new BulkResult(row.id(), row.target(), status, null, errorCode, errorMessage);
		}

		/**
		 * The provider refused the recipient for a reason that is no failure of the
		 * message (e.g. Zalo: outside the interaction window).
		 */
		public static BulkResult skipped(Claimed row, String errorCode, String errorMessage) {
			return new BulkResult(row.id(), row.target(), DeliveryStatus.SKIPPED, null, errorCode, errorMessage);
		}

		public static BulkResult notSent(Claimed row) {
			return new BulkResult(row.id(), row.target(), null, null, null, null);
		}

		public boolean isSent() {
			return this.status == DeliveryStatus.SENT;
		}

		/** The row went back untouched: the provider was not called. */
		public boolean handedBack() {
			return this.status == null;
		}

	}

	/** A row waiting in TEMPORARY_FAILURE for another attempt. */
	public record Retry(long id, String target, int attempts, Instant lastAttemptAt) {

	}

	/**
	 * Takes a batch's PENDING rows for sending (SENDING, one more attempt) and returns
	 * them; rows in any other status were decided before and are not sent.
	 */
	@Transactional
	public List<Claimed> claimPending(long publicationId, String channel, List<String> targets) {
		if (targets.isEmpty()) {
			return List.of();
		}
		List<Claimed> pending = new ArrayList<>(targets.size());
		for (int from = 0; from < targets.size(); from += 1000) {
			List<String> chunk = targets.subList(from, Math.min(targets.size(), from + 1000));
			List<Object> args = new ArrayList<>(chunk.size() + 2);
			args.add(publicationId);
			args.add(channel);
			args.addAll(chunk);
			pending.addAll(this.jdbcTemplate.query(
					"select id, target from delivery where publication_id = ? and "
							+ "channel = ? and status = 'PENDING' and target in ("
							+ String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ") order by id",
					(rs, n) -> new Claimed(rs.getLong(1), rs.getString(2)), args.toArray()));
		}
		return markSending(pending, DeliveryStatus.PENDING);
	}

	/** A publication's PENDING rows of one channel, oldest first (fallbacks to send). */
	public List<Claimed> pendingRows(long publicationId, String channel, int limit) {
		return this.jdbcTemplate.query(
				"select id, target from delivery where publication_id = ? and channel = ? and status = 'PENDING' "
						+ "order by id fetch first ? rows only",
				(rs, n) -> new Claimed(rs.getLong(1), rs.getString(2)), publicationId, channel, limit);
	}

	/**
	 * A publication's PENDING rows of one channel that stand in for another row (a
	 * fallback), oldest first.
	 */
	public List<Claimed> pendingReplacements(long publicationId, String channel, int limit) {
		return this.jdbcTemplate.query(
				"select id, target from delivery where publication_id = ? and channel = ? and status = 'PENDING' "
						+ "and replaces_id is not null order by id fetch first ? rows only",
				(rs, n) -> new Claimed(rs.getLong(1), rs.getString(2)), publicationId, channel, limit);
	}

	/**
	 * {@link #expireSending} for the rows of one publication and channel that stand in
	 * for another row (a fallback), leaving that channel's own rows alone.
	 */
	@Transactional
	public int expireSendingReplacements(long publicationId, String channel, String explanation) {
		Timestamp now = now();
		return this.jdbcTemplate.update("update delivery set status = 'TECHNICAL_FAILURE', error_code = ?, "
				+ "error_message = ?, updated_at = ?, completed_at = ? where publication_id = ? and channel = ? and "
				+ "status = 'SENDING' and replaces_id is not null", OUTCOME_UNKNOWN, explanation, now, now,
				publicationId, channel);
	}

	/** The id of the row that stands in for {@code deliveryId}, if any. */
	public Optional<Long> replacementOf(long deliveryId) {
		return this.jdbcTemplate
			.queryForList("select id from delivery where replaces_id = ? fetch first 1 rows only", Long.class,
					deliveryId)
			.stream()
			.findFirst();
	}

	/** Takes the given PENDING rows for sending; returns those it took. */
	@Transactional
	public List<Claimed> claim(List<Claimed> pending) {
		return markSending(pending, DeliveryStatus.PENDING);
	}

	/**
	 * Rows of one publication and channel waiting in TEMPORARY_FAILURE with the given
	 * error code (the provider's "try later"), oldest first.
	 */
	public List<Retry> waitingRetries(long publicationId, String channel, String errorCode, int limit) {
		return this.jdbcTemplate.query(
				"select id, target, attempts, updated_at from delivery where publication_id = ? and channel = ? "
						+ "and status = 'TEMPORARY_FAILURE' and error_code = ? order by id fetch first ? rows only",
				(rs, n) -> new Retry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant()),
				publicationId, channel, errorCode, limit);
	}

	/** Takes waiting retries for sending again; returns those it took. */
	@Transactional
	public List<Claimed> claimRetries(List<Retry> due) {
		return markSending(due.stream().map((retry) -> new Claimed(retry.id(), retry.target())).toList(),
				DeliveryStatus.TEMPORARY_FAILURE);
	}

	/** Retries that used up their attempts end as TECHNICAL_FAILURE with the reason. */
	@Transactional
	public void exhaust(List<Retry> retries, java.util.function.Function<Retry, String> reason) {
		Timestamp now = now();
		this.jdbcTemplate.batchUpdate(
				"update delivery set status = 'TECHNICAL_FAILURE', error_message = ?, updated_at = ?, "
						+ "completed_at = ? where id = ? and status = 'TEMPORARY_FAILURE'",
				retries.stream()
					.map((retry) -> new Object[] { truncate(reason.apply(retry), 2000), now, now, retry.id() })
					.toList());
	}

	/**
	 * Records the answers of one bulk batch: SENT with the provider's reference, the
	 * classified failure, or — for rows handed back unsent — the status they were taken
	 * from, with the attempt given back. Only rows still SENDING move.
	 */
	@Transactional
	public void recordBatch(List<BulkResult> results, DeliveryStatus handedBackTo) {
		if (handedBackTo != DeliveryStatus.PENDING && handedBackTo != DeliveryStatus.TEMPORARY_FAILURE) {
			throw new IllegalArgumentException("A row is handed back to PENDING or TEMPORARY_FAILURE");
		}
		Timestamp now = now();
		List<Object[]> sent = new ArrayList<>();
		List<Object[]> failed = new ArrayList<>();
		List<Object[]> back = new ArrayList<>();
		for (BulkResult result : results) {
			if (result.handedBack()) {
				back.add(new Object[] { handedBackTo.name(), now, result.id() });
			}
			else if (result.isSent()) {
				sent.add(new Object[] { result.reference(), now, now, result.id() });
			}
			else {
				boolean isFinal = DeliveryStatus.FINAL.contains(result.status());
				failed.add(new Object[] { result.status().name(), result.errorCode(),
						truncate(result.errorMessage(), 2000), now, isFinal ? now : null, result.id() });
			}
		}
		if (!sent.isEmpty()) {
			this.jdbcTemplate.batchUpdate("update delivery set status = 'SENT', provider_reference = ?, sent_at = ?, "
					+ "updated_at = ?, error_code = null, error_message = null where id = ? and status = 'SENDING'",
					sent);
		}
		if (!failed.isEmpty()) {
			this.jdbcTemplate.batchUpdate("update delivery set status = ?, error_code = ?, error_message = ?, "
					+ "updated_at = ?, completed_at = ? where id = ? and status = 'SENDING'", failed);
		}
		if (!back.isEmpty()) {
			// The one backward move the log allows: the provider was never called for
			// these rows, so taking them again cannot send twice.
			this.jdbcTemplate.batchUpdate("update delivery set status = ?, attempts = attempts - 1, updated_at = ? "
					+ "where id = ? and status = 'SENDING'", back);
		}
		changedRows(results.stream().filter((r) -> !r.handedBack()).map(BulkResult::id).toList());
	}

	/**
	 * Error codes of technical failures where the provider was never reached (the
	 * connection was refused or never made, or Loa stopped before the call): sending
	 * again cannot send twice.
	 */
	public static final Set<String> NOT_REACHED = Set.of("ConnectException", "UnknownHostException",
			"NoRouteToHostException", "HttpConnectTimeoutException", "DISPATCH_ABORTED", "CONNECTION_REFUSED");

	/**
	 * Error codes of technical failures where the provider answered that it took nothing,
	 * and the channel's own retries ran out: Twilio's 429 Too Many Requests
	 * ({@code 20429}) and Zalo's "try again" answers ({@code TRY_AGAIN}). Sending again
	 * cannot send twice either.
	 */
	public static final Set<String> REFUSED_UNTAKEN = Set.of("20429", "TRY_AGAIN");

	private static final String RETRYABLE = "(status = 'TEMPORARY_FAILURE' or (status = 'TECHNICAL_FAILURE' and "
			+ "error_code in ("
			+ String.join(", ",
					java.util.stream.Stream.concat(NOT_REACHED.stream(), REFUSED_UNTAKEN.stream())
						.sorted()
						.map((c) -> "'" + c + "'")
						.toList())
			+ "))) and provider_reference is null and coalesce(error_code, '') <> '" + OUTCOME_UNKNOWN + "' and not "
			+ "exists (select 1 from delivery f where f.replaces_id = delivery.id)";

	/**
	 * The error code of a bulk recipient's row an approver reopened: PENDING again, for
	 * the channel's bulk job to send once ({@link #requestedRetries}).
	 */
	public static final String RETRY_REQUESTED = "RETRY_REQUESTED";

	/**
	 * A publication's rows an officer may safely send again: temporary failures and
	 * failures that never reached the provider, with no provider reference (nothing a
	 * provider may have accepted), never {@value #OUTCOME_UNKNOWN}, never a row another
	 * row already stands in for (a ZNS message that fell back to SMS).
	 */
	public List<Delivery> retryable(long publicationId, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from delivery where publication_id = :pub and " + RETRYABLE
					+ " order by id limit :limit")
			.param("pub", publicationId)
			.param("limit", limit)
			.query(DeliveryLog::row)
			.list();
	}

	/**
	 * {@link #retryable(long, int)} among the rows of the given channels' bulk jobs,
	 * after {@code afterId} (paging): a row standing in for another (a fallback SMS)
	 * belongs to the channel of the row it replaces, whose job sends it.
	 */
	public List<Delivery> retryable(long publicationId, Collection<String> channels, long afterId, int limit) {
		if (channels.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select " + COLUMNS + " from delivery where publication_id = :pub and id > :after and " + RETRYABLE
					+ " and coalesce((select r.channel from delivery r where r.id = delivery.replaces_id), channel) "
					+ "in (:channels) order by id limit :limit")
			.param("pub", publicationId)
			.param("after", afterId)
			.param("channels", List.copyOf(channels))
			.param("limit", limit)
			.query(DeliveryLog::row)
			.list();
	}

	/**
	 * Reopens retryable rows of bulk recipients as PENDING {@value #RETRY_REQUESTED}, so
	 * that their channel's bulk job sends each once more, and writes the request into
	 * each row's history. Each row moves in a conditional update that only a retryable
	 * row passes, and a PENDING row is not retryable: of two approvers asking at once,
	 * one reopens it.
	 * @return the ids it reopened
	 */
	@Transactional
	public List<Long> reopenForBulkRetry(List<Delivery> rows, String actor) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Timestamp now = now();
		int[][] counts = this.jdbcTemplate.batchUpdate(
				"update delivery set status = 'PENDING', error_code = '" + RETRY_REQUESTED
						+ "', completed_at = null, updated_at = ? where id = ? and " + RETRYABLE,
				rows, 1000, (ps, row) -> {
					ps.setTimestamp(1, now);
					ps.setLong(2, row.id());
				});
		List<Delivery> reopened = moved(rows, counts);
		this.jdbcTemplate
			.batchUpdate("insert into delivery_event (delivery_id, occurred_at, action, actor, detail) values (?, ?, '"
					+ RETRY_REQUESTED + "', ?, ?)", reopened, 1000, (ps, row) -> {
						ps.setLong(1, row.id());
						ps.setTimestamp(2, now);
						ps.setString(3, actor);
						ps.setString(4, retryDetail(row));
					});
		List<Long> ids = reopened.stream().map(Delivery::id).toList();
		changedRows(ids);
		return ids;
	}

	/**
	 * Rows of bulk recipients an approver reopened ({@link #reopenForBulkRetry}) that
	 * wait for the channel's job, oldest first; rows standing in for another row are sent
	 * by the channel that wrote them ({@link #pendingReplacements}).
	 */
	public List<Claimed> requestedRetries(long publicationId, String channel, int limit) {
		return this.jdbcTemplate.query(
				"select id, target from delivery where publication_id = ? and channel = ? and status = 'PENDING' "
						+ "and error_code = ? and replaces_id is null order by id fetch first ? rows only",
				(rs, n) -> new Claimed(rs.getLong(1), rs.getString(2)), publicationId, channel, RETRY_REQUESTED, limit);
	}

	private static String retryDetail(Delivery before) {
		return truncate(before.status() + " " + Objects.toString(before.errorCode(), "") + " "
				+ Objects.toString(before.errorMessage(), ""), 500)
			.strip();
	}

	/**
	 * Reopens retryable rows as TEMPORARY_FAILURE, so the channel's next claim sends them
	 * again, and writes the request into each row's history.
	 * @return the ids it reopened (rows that stopped being retryable meanwhile are left)
	 */
	@Transactional
	public List<Long> reopenForRetry(Collection<Long> ids, String actor) {
		List<Long> reopened = new ArrayList<>();
		Timestamp now = now();
		for (long id : ids) {
			Delivery before = get(id).orElse(null);
			int moved = this.jdbc
				.sql("update delivery set status = 'TEMPORARY_FAILURE', completed_at = null, updated_at = :now "
						+ "where id = :id and " + RETRYABLE)
				.param("now", now)
				.param("id", id)
				.update();
			if (moved > 0 && before != null) {
				this.jdbc
					.sql("insert into delivery_event (delivery_id, occurred_at, action, actor, detail) "
							+ "values (:id, :now, 'RETRY_REQUESTED', :actor, :detail)")
					.param("id", id)
					.param("now", now)
					.param("actor", actor)
					.param("detail", retryDetail(before))
					.update();
				reopened.add(id);
			}
		}
		return reopened;
	}

	/** What happened to rows besides their status (an officer's retry), oldest first. */
	public Map<Long, List<DeliveryEvent>> events(Collection<Long> deliveryIds) {
		Map<Long, List<DeliveryEvent>> events = new LinkedHashMap<>();
		if (deliveryIds.isEmpty()) {
			return events;
		}
		this.jdbc
			.sql("select delivery_id, occurred_at, action, actor, detail from delivery_event "
					+ "where delivery_id in (:ids) order by id")
			.param("ids", List.copyOf(deliveryIds))
			.query((rs) -> {
				events.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
					.add(new DeliveryEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
							rs.getString(4), rs.getString(5)));
			});
		return events;
	}

	/** One entry of a row's history besides its status changes. */
	public record DeliveryEvent(long deliveryId, Instant occurredAt, String action, String actor, String detail) {
	}

	/** Whether any row of the provider carries this reference. */
	public boolean knowsReference(String provider, String reference) {
		return !this.jdbcTemplate
			.queryForList("select id from delivery where provider = ? and provider_reference = ? fetch first 1 rows "
					+ "only", Long.class, provider, reference)
			.isEmpty();
	}

	/**
	 * Tells listeners ({@link DeliveryChanged}) that rows of a publication and channel
	 * moved, within the transaction that moved them.
	 */
	private void changed(long publicationId, String channel) {
		this.events.publishEvent(new DeliveryChanged(publicationId, channel));
	}

	/**
	 * {@link #changed} for each publication and channel among the rows a condition
	 * selects.
	 */
	private java.util.Set<String> changedWhere(String condition, Object... args) {
		java.util.Set<String> channels = new java.util.HashSet<>();
		this.jdbcTemplate.query("select distinct publication_id, channel from delivery where " + condition, (rs) -> {
			changed(rs.getLong(1), rs.getString(2));
			channels.add(rs.getString(2));
		}, args);
		return channels;
	}

	/**
	 * {@code loa_deliveries_delivered_total{channel}} for a row a receipt or report moved
	 * to DELIVERED, {@code loa_deliveries_failed_total{channel,status}} for one it moved
	 * to a failure after it was sent (the bulk runner counts the failures at sending).
	 */
	private void countReceipt(DeliveryStatus status, java.util.Set<String> channels) {
		for (String channel : channels) {
			if (status == DeliveryStatus.DELIVERED) {
				this.meters.counter("loa.deliveries.delivered", "channel", channel).increment();
			}
			else if (DeliveryStatus.FAILURES.contains(status)) {
				this.meters.counter("loa.deliveries.failed", "channel", channel, "status", status.name()).increment();
			}
		}
	}

	/** {@link #changed} for each publication and channel among the given rows. */
	private void changedRows(List<Long> ids) {
		java.util.Set<DeliveryChanged> seen = new java.util.LinkedHashSet<>();
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
			this.jdbcTemplate.query("select distinct publication_id, channel from delivery where id in ("
					+ String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", (rs) -> {
						seen.add(new DeliveryChanged(rs.getLong(1), rs.getString(2)));
					}, chunk.toArray());
		}
		seen.forEach(this.events::publishEvent);
	}

	private List<Claimed> markSending(List<Claimed> rows, DeliveryStatus from) {
		if (rows.isEmpty()) {
			return rows;
		}
		Timestamp now = now();
		int[][] counts = this.jdbcTemplate.batchUpdate(
				"update delivery set status = 'SENDING', attempts = attempts "
						+ "+ 1, updated_at = ? where id = ? and status = '" + from.name() + "'",
				rows, 1000, (ps, row) -> {
					ps.setTimestamp(1, now);
					ps.setLong(2, row.id());
				});
		return moved(rows, counts);
	}

	/** The rows a batched conditional update moved, by its counts. */
	private static <T> List<T> moved(List<T> rows, int[][] counts) {
		List<T> moved = new ArrayList<>(rows.size());
		int i = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				// SUCCESS_NO_INFO (-2) from batched drivers means the row was updated.
				if (count != 0) {
					moved.add(rows.get(i));
				}
				i++;
			}
		}
		return moved;
	}

	public Optional<Delivery> find(long publicationId, String channel, String target) {
		return this.jdbc
			.sql("select " + COLUMNS + " from delivery where publication_id = :pub and channel = :channel "
					+ "and target = :target")
			.param("pub", publicationId)
			.param("channel", channel)
			.param("target", target)
			.query(DeliveryLog::row)
			.optional();
	}

	public Optional<Delivery> get(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from delivery where id = :id")
			.param("id", id)
			.query(DeliveryLog::row)
			.optional();
	}

	/**
	 * A page of rows in id order, filtered; {@code afterId} is the last id of the
	 * previous page.
	 */
	public List<Delivery> query(DeliveryQuery q) {
		return this.jdbc
			.sql("select " + COLUMNS + " from delivery where (cast(:pub as bigint) is null or publication_id = :pub) "
					+ "and (cast(:channel as varchar) is null or channel = :channel) "
					+ "and (cast(:status as varchar) is null or status = :status) "
					+ "and (cast(:target as varchar) is null or target = :target) "
					+ "and id > :after order by id limit :limit")
			.param("pub", q.publicationId())
			.param("channel", q.channel())
			.param("status", (q.status() != null) ? q.status().name() : null)
			.param("target", q.target())
			.param("after", q.afterId())
			.param("limit", q.limit())
			.query(DeliveryLog::row)
			.list();
	}

	/** Counts per channel and status for one publication. */
	public Map<String, Map<DeliveryStatus, Long>> progress(long publicationId) {
		Map<String, Map<DeliveryStatus, Long>> progress = new TreeMap<>();
		this.jdbc
			.sql("select channel, status, count(*) from delivery where publication_id = :pub "
					+ "group by channel, status")
			.param("pub", publicationId)
			.query(rs -> {
				progress.computeIfAbsent(rs.getString(1), c -> new LinkedHashMap<>())
					.put(DeliveryStatus.valueOf(rs.getString(2)), rs.getLong(3));
			});
		return progress;
	}

	/**
	 * {@link #progress(long)} of many publications in one query, for lists; every
	 * publication asked for is in the answer, with no channels if it has no rows yet.
	 */
	public Map<Long, Map<String, Map<DeliveryStatus, Long>>> progress(Collection<Long> publicationIds) {
		Map<Long, Map<String, Map<DeliveryStatus, Long>>> progress = new HashMap<>();
		publicationIds.forEach((id) -> progress.put(id, new TreeMap<>()));
		if (publicationIds.isEmpty()) {
			return progress;
		}
		this.jdbc
			.sql("select publication_id, channel, status, count(*) from delivery where publication_id in (:pubs) "
					+ "group by publication_id, channel, status")
			.param("pubs", List.copyOf(new java.util.LinkedHashSet<>(publicationIds)))
			.query(rs -> {
				progress.computeIfAbsent(rs.getLong(1), (id) -> new TreeMap<>())
					.computeIfAbsent(rs.getString(2), c -> new LinkedHashMap<>())
					.put(DeliveryStatus.valueOf(rs.getString(3)), rs.getLong(4));
			});
		return progress;
	}

	/** Streams the filtered rows as CSV without holding them all in memory. */
	public void exportCsv(DeliveryQuery q, Writer out) {
		try {
			CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.split(", ")).get());
			long after = 0;
			while (true) {
				List<Delivery> page = query(
						new DeliveryQuery(q.publicationId(), q.channel(), q.status(), q.target(), after, 5000));
				for (Delivery d : page) {
					csv.printRecord(d.id(), d.publicationId(), d.channel(), d.target(), d.status(), d.attempts(),
							d.provider(), d.providerReference(), d.providerUrl(), d.errorCode(), d.errorMessage(),
							d.templateVersion(), d.createdAt(), d.updatedAt(), d.sentAt(), d.completedAt());
				}
				if (page.size() < 5000) {
					break;
				}
				after = page.get(page.size() - 1).id();
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void insert(DeliveryOutcome outcome, Timestamp now) {
		boolean isFinal = DeliveryStatus.FINAL.contains(outcome.status());
		this.jdbc.sql("insert into delivery (publication_id, channel, target, status, attempts, provider, "
				+ "provider_reference, provider_url, error_code, error_message, template_version, created_at, "
				+ "updated_at, sent_at, completed_at, provider_status) values (:pub, :channel, :target, :status, "
				+ "coalesce(cast(:attempts as integer), 1), :provider, :ref, :url, :code, :message, :template, :now, :now, :sent, "
				+ ":completed, :providerStatus)")
			.param("attempts", outcome.attempts())
			.param("providerStatus", outcome.providerStatus())
			.param("pub", outcome.publicationId())
			.param("channel", outcome.channel())
			.param("target", outcome.target())
			.param("status", outcome.status().name())
			.param("provider", outcome.provider())
			.param("ref", outcome.providerReference())
			.param("url", outcome.providerUrl())
			.param("code", outcome.errorCode())
			.param("message", truncate(outcome.errorMessage(), 2000))
			.param("template", outcome.templateVersion())
			.param("now", now)
			.param("sent", (outcome.status() == DeliveryStatus.SENT) ? now : null)
			.param("completed", isFinal ? now : null)
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	static String inList(Collection<DeliveryStatus> statuses) {
		if (statuses.isEmpty()) {
			return "''";
		}
		return String.join(", ", statuses.stream().map(s -> "'" + s.name() + "'").toList());
	}

	static String truncate(String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max);
	}

	static Delivery row(ResultSet rs, int n) throws SQLException {
		return new Delivery(rs.getLong("id"), rs.getLong("publication_id"), rs.getString("channel"),
				rs.getString("target"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				rs.getString("provider"), rs.getString("provider_reference"), rs.getString("provider_url"),
				rs.getString("error_code"), rs.getString("error_message"), rs.getString("template_version"),
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "sent_at"),
				instant(rs, "completed_at"), (Integer) rs.getObject("provider_status", Integer.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return (ts != null) ? ts.toInstant() : null;
	}

}
