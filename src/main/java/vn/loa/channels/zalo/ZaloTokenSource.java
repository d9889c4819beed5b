package vn.loa.channels.zalo;

/**
 * What the OA client needs of the token store: a token, and a way to say Zalo refused it
 * early (-201) so the next use refreshes it.
 */
interface ZaloTokenSource extends ZaloAccessTokens {

	void refused(String accessToken);

}
