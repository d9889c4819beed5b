package vn.loa.channels.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import vn.loa.deliverylog.DeliveryStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Status callbacks that came before the batch stored their message SID
 * ({@code sms_early_receipt}): Twilio can call back within milliseconds of its answer.
 * They are applied through the delivery log once the SID is there.
 */
@Repository
class SmsEarlyReceipts {

	record EarlyReceipt(long id, String sid, DeliveryStatus status, String errorCode, Instant receivedAt) {

	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	SmsEarlyReceipts(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void keep(String sid, DeliveryStatus status, String errorCode) {
		this.jdbc.update(
				"insert into sms_early_receipt (message_sid, status, error_code, received_at) values (?, ?, ?, ?)", sid,
				status.name(), errorCode, Timestamp.from(this.clock.instant()));
	}

	/** Receipts kept because they came before their SID was stored, oldest first. */
	List<EarlyReceipt> oldest(int limit) {
		return this.jdbc.query(
				"select id, message_sid, status, error_code, received_at from sms_early_receipt order by id "
						+ "fetch first ? rows only",
				(rs, n) -> new EarlyReceipt(rs.getLong(1), rs.getString(2), DeliveryStatus.valueOf(rs.getString(3)),
						rs.getString(4), rs.getTimestamp(5).toInstant()),
				limit);
	}

	void delete(List<Long> ids) {
		this.jdbc.batchUpdate("delete from sms_early_receipt where id = ?",
				ids.stream().map((id) -> new Object[] { id }).toList());
	}

}
