package vn.loa.inbox;

import java.time.Instant;
import java.util.List;

/**
 * One citizen on one channel, with the messages both ways, oldest first. Without the
 * right to see personal data, {@code citizen}, {@code senderName} and the messages'
 * {@code text} are null.
 *
 * @param citizen who the conversation is with on its channel (Zalo user id, phone,
 * {@code pageId:postId:authorId} on Facebook)
 * @param contentItemId the content item the citizen answered, when known
 * @param waitingSince when the citizen last wrote
 */
record Conversation(long id, String channel, String citizen, String senderName, Long contentItemId,
		ConversationState state, String assignee, Instant createdAt, Instant lastMessageAt, Instant waitingSince,
		List<Message> messages) {

	Conversation withMessages(List<Message> messages) {
		return new Conversation(this.id, this.channel, this.citizen, this.senderName, this.contentItemId, this.state,
				this.assignee, this.createdAt, this.lastMessageAt, this.waitingSince, messages);
	}

	Conversation withoutPersonalData() {
		return new Conversation(this.id, this.channel, null, null, this.contentItemId, this.state, this.assignee,
				this.createdAt, this.lastMessageAt, this.waitingSince,
				this.messages.stream().map(Message::withoutText).toList());
	}

	/**
	 * A citizen's message ({@code IN}, status RECEIVED) or an officer's reply
	 * ({@code OUT}: SENDING, SENT or FAILED).
	 *
	 * @param externalId the provider's id of the message or of the reply
	 * @param author the officer who replied
	 * @param error the provider's own code and message when a reply failed
	 */
	record Message(long id, String direction, String externalId, String text, String author, String status,
			String error, Instant writtenAt) {

		Message withoutText() {
			// A provider's id of a citizen's message can lead back to the citizen.
			return new Message(this.id, this.direction, "IN".equals(this.direction) ? null : this.externalId, null,
					this.author, this.status, this.error, this.writtenAt);
		}

	}

}
