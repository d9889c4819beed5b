package vn.loa.channels.zalo;

import java.util.Map;

import vn.loa.deliverylog.DeliveryStatus;

/**
 * The one place where Zalo OA answers become Loa delivery statuses. Zalo answers most
 * errors with HTTP 200 and a non-zero {@code error} in the {@code {error, message, data}}
 * envelope; each code here says whether sending the same message again is safe.
 */
final class ZaloStatusTable {

	static final String PROVIDER = "zalo";

	/** Invalid access token: refused before sending, safe to retry with a fresh token. */
	static final int INVALID_TOKEN = -201;

	/**
	 * The follower has not interacted within 7 days: Zalo refuses consultation messages.
	 */
	static final int OUTSIDE_WINDOW = -230;

	/** What a code means and whether the same request may go again. */
	record Verdict(DeliveryStatus status, boolean retrySafe, String why) {

	}

	private static final Map<Integer, Verdict> CODES = Map.of(INVALID_TOKEN,
			new Verdict(DeliveryStatus.TEMPORARY_FAILURE, true,
					"the token was refused before anything was sent; refresh it and send again"),
			-202,
			new Verdict(DeliveryStatus.PERMANENT_FAILURE, false,
					"the OA lacks the permission: resending cannot help until the app is granted it"),
			-203, new Verdict(DeliveryStatus.PERMANENT_FAILURE, false, "the request is invalid as written"), -204,
			new Verdict(DeliveryStatus.PERMANENT_FAILURE, false, "the message is invalid as written"), -205,
			new Verdict(DeliveryStatus.PERMANENT_FAILURE, false, "the OA does not exist: a configuration error"), -207,
			new Verdict(DeliveryStatus.PERMANENT_FAILURE, false, "the user id is not a user of this OA"),
			OUTSIDE_WINDOW, new Verdict(DeliveryStatus.SKIPPED, false,
					"outside the interaction window: only the citizen writing again reopens it"));

	private ZaloStatusTable() {
	}

	/**
	 * The verdict for a non-zero {@code error}. A code Zalo did not document is a
	 * TECHNICAL_FAILURE with Zalo's message kept, and not retried: Loa cannot know
	 * whether the message went.
	 */
	static Verdict classify(int error) {
		return CODES.getOrDefault(error, new Verdict(DeliveryStatus.TECHNICAL_FAILURE, false,
				"an undocumented answer: whether the message went is unknown"));
	}

	/**
	 * An HTTP failure of a POST (5xx, timeout, reset): Zalo may have taken the message,
	 * so it is never sent again; 429 is the one answer that says it was not taken.
	 */
	static Verdict classifyHttp(int status) {
		if (status == 429) {
			return new Verdict(DeliveryStatus.TEMPORARY_FAILURE, true, "rate limited: the request was not taken");
		}
		if (status >= 400 && status < 500) {
			return new Verdict(DeliveryStatus.PERMANENT_FAILURE, false, "refused as written");
		}
		return new Verdict(DeliveryStatus.TECHNICAL_FAILURE, false,
				"the answer was lost: Zalo may have taken the message, so it is not sent again");
	}

}
