package vn.loa.channels.sms;

/**
 * Delivery statuses an SMS row goes through. The rank orders them so that late, repeated
 * or out-of-order callbacks never move a row backwards: a row only moves to a higher
 * rank, and the final statuses share the top rank so the first one wins.
 */
enum SmsStatus {

	PENDING(0), SENDING(1), SENT(2), DELIVERED(3), TEMPORARY_FAILURE(3), PERMANENT_FAILURE(3), TECHNICAL_FAILURE(3);

	private final int rank;

	SmsStatus(int rank) {
		this.rank = rank;
	}

	int rank() {
		return this.rank;
	}

	boolean isFinal() {
		return this.rank == 3;
	}

}
