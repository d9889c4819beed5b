package vn.loa.channels.facebook;

import java.util.Set;

import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookNetworkException;

import vn.loa.deliverylog.DeliveryStatus;

/**
 * The one place where Graph's answers become Loa delivery statuses, and where it is
 * decided what may be tried again. Loa retries only what cannot have created a post, so a
 * Page never shows the same post twice.
 */
final class FacebookStatusTable {

	/** Invalid or expired token (subcodes 458–467 say why): the Page needs an admin. */
	static final int TOKEN = 190;

	/**
	 * Application (4), user (17), API-version (32), custom (613) and Page (80001) rate
	 * limits: Graph refused the call without acting on it, so the same call later is
	 * safe.
	 */
	static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613, 80001);

	/**
	 * Unknown (1) and "service temporarily unavailable" (2): Graph says the call failed
	 * and may succeed later. Should a post have been created all the same, the repeat is
	 * refused as a duplicate (506) and the existing post is looked up instead.
	 */
	static final Set<Integer> TRANSIENT = Set.of(1, 2);

	/** The same message was posted to the Page a moment ago. */
	static final int DUPLICATE = 506;

	/** Temporarily blocked for policy: posting again soon makes it worse. */
	static final int BLOCKED = 368;

	private FacebookStatusTable() {
	}

	enum Kind {

		TOKEN, RATE_LIMIT, TRANSIENT, DUPLICATE, BLOCKED, REFUSED, UNKNOWN_OUTCOME

	}

	/**
	 * @param retry whether the same call may be made again later
	 * @param code Graph's code, with the subcode after a slash
	 * @param message Graph's message, with its {@code fbtrace_id}
	 */
	record Verdict(Kind kind, DeliveryStatus status, boolean retry, String code, String message) {
	}

	static Verdict classify(FacebookGraphException ex) {
		Integer code = ex.getErrorCode();
		String codeText = (code != null) ? code + ((ex.getErrorSubcode() != null) ? "/" + ex.getErrorSubcode() : "")
				: "HTTP_" + ex.getHttpStatusCode();
		String message = ex.getErrorMessage()
				+ ((ex.getFbtraceId() != null) ? " (fbtrace_id " + ex.getFbtraceId() + ")" : "");
		if (code == null) {
			return new Verdict(Kind.UNKNOWN_OUTCOME, DeliveryStatus.TECHNICAL_FAILURE, false, codeText, message);
		}
		if (code == TOKEN) {
			return new Verdict(Kind.TOKEN, DeliveryStatus.TEMPORARY_FAILURE, false, codeText, message);
		}
		if (RATE_LIMITS.contains(code)) {
			return new Verdict(Kind.RATE_LIMIT, DeliveryStatus.TEMPORARY_FAILURE, true, codeText, message);
		}
		if (TRANSIENT.contains(code)) {
			return new Verdict(Kind.TRANSIENT, DeliveryStatus.TEMPORARY_FAILURE, true, codeText, message);
		}
		if (code == DUPLICATE) {
			return new Verdict(Kind.DUPLICATE, DeliveryStatus.SENT, false, codeText, message);
		}
		if (code == BLOCKED) {
			return new Verdict(Kind.BLOCKED, DeliveryStatus.PERMANENT_FAILURE, false, codeText, message);
		}
		Integer http = ex.getHttpStatusCode();
		if (http != null && http >= 500) {
			// A 5xx on a POST may hide a created post: an officer judges, Loa does not
			// repeat it.
			return new Verdict(Kind.UNKNOWN_OUTCOME, DeliveryStatus.TECHNICAL_FAILURE, false, codeText, message);
		}
		return new Verdict(Kind.REFUSED, DeliveryStatus.PERMANENT_FAILURE, false, codeText, message);
	}

	/** No answer (timeout, connection reset): the post may exist, so no retry. */
	static Verdict classify(FacebookNetworkException ex) {
		Integer http = ex.getHttpStatusCode();
		return new Verdict(Kind.UNKNOWN_OUTCOME, DeliveryStatus.TECHNICAL_FAILURE, false,
				(http != null) ? "HTTP_" + http : "NETWORK", String.valueOf(ex.getMessage()));
	}

}
