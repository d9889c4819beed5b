package vn.loa.channels.zalo;

/**
 * The OA access token every Zalo call carries (OA messages, articles, followers and ZNS
 * alike). The implementation keeps the encrypted access/refresh pair and refreshes it
 * ahead of expiry on one node at a time.
 */
public interface ZaloAccessTokens {

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

}
