package vn.loa.rendering;

/**
 * How an SMS body travels over the air: the GSM 03.38 default alphabet (7-bit septets) or
 * UCS-2 (16-bit units). One character outside GSM-7 makes the whole message UCS-2.
 */
public enum SmsEncoding {

	GSM_7(160, 153), UCS_2(70, 67);

	private final int singlePartCapacity;

	private final int multiPartCapacity;

	SmsEncoding(int singlePartCapacity, int multiPartCapacity) {
		this.singlePartCapacity = singlePartCapacity;
		this.multiPartCapacity = multiPartCapacity;
	}

	/** Units (septets or UTF-16 units) that fit in a message sent as one part. */
	public int singlePartCapacity() {
		return this.singlePartCapacity;
	}

	/**
	 * Units per part once a message is split: the user data header of a concatenated SMS
	 * takes the rest.
	 */
	public int multiPartCapacity() {
		return this.multiPartCapacity;
	}

}
