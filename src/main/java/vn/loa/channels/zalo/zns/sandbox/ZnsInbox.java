package vn.loa.channels.zalo.zns.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.loa.channels.sms.sandbox.SandboxInbox;

/** What each phone number "received" from the ZNS simulator. */
public final class ZnsInbox extends SandboxInbox<ZnsInbox.Received> {

	/** One template message a number received. */
	public record Received(String phone, String msgId, String templateId, Map<String, String> data, String trackingId,
			Instant at) {

	}

	public ZnsInbox(int keepPerNumber, int maxNumbers) {
		super(keepPerNumber, maxNumbers, Received::phone);
	}

	/**
	 * The messages kept for a number, oldest first; {@code +84905…}, {@code 84905…} and
	 * {@code 0905…} name the same number.
	 */
	@Override
	public List<Received> receivedBy(String phone) {
		return super.receivedBy(normalise(phone));
	}

	/** Zalo's spelling of a Vietnamese number: {@code 84…}, digits only. */
	static String normalise(String phone) {
		String digits = phone.replaceAll("[^0-9]", "");
		return digits.startsWith("0") ? "84" + digits.substring(1) : digits;
	}

}
