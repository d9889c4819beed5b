package vn.loa.channels.zalo;

/**
 * The OA access token every Zalo call carries (OA messages, articles, followers and ZNS
 * alike). The implementation keeps the encrypted access/refresh pair and refreshes it
 * ahead of expiry on one node at a time.
 */
public interface ZaloAccessTokens {

	/** The health detail of the Zalo channels while no OA has been connected. */
	String NOT_CONNECTED = "NOT_CONNECTED: no Zalo OA connected yet; an admin connects it in the console";

	/**
	 * @return a valid access token
	 * @throws ZaloReauthorisationNeeded when no token is connected or the refresh was
	 * refused; callers leave their work waiting rather than failing it
	 */
	String accessToken();

	/**
	 * A number that changes whenever the stored pair does, whichever node changed it (an
	 * admin connected the OA, a refresh stored a new pair, a refused refresh), read from
	 * the shared store. Work waiting for a usable token ({@link ZaloTokenWait}) looks
	 * again once it has moved on.
	 * @return the generation; always 0 for a store that never changes
	 */
	default long generation() {
		return 0;
	}

	/**
	 * @return whether an OA was ever connected; false until an admin connects one, so the
	 * console can say so before anything waits
	 */
	default boolean connected() {
		return true;
	}

}
