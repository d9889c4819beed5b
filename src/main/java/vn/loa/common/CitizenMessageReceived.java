package vn.loa.common;

import java.time.Instant;

/**
 * A citizen wrote to the province through a channel: a Zalo message to the OA, an SMS
 * that is not a keyword, a comment under a Facebook post. Channels publish it as an
 * application event after storing what they received; the inbox module turns it into a
 * conversation. Handling must be idempotent per {@code (channel, externalMessageId)}:
 * providers redeliver.
 *
 * @param channel the channel that received it ({@code zalo}, {@code sms},
 * {@code facebook})
 * @param externalMessageId the provider's id of the message (Zalo msg_id, Twilio
 * MessageSid, Facebook comment id)
 * @param conversationKey who the conversation is with on that channel (Zalo user id,
 * phone in E.164, Facebook {@code pageId:postId:authorId})
 * @param senderName the display name when the provider gives one, else {@code null}
 * @param text what was written
 * @param contentItemId the content item the message answers when known, else {@code null}
 * @param replyTo what a reply needs to reach the citizen on that channel (a Zalo user id,
 * a phone, a Facebook comment id)
 * @param receivedAt when the provider says it was written
 */
public record CitizenMessageReceived(String channel, String externalMessageId, String conversationKey,
		String senderName, String text, Long contentItemId, String replyTo, Instant receivedAt) {

}
