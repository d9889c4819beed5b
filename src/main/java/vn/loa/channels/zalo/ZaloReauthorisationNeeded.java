package vn.loa.channels.zalo;

/**
 * No usable OA token: never connected, or Zalo refused the refresh. The channel shows
 * NEEDS_REAUTHORISATION until an admin connects the OA again; nothing is sent or lost.
 */
public class ZaloReauthorisationNeeded extends RuntimeException {

	/** The store's generation is not known where the token was refused. */
	public static final long UNKNOWN = Long.MIN_VALUE;

	private final long generation;

	public ZaloReauthorisationNeeded(String message) {
		this(message, UNKNOWN);
	}

	/**
	 * @param generation the token store's {@link ZaloAccessTokens#generation()
	 * generation} of the pair found unusable
	 */
	public ZaloReauthorisationNeeded(String message, long generation) {
		super(message);
		this.generation = generation;
	}

	/**
	 * The store's generation of the pair found unusable, or {@link #UNKNOWN}: a wait for
	 * a new pair ends once the store's generation has moved past it.
	 */
	public long generation() {
		return this.generation;
	}

}
