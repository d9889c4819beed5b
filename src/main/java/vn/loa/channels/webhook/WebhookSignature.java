package vn.loa.channels.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Loa-Signature: sha256=<hex HMAC-SHA256 of the raw body>} keyed with the
 * endpoint's secret. The body carries the delivery id and the time it was sent, so the
 * signature also covers them; receivers must hash the bytes they received, not a
 * re-serialised copy.
 */
public final class WebhookSignature {

	public static final String SIGNATURE_HEADER = "X-Loa-Signature";

	public static final String DELIVERY_HEADER = "X-Loa-Delivery";

	public static final String TIMESTAMP_HEADER = "X-Loa-Timestamp";

	/**
	 * What the request tells: {@code content.published} or {@code content.withdrawn}. Not
	 * signed itself; the withdrawn event's body names its event too.
	 */
	public static final String EVENT_HEADER = "X-Loa-Event";

	private static final String PREFIX = "sha256=";

	private WebhookSignature() {
	}

	static String sign(byte[] body, String secret) {
		return PREFIX + HexFormat.of().formatHex(hmac(body, secret));
	}

	/** Constant-time check, so a forger learns nothing from how fast a guess fails. */
	public static boolean verify(byte[] body, String secret, String header) {
		if (header == null || !header.startsWith(PREFIX) || secret == null || secret.isEmpty()) {
			return false;
		}
		byte[] expected = sign(body, secret).getBytes(StandardCharsets.US_ASCII);
		byte[] given = header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given);
	}

	private static byte[] hmac(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
