package vn.loa.channels.sms;

import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;
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

	private static final Map<String, DeliveryStatus> CALLBACK_STATUS = Map.ofEntries(
			Map.entry("accepted", DeliveryStatus.SENT), Map.entry("scheduled", DeliveryStatus.SENT),
			Map.entry("queued", DeliveryStatus.SENT), Map.entry("sending", DeliveryStatus.SENT),
			Map.entry("sent", DeliveryStatus.SENT), Map.entry("delivered", DeliveryStatus.DELIVERED),
			Map.entry("read", DeliveryStatus.DELIVERED), Map.entry("undelivered", DeliveryStatus.TEMPORARY_FAILURE),
			Map.entry("failed", DeliveryStatus.PERMANENT_FAILURE),
			Map.entry("canceled", DeliveryStatus.PERMANENT_FAILURE));

	private static final Map<String, String> DELIVERY_ERRORS = Map.of("30001", "Queue overflow", "30002",
			"Account suspended", "30003", "Unreachable destination handset", "30004", "Message blocked", "30005",
			"Unknown destination handset", "30006", "Landline or unreachable carrier", "30007",
			"Message filtered by the carrier", "30008", "Unknown error", "30032", "Toll-free number not verified");

	private TwilioStatusTable() {
	}

	/** What a failed send means and whether Loa may send the same message again. */
	record Verdict(DeliveryStatus status, boolean retryLater, String code, String message) {

	}

	static Verdict classify(ApiException ex) {
		Integer code = ex.getCode();
		Integer http = ex.getStatusCode();
		String codeText = (code != null) ? code.toString() : (http != null) ? "HTTP_" + http : "IO";
		if ((code != null && code == TOO_MANY_REQUESTS) || (http != null && http == 429)) {
			return new Verdict(DeliveryStatus.TEMPORARY_FAILURE, true, codeText, ex.getMessage());
		}
		if (code != null && PERMANENT_CODES.contains(code)) {
			return new Verdict(DeliveryStatus.PERMANENT_FAILURE, false, codeText, ex.getMessage());
		}
		if (http == null && refused(ex)) {
			// The connection was never made: Twilio cannot have taken the message, so an
			// approver may send it again (DeliveryLog.NOT_REACHED).
			return new Verdict(DeliveryStatus.TECHNICAL_FAILURE, false, "ConnectException", ex.getMessage());
		}
		if (http == null && ex.getCause() instanceof IOException) {
			// The request went out and the connection broke before a whole answer came
			// back (reset, closed, read timeout): Twilio may have taken it, so it is an
			// unknown outcome and never re-sent.
			return new Verdict(DeliveryStatus.TECHNICAL_FAILURE, false, DeliveryLog.OUTCOME_UNKNOWN, ex.getMessage());
		}
		if (http == null || http >= 500) {
			// A POST that failed with 5xx may still have been taken by Twilio: sending it
			// again could give the citizen the same SMS twice, so it is not retried; the
			// row says TECHNICAL_FAILURE for an officer to judge.
			return new Verdict(DeliveryStatus.TECHNICAL_FAILURE, false, codeText, ex.getMessage());
		}
		// Any other 4xx is a request Twilio refuses as written; resending cannot fix it.
		return new Verdict(DeliveryStatus.PERMANENT_FAILURE, false, codeText, ex.getMessage());
	}

	private static boolean refused(Throwable ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof java.net.ConnectException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The status a callback moves a row to, or {@code null} for statuses Loa does not
	 * know (new ones may appear at any time and are ignored).
	 */
	static DeliveryStatus callbackStatus(String messageStatus, String errorCode) {
		if (messageStatus == null) {
			return null;
		}
		DeliveryStatus status = CALLBACK_STATUS.get(messageStatus.toLowerCase(Locale.ROOT));
		if (status == DeliveryStatus.TEMPORARY_FAILURE && errorCode != null && !errorCode.isBlank()) {
			try {
				if (PERMANENT_DELIVERY_CODES.contains(Integer.parseInt(errorCode.trim()))) {
					return DeliveryStatus.PERMANENT_FAILURE;
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
