package vn.loa.channels.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import vn.loa.audience.Recipient;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryLog.NewDelivery;
import vn.loa.deliverylog.DeliveryStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Bulk reads and writes of a broadcast's rows in the delivery log: one statement batch
 * per recipient batch instead of one transaction per message. New rows and interrupted
 * sends go through {@link DeliveryLog}; the claim and record steps, which are the SMS
 * worker's own, are here. Every update names the statuses it may move a row from, as the
 * delivery log's state machine does, so nothing moves a row backwards.
 */
@Repository
class SmsDeliveries {

	static final String CHANNEL = "sms";

	static final String PROVIDER = "twilio";

	static final String OPTED_OUT = "OPTED_OUT";

	/** A row taken for sending. */
	record Claimed(long id, String phone) {

	}

	/** What became of one claimed row. */
	record Result(long id, String phone, String sid, DeliveryStatus status, String errorCode, String errorMessage) {

	}

	private final JdbcTemplate jdbc;

	private final DeliveryLog log;

	private final Clock clock;

	SmsDeliveries(JdbcTemplate jdbc, DeliveryLog log, Clock clock) {
		this.jdbc = jdbc;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * Rows a previous run left in SENDING: that run died between marking them and
	 * recording the answer, so Twilio may or may not have taken them. They are not sent
	 * again (a citizen must never get the same SMS twice); they become TECHNICAL_FAILURE
	 * {@link DeliveryLog#OUTCOME_UNKNOWN} for an officer to judge.
	 */
	int failUnknownOutcomes(long publicationId) {
		return this.log.expireSending(publicationId, CHANNEL,
				"Không rõ kết quả: tiến trình gửi dừng khi đang gọi Twilio; không gửi lại để tránh trùng tin "
						+ "(unknown outcome, not re-sent)");
	}

	/**
	 * Writes the batch's rows: PENDING for reachable recipients, SKIPPED "opted out" for
	 * the others. Rows that exist already (a resumed batch) are left alone.
	 */
	void insertBatch(long publicationId, List<Recipient> recipients, String templateVersion) {
		List<NewDelivery> rows = new ArrayList<>(recipients.size());
		for (Recipient recipient : recipients) {
			rows.add(recipient.optedOut()
					? NewDelivery.skipped(recipient.phone(), OPTED_OUT, "Người nhận đã từ chối nhận tin (opted out)")
					: NewDelivery.pending(recipient.phone()));
		}
		this.log.insertBatch(publicationId, CHANNEL, PROVIDER, templateVersion, rows);
	}

	/**
	 * Takes the batch's PENDING rows for sending (SENDING, one more attempt) and returns
	 * them. Rows in any other status were decided before and are not sent.
	 */
	List<Claimed> claimPending(long publicationId, List<String> phones) {
		if (phones.isEmpty()) {
			return List.of();
		}
		String in = String.join(",", Collections.nCopies(phones.size(), "?"));
		List<Object> args = new ArrayList<>(phones.size() + 2);
		args.add(publicationId);
		args.add(CHANNEL);
		args.addAll(phones);
		List<Claimed> pending = this.jdbc.query(
				"select id, target from delivery where publication_id = ? and channel = ? and status = 'PENDING' "
						+ "and target in (" + in + ") order by id",
				(rs, n) -> new Claimed(rs.getLong(1), rs.getString(2)), args.toArray());
		return markSending(pending, "PENDING");
	}

	/** 429 answers waiting for their retry, oldest first. */
	List<Retry> waitingRetries(long publicationId, int limit) {
		return this.jdbc.query(
				"select id, target, attempts, updated_at from delivery where publication_id = ? and channel = ? "
						+ "and status = 'TEMPORARY_FAILURE' and error_code = ? order by id fetch first ? rows only",
				(rs, n) -> new Retry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant()),
				publicationId, CHANNEL, Integer.toString(TwilioStatusTable.TOO_MANY_REQUESTS), limit);
	}

	record Retry(long id, String phone, int attempts, Instant lastAttemptAt) {

	}

	List<Claimed> claimRetries(List<Retry> due) {
		return markSending(due.stream().map((retry) -> new Claimed(retry.id(), retry.phone())).toList(),
				"TEMPORARY_FAILURE");
	}

	/** 429s that used up their attempts end as TECHNICAL_FAILURE (retries exhausted). */
	void exhaust(List<Retry> retries) {
		Timestamp now = now();
		this.jdbc.batchUpdate(
				"update delivery set status = 'TECHNICAL_FAILURE', error_message = ?, updated_at = ?, "
						+ "completed_at = ? where id = ? and status = 'TEMPORARY_FAILURE'",
				retries.stream()
					.map((retry) -> new Object[] {
							"Twilio 429 (Too Many Requests) sau " + retry.attempts() + " lần gửi: hết lượt thử lại",
							now, now, retry.id() })
					.toList());
	}

	private List<Claimed> markSending(List<Claimed> rows, String from) {
		if (rows.isEmpty()) {
			return rows;
		}
		Timestamp now = now();
		int[][] counts = this.jdbc
			.batchUpdate("update delivery set status = 'SENDING', attempts = attempts + 1, updated_at = ? where id = ? "
					+ "and status = '" + from + "'", rows, 1000, (ps, row) -> {
						ps.setTimestamp(1, now);
						ps.setLong(2, row.id());
					});
		List<Claimed> claimed = new ArrayList<>(rows.size());
		int i = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				// SUCCESS_NO_INFO (-2) from batched drivers means the row was updated.
				if (count != 0) {
					claimed.add(rows.get(i));
				}
				i++;
			}
		}
		return claimed;
	}

	/** Records the answers of one batch: SENT with the SID, or the classified failure. */
	void record(List<Result> results) {
		Timestamp now = now();
		List<Object[]> sent = new ArrayList<>();
		List<Object[]> failed = new ArrayList<>();
		for (Result result : results) {
			if (result.status() == DeliveryStatus.SENT) {
				sent.add(new Object[] { result.sid(), now, now, result.id() });
			}
			else {
				boolean isFinal = DeliveryStatus.FINAL.contains(result.status());
				failed.add(new Object[] { result.status().name(), result.errorCode(), truncate(result.errorMessage()),
						now, isFinal ? now : null, result.id() });
			}
		}
		if (!sent.isEmpty()) {
			this.jdbc.batchUpdate("update delivery set status = 'SENT', provider_reference = ?, sent_at = ?, "
					+ "updated_at = ?, error_code = null, error_message = null where id = ? and status = 'SENDING'",
					sent);
		}
		if (!failed.isEmpty()) {
			this.jdbc.batchUpdate("update delivery set status = ?, error_code = ?, error_message = ?, updated_at = ?, "
					+ "completed_at = ? where id = ? and status = 'SENDING'", failed);
		}
	}

	/** Whether a row carries this message SID. */
	boolean knowsSid(String sid) {
		return !this.jdbc
			.queryForList("select id from delivery where provider = ? and provider_reference = ? fetch first 1 rows "
					+ "only", Long.class, PROVIDER, sid)
			.isEmpty();
	}

	void keepEarlyReceipt(String sid, DeliveryStatus status, String errorCode) {
		this.jdbc.update(
				"insert into sms_early_receipt (message_sid, status, error_code, received_at) " + "values (?, ?, ?, ?)",
				sid, status.name(), errorCode, now());
	}

	/** Receipts kept because they came before their SID was stored, oldest first. */
	List<EarlyReceipt> earlyReceipts(int limit) {
		return this.jdbc.query(
				"select id, message_sid, status, error_code, received_at from sms_early_receipt order by id "
						+ "fetch first ? rows only",
				(rs, n) -> new EarlyReceipt(rs.getLong(1), rs.getString(2), DeliveryStatus.valueOf(rs.getString(3)),
						rs.getString(4), rs.getTimestamp(5).toInstant()),
				limit);
	}

	void deleteEarlyReceipts(List<Long> ids) {
		this.jdbc.batchUpdate("delete from sms_early_receipt where id = ?",
				ids.stream().map((id) -> new Object[] { id }).toList());
	}

	record EarlyReceipt(long id, String sid, DeliveryStatus status, String errorCode, Instant receivedAt) {

	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static String truncate(String message) {
		return (message == null || message.length() <= 2000) ? message : message.substring(0, 2000);
	}

}
