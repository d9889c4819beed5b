package vn.loa.channels;

/**
 * A channel that can send one test message outside any publication, for an admin to see
 * the channel work end to end: in sandbox mode to a sandbox number, whose page shows what
 * arrived; live, to a number the admin gives (their own). It writes no delivery row.
 */
public interface ChannelTestSend {

	String channel();

	/** Whether the channel is in sandbox mode, so any number is a sandbox number. */
	boolean sandbox();

	/**
	 * A number to offer in sandbox mode: the same for every channel's simulator, so an
	 * admin's tests land on one number's sandbox pages.
	 */
	default String sandboxNumber() {
		return "+84900000001";
	}

	/** The sandbox page where a test to {@code number} shows, or null. */
	default String sandboxPage(String number) {
		return null;
	}

	/**
	 * Sends {@code text} to {@code to}.
	 * @return the provider's reference
	 * @throws ChannelException when the provider refused it
	 */
	String send(String to, String text);

}
