package vn.loa.deliverylog;

import java.util.EnumSet;
import java.util.Set;

/**
 * The delivery state machine. A status may only be followed by a later one, so a late or
 * repeated provider receipt never moves a row backwards.
 */
public enum DeliveryStatus {

	PENDING(0), SENDING(1), SENT(2), PULLED(3), DELIVERED(4), AIRED(5), TEMPORARY_FAILURE(4), PERMANENT_FAILURE(6),
	TECHNICAL_FAILURE(6), SKIPPED(6);

	private final int rank;

	DeliveryStatus(int rank) {
		this.rank = rank;
	}

	public static final Set<DeliveryStatus> FINAL = EnumSet.of(DELIVERED, AIRED, PERMANENT_FAILURE, TECHNICAL_FAILURE,
			SKIPPED);

	public static final Set<DeliveryStatus> FAILURES = EnumSet.of(TEMPORARY_FAILURE, PERMANENT_FAILURE,
			TECHNICAL_FAILURE);

	/** Whether a row in this status may move to {@code next}. */
	public boolean canMoveTo(DeliveryStatus next) {
		if (this == next) {
			return false;
		}
		if (this == AIRED) {
			return false;
		}
		if (this == DELIVERED) {
			// a station that pulled a script may still report it aired
			return next == AIRED;
		}
		if (this == PULLED) {
			return next == AIRED;
		}
		if (FINAL.contains(this)) {
			return false;
		}
		if (this == TEMPORARY_FAILURE) {
			// a temporary failure may still turn into a delivery or a final failure
			return next == DELIVERED || next == PERMANENT_FAILURE || next == TECHNICAL_FAILURE || next == SENDING;
		}
		return next.rank > this.rank;
	}

	/** The statuses a row may be in for a move to {@code next} to apply. */
	public static Set<DeliveryStatus> predecessorsOf(DeliveryStatus next) {
		Set<DeliveryStatus> result = EnumSet.noneOf(DeliveryStatus.class);
		for (DeliveryStatus s : values()) {
			if (s.canMoveTo(next)) {
				result.add(s);
			}
		}
		return result;
	}

}
