package vn.loa.channels.zalo;

/**
 * No usable OA token: never connected, or Zalo refused the refresh. The channel shows
 * NEEDS_REAUTHORISATION until an admin connects the OA again; nothing is sent or lost.
 */
public class ZaloReauthorisationNeeded extends RuntimeException {

	public ZaloReauthorisationNeeded(String message) {
		super(message);
	}

}
