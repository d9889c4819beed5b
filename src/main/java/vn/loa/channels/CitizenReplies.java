package vn.loa.channels;

/**
 * A channel that can answer a citizen who wrote in (a Zalo consultation message, an SMS,
 * a reply under a Facebook comment). The inbox finds the one whose {@link #channel()}
 * matches the conversation and hands it the {@code replyTo} the channel gave with the
 * message.
 */
public interface CitizenReplies {

	/** The channel id, as in {@code CitizenMessageReceived.channel()}. */
	String channel();

	/**
	 * Sends the reply once; never retried here, since the provider may have accepted it.
	 * @return the provider's reference of the reply
	 * @throws ChannelException with the provider's own message when it refused
	 */
	String reply(String replyTo, String text);

}
