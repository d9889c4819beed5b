package vn.loa.channels.sms;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.twilio.exception.ApiException;

/**
 * The one place where Twilio's answers become Loa delivery statuses: errors of the
 * Messages API (at send time) and the {@code MessageStatus} of status callbacks.
 */
final class TwilioStatusTable {

	/** Too many requests: the message was not taken, so sending it later is safe. */
	static final int TOO_MANY_REQUESTS = 20429;

	/**
	 * Invalid To, recipient replied STOP, To cannot receive SMS: resending cannot help.
	 */
	static final Set<Integer> PERMANENT_CODES = Set.of(21211, 21610, 21614, 21408, 21612, 21617);

	/**
	 * Callback error codes after which the handset is known to be unreachable for good.
	 */
	private static final Set<Integer> PERMANENT_DELIVERY_CODES = Set.of(30004, 30005, 30006, 30007, 30032);

	private static final Map<String, SmsStatus> CALLBACK_STATUS = Map.ofEntries(Map.entry("accepted", SmsStatus.SENT),
			Map.entry("scheduled", SmsStatus.SENT), Map.entry("queued", SmsStatus.SENT),
			Map.entry("sending", SmsStatus.SENT), Map.entry("sent", SmsStatus.SENT),
			Map.entry("delivered", SmsStatus.DELIVERED), Map.entry("read", SmsStatus.DELIVERED),
			Map.entry("undelivered", SmsStatus.TEMPORARY_FAILURE), Map.entry("failed", SmsStatus.PERMANENT_FAILURE),
			Map.entry("canceled", SmsStatus.PERMANENT_FAILURE));

	private static final Map<String, String> DELIVERY_ERRORS = Map.of("30001", "Queue overflow", "30002",
			"Account suspended", "30003", "Unreachable destination handset", "30004", "Message blocked", "30005",
			"Unknown destination handset", "30006", "Landline or unreachable carrier", "30007",
			"Message filtered by the carrier", "30008", "Unknown error", "30032", "Toll-free number not verified");

	private TwilioStatusTable() {
	}

	/** What a failed send means and whether Loa may send the same message again. */
	record Verdict(SmsStatus status, boolean retryLater, String code, String message) {

	}

	static Verdict classify(ApiException ex) {
		Integer code = ex.getCode();
		Integer http = ex.getStatusCode();
		String codeText = (code != null) ? code.toString() : (http != null) ? "HTTP_" + http : "IO";
		if ((code != null && code == TOO_MANY_REQUESTS) || (http != null && http == 429)) {
			return new Verdict(SmsStatus.TEMPORARY_FAILURE, true, codeText, ex.getMessage());
		}
		if (code != null && PERMANENT_CODES.contains(code)) {
			return new Verdict(SmsStatus.PERMANENT_FAILURE, false, codeText, ex.getMessage());
		}
		if (http == null || http >= 500 || ex.getCause() instanceof IOException) {
			// A POST that failed with 5xx or timed out may still have been taken by
			// Twilio:
			// sending it again could give the citizen the same SMS twice, so it is not
			// retried; the row says TECHNICAL_FAILURE for an officer to judge.
			return new Verdict(SmsStatus.TECHNICAL_FAILURE, false, codeText, ex.getMessage());
		}
		// Any other 4xx is a request Twilio refuses as written; resending cannot fix it.
		return new Verdict(SmsStatus.PERMANENT_FAILURE, false, codeText, ex.getMessage());
	}

	/**
	 * The status a callback moves a row to, or {@code null} for statuses Loa does not
	 * know (new ones may appear at any time and are ignored).
	 */
	static SmsStatus callbackStatus(String messageStatus, String errorCode) {
		if (messageStatus == null) {
			return null;
		}
		SmsStatus status = CALLBACK_STATUS.get(messageStatus.toLowerCase(Locale.ROOT));
		if (status == SmsStatus.TEMPORARY_FAILURE && errorCode != null && !errorCode.isBlank()) {
			try {
				if (PERMANENT_DELIVERY_CODES.contains(Integer.parseInt(errorCode.trim()))) {
					return SmsStatus.PERMANENT_FAILURE;
				}
			}
			catch (NumberFormatException ex) {
				return status;
			}
		}
		return status;
	}

	/** Twilio's name for a delivery error code from a callback, for the delivery log. */
	static String describe(String errorCode) {
		if (errorCode == null || errorCode.isBlank()) {
			return null;
		}
		return "Twilio " + errorCode + ": " + DELIVERY_ERRORS.getOrDefault(errorCode.trim(), "delivery failed");
	}

}
