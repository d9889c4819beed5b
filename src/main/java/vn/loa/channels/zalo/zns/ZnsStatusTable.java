package vn.loa.channels.zalo.zns;

import java.util.Map;

import vn.loa.deliverylog.DeliveryStatus;

/**
 * The one place Zalo's ZNS answers become delivery statuses, with what each means for the
 * job: whether the recipient may get the SMS rendition instead ({@code fallback}),
 * whether the daily quota is spent (the job waits for the next day, or falls back), and
 * whether the OA token is at fault (the job waits for a token; nothing is failed). Zalo
 * documents no retry as safe, and a POST that timed out may have been sent, so nothing
 * here is retried.
 */
final class ZnsStatusTable {

	static final String PROVIDER = "zalo-zns";

	enum Kind {

		/** About this recipient: the row ends with the status. */
		RECIPIENT,
		/** The OA's or the template's configuration: every row would fail alike. */
		CONFIGURATION,
		/** The daily quota or balance is spent. */
		QUOTA,
		/** The OA access token is refused. */
		TOKEN

	}

	record Verdict(String code, DeliveryStatus status, boolean fallback, Kind kind, String message) {

	}

	private static final Map<Integer, Verdict> CODES = Map.ofEntries(
			entry(-108, DeliveryStatus.PERMANENT_FAILURE, false, Kind.RECIPIENT,
					"Số điện thoại không hợp lệ (invalid phone)"),
			entry(-109, DeliveryStatus.TECHNICAL_FAILURE, false, Kind.CONFIGURATION,
					"Mã mẫu ZNS không hợp lệ (bad template id)"),
			entry(-111, DeliveryStatus.TECHNICAL_FAILURE, false, Kind.CONFIGURATION,
					"Dữ liệu mẫu trống (template data empty)"),
			entry(-112, DeliveryStatus.TECHNICAL_FAILURE, false, Kind.CONFIGURATION,
					"Dữ liệu mẫu sai kiểu (template data of the wrong type)"),
			entry(-1121, DeliveryStatus.TECHNICAL_FAILURE, false, Kind.CONFIGURATION,
					"Tham số vượt độ dài cho phép (parameter too long)"),
			entry(-1122, DeliveryStatus.TECHNICAL_FAILURE, false, Kind.CONFIGURATION,
					"Thiếu tham số (missing parameter)"),
			entry(-114, DeliveryStatus.PERMANENT_FAILURE, true, Kind.RECIPIENT,
					"Người dùng không nhận được ZNS (user cannot receive)"),
			entry(-119, DeliveryStatus.PERMANENT_FAILURE, true, Kind.RECIPIENT,
					"Tài khoản không nhận được ZNS (account cannot receive)"),
			entry(-118, DeliveryStatus.PERMANENT_FAILURE, true, Kind.RECIPIENT,
					"Số điện thoại chưa có tài khoản Zalo (no Zalo account)"),
			entry(-115, DeliveryStatus.TEMPORARY_FAILURE, true, Kind.QUOTA,
					"Hết hạn mức hoặc số dư ZNS (out of quota or balance)"),
			entry(-124, DeliveryStatus.TECHNICAL_FAILURE, false, Kind.TOKEN,
					"Access token không hợp lệ (invalid access token)"),
			entry(-131, DeliveryStatus.TECHNICAL_FAILURE, false, Kind.CONFIGURATION,
					"Mẫu ZNS chưa được duyệt (template not approved)"),
			entry(-135, DeliveryStatus.TECHNICAL_FAILURE, false, Kind.CONFIGURATION,
					"OA chưa có quyền gửi ZNS (no ZNS permission)"),
			entry(-139, DeliveryStatus.PERMANENT_FAILURE, true, Kind.RECIPIENT,
					"Người dùng từ chối loại tin này (user refused this content type)"),
			entry(-141, DeliveryStatus.PERMANENT_FAILURE, true, Kind.RECIPIENT,
					"Người dùng từ chối nhận tin từ OA (user refused this OA)"),
			entry(-144, DeliveryStatus.TEMPORARY_FAILURE, true, Kind.QUOTA,
					"OA đã hết hạn mức gửi trong ngày (OA daily limit reached)"),
			entry(-146, DeliveryStatus.TECHNICAL_FAILURE, false, Kind.CONFIGURATION,
					"Mẫu ZNS bị khóa do chất lượng (template disabled for quality)"),
			entry(-147, DeliveryStatus.TEMPORARY_FAILURE, true, Kind.QUOTA,
					"Mẫu ZNS đã hết hạn mức trong ngày (template daily limit reached)"));

	private ZnsStatusTable() {
	}

	/**
	 * The verdict on a non-zero answer; an unknown code is a TECHNICAL_FAILURE carrying
	 * Zalo's own message, without fallback.
	 */
	static Verdict classify(int error, String zaloMessage) {
		Verdict known = CODES.get(error);
		String detail = (zaloMessage != null && !zaloMessage.isBlank()) ? " — Zalo: " + zaloMessage : "";
		if (known != null) {
			return new Verdict(known.code(), known.status(), known.fallback(), known.kind(), known.message() + detail);
		}
		return new Verdict(Integer.toString(error), DeliveryStatus.TECHNICAL_FAILURE, false, Kind.RECIPIENT,
				"Mã lỗi ZNS chưa biết " + error + detail);
	}

	/**
	 * A send that failed in transport: Zalo may have taken it, unless the connection was
	 * never made (refused), which an approver may send again (DeliveryLog.NOT_REACHED).
	 */
	static Verdict transport(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.net.ConnectException) {
				return new Verdict("ConnectException", DeliveryStatus.TECHNICAL_FAILURE, false, Kind.RECIPIENT,
						"Không kết nối được tới Zalo; tin chưa được gửi (connection refused, not sent)");
			}
		}
		return transport(ex.getClass().getSimpleName());
	}

	/** A send that timed out or failed in transport: Zalo may have taken it. */
	static Verdict transport(String detail) {
		return new Verdict("HTTP", DeliveryStatus.TECHNICAL_FAILURE, false, Kind.RECIPIENT,
				"Không rõ Zalo đã nhận tin chưa; không gửi lại (" + detail + ")");
	}

	static Map<Integer, Verdict> codes() {
		return CODES;
	}

	private static Map.Entry<Integer, Verdict> entry(int code, DeliveryStatus status, boolean fallback, Kind kind,
			String message) {
		return Map.entry(code, new Verdict(Integer.toString(code), status, fallback, kind, message));
	}

}
