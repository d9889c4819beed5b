package vn.loa.channels.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.loa.deliverylog.DeliveryStatus;

/**
 * What the channel told each endpoint about a content item: the deliveries an endpoint
 * accepted ({@value WebhookPayload#PUBLISHED}), so that a withdrawn item's endpoints can
 * be found again, and the withdrawal notice ({@value WebhookPayload#WITHDRAWN}) each of
 * them was sent, with its outcome.
 */
@Repository
class WebhookEvents {

	private static final String COLUMNS = "id, content_id, endpoint, event, delivery_id, publication_id,"
			+ " content_version, status, attempts, http_status, reference, error_code, error_message, created_at,"
			+ " sent_at, passes, next_attempt_at, given_up_at, may_have_arrived";

	private final JdbcClient jdbc;

	WebhookEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One event told to one endpoint.
	 *
	 * @param publicationId the publication a delivery belonged to; null for a withdrawal
	 * @param status {@code SENDING} while it is being sent, then {@code SENT},
	 * {@code PERMANENT_FAILURE} or {@code TECHNICAL_FAILURE}
	 * @param httpStatus what the receiver answered; null when it did not answer
	 * @param reference the receiver's id for it, or the delivery id
	 * @param errorCode {@code HTTP_<status>} or {@code NO_ANSWER} when it failed
	 * @param errorMessage an excerpt of the receiver's answer, or why there was none
	 * @param sentAt when the endpoint accepted it
	 * @param passes for a withdrawal notice, how many passes sent it (each pass makes up
	 * to the endpoint's retry attempts, counted in {@code attempts})
	 * @param nextAttemptAt when the withdrawal sweep sends the notice again
	 * @param givenUpAt when Loa stopped sending the notice: its passes used up, or it may
	 * have arrived at an endpoint that does not drop duplicates
	 * @param mayHaveArrived the last failure came after the request went out (a 5xx or no
	 * answer)
	 */
	record Event(long id, long contentId, String endpoint, String event, String deliveryId, Long publicationId,
			Integer contentVersion, String status, int attempts, Integer httpStatus, String reference, String errorCode,
			String errorMessage, Instant createdAt, Instant sentAt, int passes, Instant nextAttemptAt,
			Instant givenUpAt, boolean mayHaveArrived) {
	}

	/** What a withdrawn item's notices say, kept when the withdrawal was handled. */
	record Withdrawn(long contentId, Instant withdrawnAt, String reason) {
	}

	/** A notice owed to an endpoint; {@code event} is null when none was sent yet. */
	record Owed(Withdrawn withdrawn, String endpoint, Event event) {
	}

	/** Keeps that the item is withdrawn, so its notices stay owed; idempotent. */
	void withdrawn(long contentId, Instant withdrawnAt, String reason, Instant now) {
		// ON CONFLICT, not a caught duplicate key: this runs in the withdrawing
		// transaction, which a failed statement would abort on PostgreSQL.
		this.jdbc
			.sql("insert into webhook_withdrawn (content_id, withdrawn_at, reason, marked_at) values (?, ?, ?, ?)"
					+ " on conflict do nothing")
			.params(contentId, Timestamp.from(withdrawnAt), reason, Timestamp.from(now))
			.update();
	}

	Optional<Withdrawn> withdrawn(long contentId) {
		return this.jdbc.sql("select content_id, withdrawn_at, reason from webhook_withdrawn where content_id = ?")
			.param(contentId)
			.query((rs, n) -> new Withdrawn(rs.getLong("content_id"), rs.getTimestamp("withdrawn_at").toInstant(),
					rs.getString("reason")))
			.optional();
	}

	/**
	 * Withdrawal notices of withdrawn items that failed and are due again, not given up,
	 * oldest first.
	 */
	List<Owed> failedNotices(Instant now, int limit) {
		return this.jdbc
			.sql("select " + prefixed("e") + ", w.withdrawn_at, w.reason from webhook_event e"
					+ " join webhook_withdrawn w on w.content_id = e.content_id where e.event = ?"
					+ " and e.status in (?, ?) and e.given_up_at is null"
					+ " and (e.next_attempt_at is null or e.next_attempt_at <= ?) order by e.id limit ?")
			.params(WebhookPayload.WITHDRAWN, DeliveryStatus.PERMANENT_FAILURE.name(),
					DeliveryStatus.TECHNICAL_FAILURE.name(), Timestamp.from(now), limit)
			.query((rs, n) -> {
				Event event = event(rs, n);
				return new Owed(new Withdrawn(event.contentId(), rs.getTimestamp("withdrawn_at").toInstant(),
						rs.getString("reason")), event.endpoint(), event);
			})
			.list();
	}

	/**
	 * Endpoints that accepted a withdrawn item and were never sent its notice (they got
	 * it after the withdrawal was handled); only what is older than
	 * {@code settledBefore}, so that a withdrawal being handled right now is left to
	 * finish.
	 */
	List<Owed> untold(Instant settledBefore, int limit) {
		return this.jdbc
			.sql("select p.content_id, p.endpoint, w.withdrawn_at, w.reason from webhook_event p"
					+ " join webhook_withdrawn w on w.content_id = p.content_id where p.event = ? and p.status = ?"
					+ " and p.created_at <= ? and w.marked_at <= ? and not exists (select 1 from webhook_event x"
					+ " where x.content_id = p.content_id and x.endpoint = p.endpoint and x.event = ?)"
					+ " group by p.content_id, p.endpoint, w.withdrawn_at, w.reason order by min(p.id) limit ?")
			.params(WebhookPayload.PUBLISHED, DeliveryStatus.SENT.name(), Timestamp.from(settledBefore),
					Timestamp.from(settledBefore), WebhookPayload.WITHDRAWN, limit)
			.query((rs,
					n) -> new Owed(new Withdrawn(rs.getLong("content_id"), rs.getTimestamp("withdrawn_at").toInstant(),
							rs.getString("reason")), rs.getString("endpoint"), null))
			.list();
	}

	/** The endpoint's withdrawal notice of the item, if one was sent. */
	Optional<Event> withdrawal(long contentId, String endpoint) {
		return this.jdbc
			.sql("select " + COLUMNS + " from webhook_event where content_id = ? and endpoint = ? and event = ?"
					+ " order by id limit 1")
			.params(contentId, endpoint, WebhookPayload.WITHDRAWN)
			.query(WebhookEvents::event)
			.optional();
	}

	/**
	 * Counts a pass of a withdrawal notice.
	 * @param nextAt when to send it again, or null
	 * @param givenUpAt when Loa gave up on it, or null
	 */
	void passed(long id, Instant nextAt, Instant givenUpAt) {
		this.jdbc.sql("update webhook_event set passes = passes + 1, next_attempt_at = ?, given_up_at = ? where id = ?")
			.params((nextAt != null) ? Timestamp.from(nextAt) : null,
					(givenUpAt != null) ? Timestamp.from(givenUpAt) : null, id)
			.update();
	}

	/** Gives up a notice without another pass. */
	void givenUp(long id, Instant now) {
		this.jdbc.sql("update webhook_event set next_attempt_at = null, given_up_at = ? where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	private static String prefixed(String alias) {
		return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
	}

	/** An endpoint accepted a delivery of the item. */
	void delivered(long contentId, int contentVersion, long publicationId, String endpoint, String deliveryId,
			WebhookSender.Sent sent, Instant now) {
		WebhookResult.Accepted accepted = (WebhookResult.Accepted) sent.result();
		String reference = (accepted.remoteId() != null) ? accepted.remoteId() : deliveryId;
		this.jdbc
			.sql("insert into webhook_event (content_id, endpoint, event, delivery_id, publication_id, content_version,"
					+ " status, attempts, http_status, reference, created_at, sent_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(contentId, endpoint, WebhookPayload.PUBLISHED, deliveryId, publicationId, contentVersion,
					DeliveryStatus.SENT.name(), sent.attempts(), accepted.httpStatus(), reference, Timestamp.from(now),
					Timestamp.from(now))
			.update();
	}

	/** Everything the item's endpoints were told, oldest first. */
	List<Event> ofContent(long contentId) {
		return this.jdbc.sql("select " + COLUMNS + " from webhook_event where content_id = ? order by id")
			.param(contentId)
			.query(WebhookEvents::event)
			.list();
	}

	/**
	 * The endpoints that accepted a delivery of the item and have not accepted its
	 * withdrawal yet, in the order they first got it.
	 */
	List<String> toTellWithdrawn(long contentId) {
		return this.jdbc
			.sql("select p.endpoint from webhook_event p where p.content_id = ? and p.event = ? and p.status = ?"
					+ " and not exists (select 1 from webhook_event w where w.content_id = p.content_id"
					+ " and w.endpoint = p.endpoint and w.event = ? and w.status = ?)"
					+ " group by p.endpoint order by min(p.id)")
			.params(contentId, WebhookPayload.PUBLISHED, DeliveryStatus.SENT.name(), WebhookPayload.WITHDRAWN,
					DeliveryStatus.SENT.name())
			.query(String.class)
			.list();
	}

	/**
	 * The endpoint's withdrawal row for the item, now {@code SENDING}: the one an earlier
	 * attempt left, or a new one.
	 * @return its id
	 */
	long withdrawing(long contentId, String endpoint, String deliveryId, Instant now) {
		Optional<Long> earlier = this.jdbc
			.sql("select min(id) from webhook_event where content_id = ? and endpoint = ? and event = ?")
			.params(contentId, endpoint, WebhookPayload.WITHDRAWN)
			.query(Long.class)
			.optional();
		if (earlier.isPresent()) {
			this.jdbc.sql("update webhook_event set status = ?, sending_since = ? where id = ?")
				.params(DeliveryStatus.SENDING.name(), Timestamp.from(now), earlier.get())
				.update();
			return earlier.get();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into webhook_event (content_id, endpoint, event, delivery_id, status, attempts, created_at,"
					+ " sending_since) values (?, ?, ?, ?, ?, 0, ?, ?)")
			.params(contentId, endpoint, WebhookPayload.WITHDRAWN, deliveryId, DeliveryStatus.SENDING.name(),
					Timestamp.from(now), Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/**
	 * Withdrawal notices a node left SENDING (it died while telling the endpoint): they
	 * may have arrived, so they become TECHNICAL_FAILURE "may have arrived", and the
	 * sweep's rule decides — sent again only to an endpoint that drops duplicates.
	 * @return how many
	 */
	int abandonedNotices(Instant sendingBefore) {
		return this.jdbc
			.sql("update webhook_event set status = ?, error_code = 'OUTCOME_UNKNOWN', error_message = ?,"
					+ " may_have_arrived = true, next_attempt_at = ? where event = ? and status = ?"
					+ " and coalesce(sending_since, created_at) < ?")
			.params(DeliveryStatus.TECHNICAL_FAILURE.name(),
					"Sending was interrupted (the node stopped); the endpoint may have got the notice",
					Timestamp.from(sendingBefore), WebhookPayload.WITHDRAWN, DeliveryStatus.SENDING.name(),
					Timestamp.from(sendingBefore))
			.update();
	}

	/**
	 * Keeps what sending an event achieved, mapped like the channel maps deliveries.
	 * @return the status it is now in
	 */
	DeliveryStatus sent(long id, String deliveryId, WebhookSender.Sent sent, Instant now) {
		WebhookResult result = sent.result();
		if (result instanceof WebhookResult.Accepted accepted) {
			String reference = (accepted.remoteId() != null) ? accepted.remoteId() : deliveryId;
			this.jdbc
				.sql("update webhook_event set status = ?, attempts = attempts + ?, http_status = ?, reference = ?,"
						+ " error_code = null, error_message = null, sent_at = ?, may_have_arrived = false where id = ?")
				.params(DeliveryStatus.SENT.name(), sent.attempts(), accepted.httpStatus(), reference,
						Timestamp.from(now), id)
				.update();
			return DeliveryStatus.SENT;
		}
		DeliveryStatus status;
		int httpStatus;
		String message;
		if (result instanceof WebhookResult.Rejected rejected) {
			status = DeliveryStatus.PERMANENT_FAILURE;
			httpStatus = rejected.httpStatus();
			message = rejected.bodyExcerpt();
		}
		else {
			WebhookResult.Failed failed = (WebhookResult.Failed) result;
			status = DeliveryStatus.TECHNICAL_FAILURE;
			httpStatus = failed.httpStatus();
			message = failed.message() + ((sent.attempts() > 1) ? " (after " + sent.attempts() + " attempts)" : "");
		}
		this.jdbc
			.sql("update webhook_event set status = ?, attempts = attempts + ?, http_status = ?, error_code = ?,"
					+ " error_message = ?, may_have_arrived = ? where id = ?")
			.params(status.name(), sent.attempts(), (httpStatus > 0) ? httpStatus : null,
					WebhookHandler.code(httpStatus), message, sent.mayHaveArrived(), id)
			.update();
		return status;
	}

	private static Event event(ResultSet rs, int row) throws SQLException {
		return new Event(rs.getLong("id"), rs.getLong("content_id"), rs.getString("endpoint"), rs.getString("event"),
				rs.getString("delivery_id"), rs.getObject("publication_id", Long.class),
				rs.getObject("content_version", Integer.class), rs.getString("status"), rs.getInt("attempts"),
				rs.getObject("http_status", Integer.class), rs.getString("reference"), rs.getString("error_code"),
				rs.getString("error_message"), rs.getTimestamp("created_at").toInstant(), instant(rs, "sent_at"),
				rs.getInt("passes"), instant(rs, "next_attempt_at"), instant(rs, "given_up_at"),
				rs.getBoolean("may_have_arrived"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
