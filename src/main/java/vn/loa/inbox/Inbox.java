package vn.loa.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.channels.ChannelException;
import vn.loa.channels.CitizenReplies;
import vn.loa.common.CitizenMessageReceived;
import vn.loa.common.Problems;

/**
 * Takes citizens' messages in and sends officers' replies out. A message is taken in the
 * publishing channel's own transaction (when it has one), so a message the channel kept
 * is never missing from the inbox; a redelivered one is recognised by its provider id. A
 * reply is logged as SENDING before the channel is called and never sent again by Loa:
 * the provider may have taken it even when the answer got lost.
 */
@Service
class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private final InboxRepository repository;

	private final Map<String, CitizenReplies> replies;

	private final Clock clock;

	Inbox(InboxRepository repository, List<CitizenReplies> replies, Clock clock) {
		this.repository = repository;
		this.replies = replies.stream()
			.collect(Collectors.toMap(CitizenReplies::channel, Function.identity(), (a, b) -> a));
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void on(CitizenMessageReceived message) {
		receive(message);
	}

	/**
	 * @return whether the message was new
	 */
	@Transactional
	boolean receive(CitizenMessageReceived message) {
		Instant now = this.clock.instant();
		Instant written = (message.receivedAt() != null) ? message.receivedAt() : now;
		long conversation = this.repository.conversation(message.channel(), message.conversationKey(), written);
		boolean added = this.repository.addCitizenMessage(conversation, message, now);
		if (added) {
			log.info("Inbox: a {} message {} in conversation {}", message.channel(), message.externalMessageId(),
					conversation);
		}
		return added;
	}

	List<Conversation> list(InboxFilter filter, boolean personalData) {
		List<Conversation> found = this.repository.list(filter, this.clock.instant());
		return personalData ? found : found.stream().map(Conversation::withoutPersonalData).toList();
	}

	Conversation get(long id, boolean personalData) {
		Conversation conversation = this.repository.find(id).orElseThrow(() -> Problems.notFound("Conversation", id));
		return personalData ? conversation : conversation.withoutPersonalData();
	}

	List<InboxRepository.Action> actions(long id) {
		return this.repository.actions(id);
	}

	/** The channels Loa can answer a citizen on. */
	java.util.Set<String> replyChannels() {
		return this.replies.keySet();
	}

	@Transactional
	Conversation assign(long id, String assignee, String actor) {
		String to = (assignee == null || assignee.isBlank()) ? null : assignee.trim();
		if (!this.repository.assign(id, to)) {
			throw Problems.notFound("Conversation", id);
		}
		this.repository.action(id, "ASSIGN", actor, to, this.clock.instant());
		return get(id, true);
	}

	@Transactional
	Conversation close(long id, String actor) {
		return move(id, ConversationState.CLOSED, "CLOSE", actor);
	}

	@Transactional
	Conversation reopen(long id, String actor) {
		return move(id, ConversationState.OPEN, "REOPEN", actor);
	}

	private Conversation move(long id, ConversationState state, String action, String actor) {
		if (!this.repository.state(id, state)) {
			throw Problems.notFound("Conversation", id);
		}
		this.repository.action(id, action, actor, null, this.clock.instant());
		return get(id, true);
	}

	/**
	 * Sends {@code text} to the citizen through the conversation's channel, under the
	 * message {@code messageId} when given, else under the citizen's latest message.
	 * @return the conversation with the reply, SENT or FAILED
	 */
	Reply reply(long id, Long messageId, String text, String actor) {
		if (text == null || text.isBlank()) {
			throw Problems.invalid("text", "must not be empty");
		}
		Conversation conversation = this.repository.find(id).orElseThrow(() -> Problems.notFound("Conversation", id));
		CitizenReplies channel = this.replies.get(conversation.channel());
		if (channel == null) {
			throw Problems.conflict("no-replies",
					"Loa cannot reply on channel " + conversation.channel() + " (no reply is implemented for it)");
		}
		Optional<String> replyTo = this.repository.replyTo(id, messageId);
		if (replyTo.isEmpty()) {
			throw (messageId != null) ? Problems.invalid("messageId", "is not a citizen's message of this conversation")
					: Problems.conflict("nothing-to-reply-to", "The conversation has no message that can be answered");
		}
		Instant now = this.clock.instant();
		long reply = this.repository.addReply(id, conversation.channel(), text.strip(), replyTo.get(), actor, now);
		this.repository.action(id, "REPLY", actor, "message " + reply, now);
		String error;
		try {
			String reference = channel.reply(replyTo.get(), text.strip());
			this.repository.replySent(reply, reference);
			log.info("Inbox: {} replied in conversation {} on {} ({})", actor, id, conversation.channel(), reference);
			return new Reply(get(id, true), null);
		}
		catch (ChannelException ex) {
			error = ((ex.code() != null) ? ex.code() + ": " : "") + ex.getMessage();
		}
		catch (RuntimeException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		this.repository.replyFailed(reply, error);
		log.warn("Inbox: the {} reply of {} in conversation {} failed: {}", conversation.channel(), actor, id, error);
		return new Reply(get(id, true), error);
	}

	/** A reply's outcome: {@code error} is the provider's message when it failed. */
	record Reply(Conversation conversation, String error) {

		HttpStatus status() {
			return (this.error == null) ? HttpStatus.CREATED : HttpStatus.BAD_GATEWAY;
		}

	}

}
