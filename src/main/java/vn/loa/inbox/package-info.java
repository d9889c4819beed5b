/**
 * Inbox: what citizens write in through any channel (Zalo messages, SMS that are not
 * keywords, comments under Facebook posts), taken from
 * {@link vn.loa.common.CitizenMessageReceived} events once per provider message, as one
 * conversation per citizen and channel, linked to the content item it answers when known.
 * Officers list, assign, reply and close conversations ({@code /api/v1/inbox},
 * {@code /console/inbox}); replies go out through the channel's
 * {@link vn.loa.channels.CitizenReplies} and are logged with who sent them and what the
 * provider answered. Citizens' names, numbers and words are shown to editors and
 * approvers only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox")
package vn.loa.inbox;
