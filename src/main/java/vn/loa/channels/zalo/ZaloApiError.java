package vn.loa.channels.zalo;

import vn.loa.channels.ChannelException;

/**
 * Zalo refused a call: its own code and message, kept verbatim for the delivery log, and
 * whether the same call may safely go again ({@link ZaloStatusTable}).
 */
class ZaloApiError extends ChannelException {

	private final boolean retrySafe;

	ZaloApiError(ZaloStatusTable.Verdict verdict, String code, String message, Throwable cause) {
		super(verdict.status(), ZaloStatusTable.PROVIDER, code, message, cause);
		this.retrySafe = verdict.retrySafe();
	}

	boolean retrySafe() {
		return this.retrySafe;
	}

}
