package vn.loa.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.loa.common.CitizenMessageReceived;

/**
 * The inbox's tables: conversations, their messages both ways, and the officers' actions.
 */
@Repository
class InboxRepository {

	private static final String CONVERSATION = "id, channel, conversation_key, sender_name, content_id, state,"
			+ " assignee, created_at, last_message_at, last_citizen_at";

	private static final String MESSAGE = "id, conversation_id, direction, external_id, text, reply_to, author,"
			+ " status, error, written_at";

	private final JdbcClient jdbc;

	InboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The conversation of this citizen on this channel, made now if it is the first. */
	long conversation(String channel, String key, Instant now) {
		// ON CONFLICT, not a caught duplicate key: a failed statement would abort the
		// caller's transaction on PostgreSQL.
		this.jdbc
			.sql("insert into inbox_conversation (channel, conversation_key, state, created_at, last_message_at,"
					+ " last_citizen_at) values (?, ?, 'OPEN', ?, ?, ?) on conflict do nothing")
			.params(channel, key, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
			.update();
		return this.jdbc.sql("select id from inbox_conversation where channel = ? and conversation_key = ?")
			.params(channel, key)
			.query(Long.class)
			.single();
	}

	/**
	 * Stores a citizen's message once per channel and provider id.
	 * @return whether it was new
	 */
	boolean addCitizenMessage(long conversationId, CitizenMessageReceived message, Instant now) {
		Instant written = (message.receivedAt() != null) ? message.receivedAt() : now;
		int inserted = this.jdbc
			.sql("insert into inbox_message (conversation_id, direction, channel, external_id, text, reply_to, status,"
					+ " written_at, recorded_at) values (?, 'IN', ?, ?, ?, ?, 'RECEIVED', ?, ?) on conflict do nothing")
			.params(conversationId, message.channel(), message.externalMessageId(),
					(message.text() != null) ? message.text() : "", message.replyTo(), Timestamp.from(written),
					Timestamp.from(now))
			.update();
		if (inserted == 0) {
			return false;
		}
		// A citizen writing again reopens the conversation; the latest name and content
		// item win only where the provider gave them.
		this.jdbc
			.sql("update inbox_conversation set state = 'OPEN', sender_name = coalesce(?, sender_name),"
					+ " content_id = coalesce(?, content_id),"
					+ " last_message_at = case when last_message_at < ? then ? else last_message_at end,"
					+ " last_citizen_at = case when last_citizen_at < ? then ? else last_citizen_at end where id = ?")
			.params(message.senderName(), message.contentItemId(), Timestamp.from(written), Timestamp.from(written),
					Timestamp.from(written), Timestamp.from(written), conversationId)
			.update();
		return true;
	}

	long addReply(long conversationId, String channel, String text, String replyTo, String author, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into inbox_message (conversation_id, direction, channel, text, reply_to, author, status,"
					+ " written_at, recorded_at) values (?, 'OUT', ?, ?, ?, ?, 'SENDING', ?, ?)")
			.params(conversationId, channel, text, replyTo, author, Timestamp.from(now), Timestamp.from(now))
			.update(key, "id");
		this.jdbc.sql("update inbox_conversation set last_message_at = ? where id = ?")
			.params(Timestamp.from(now), conversationId)
			.update();
		return key.getKey().longValue();
	}

	void replySent(long messageId, String reference) {
		this.jdbc.sql("update inbox_message set status = 'SENT', external_id = ? where id = ?")
			.params(reference, messageId)
			.update();
	}

	void replyFailed(long messageId, String error) {
		this.jdbc.sql("update inbox_message set status = 'FAILED', error = ? where id = ?")
			.params(error, messageId)
			.update();
	}

	boolean assign(long id, String assignee) {
		return this.jdbc.sql("update inbox_conversation set assignee = ? where id = ?")
			.params(assignee, id)
			.update() > 0;
	}

	boolean state(long id, ConversationState state) {
		return this.jdbc.sql("update inbox_conversation set state = ? where id = ?")
			.params(state.name(), id)
			.update() > 0;
	}

	void action(long conversationId, String action, String actor, String detail, Instant now) {
		this.jdbc.sql(
				"insert into inbox_action (conversation_id, action, actor, detail, occurred_at) values (?, ?, ?, ?, ?)")
			.params(conversationId, action, actor, detail, Timestamp.from(now))
			.update();
	}

	List<Action> actions(long conversationId) {
		return this.jdbc
			.sql("select action, actor, detail, occurred_at from inbox_action where conversation_id = ? order by id")
			.param(conversationId)
			.query((rs, n) -> new Action(rs.getString("action"), rs.getString("actor"), rs.getString("detail"),
					rs.getTimestamp("occurred_at").toInstant()))
			.list();
	}

	record Action(String action, String actor, String detail, Instant at) {
	}

	Optional<Conversation> find(long id) {
		return this.jdbc.sql("select " + CONVERSATION + " from inbox_conversation where id = ?")
			.param(id)
			.query(InboxRepository::conversation)
			.optional()
			.map((c) -> c.withMessages(messages(List.of(c.id())).getOrDefault(c.id(), List.of())));
	}

	/** The reply address of a citizen's message of this conversation. */
	Optional<String> replyTo(long conversationId, Long messageId) {
		return this.jdbc
			.sql("select reply_to from inbox_message where conversation_id = ? and direction = 'IN'"
					+ " and reply_to is not null and (cast(? as bigint) is null or id = ?) order by id desc limit 1")
			.params(conversationId, messageId, messageId)
			.query(String.class)
			.optional();
	}

	List<Conversation> list(InboxFilter filter, Instant now) {
		Timestamp olderThan = (filter.olderThan() != null) ? Timestamp.from(now.minus(filter.olderThan())) : null;
		Timestamp newerThan = (filter.newerThan() != null) ? Timestamp.from(now.minus(filter.newerThan())) : null;
		List<Conversation> conversations = this.jdbc
			.sql("select " + CONVERSATION + " from inbox_conversation where (cast(:channel as varchar) is null"
					+ " or channel = :channel) and (cast(:state as varchar) is null or state = :state)"
					+ " and (cast(:older as timestamp with time zone) is null or last_citizen_at <= :older)"
					+ " and (cast(:newer as timestamp with time zone) is null or last_citizen_at > :newer)"
					+ " order by last_citizen_at desc, id desc limit :limit")
			.param("channel", filter.channel())
			.param("state", (filter.state() != null) ? filter.state().name() : null)
			.param("older", olderThan)
			.param("newer", newerThan)
			.param("limit", filter.limit())
			.query(InboxRepository::conversation)
			.list();
		Map<Long, List<Conversation.Message>> messages = messages(
				conversations.stream().map(Conversation::id).toList());
		return conversations.stream().map((c) -> c.withMessages(messages.getOrDefault(c.id(), List.of()))).toList();
	}

	private Map<Long, List<Conversation.Message>> messages(List<Long> conversationIds) {
		Map<Long, List<Conversation.Message>> byConversation = new LinkedHashMap<>();
		if (conversationIds.isEmpty()) {
			return byConversation;
		}
		this.jdbc.sql("select " + MESSAGE + " from inbox_message where conversation_id in (:ids) order by id")
			.param("ids", conversationIds)
			.query((ResultSet rs) -> {
				byConversation.computeIfAbsent(rs.getLong("conversation_id"), (k) -> new ArrayList<>())
					.add(new Conversation.Message(rs.getLong("id"), rs.getString("direction"),
							rs.getString("external_id"), rs.getString("text"), rs.getString("author"),
							rs.getString("status"), rs.getString("error"), rs.getTimestamp("written_at").toInstant()));
			});
		return byConversation;
	}

	private static Conversation conversation(ResultSet rs, int row) throws SQLException {
		long content = rs.getLong("content_id");
		Long contentId = rs.wasNull() ? null : content;
		return new Conversation(rs.getLong("id"), rs.getString("channel"), rs.getString("conversation_key"),
				rs.getString("sender_name"), contentId, ConversationState.valueOf(rs.getString("state")),
				rs.getString("assignee"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("last_message_at").toInstant(), rs.getTimestamp("last_citizen_at").toInstant(),
				List.of());
	}

}
