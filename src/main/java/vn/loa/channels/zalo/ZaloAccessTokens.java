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

}
