package vn.loa.channels.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Zalo's webhook signature: {@code X-ZEvent-Signature: mac=<hex SHA-256(appId + raw body
 * + timestamp + OA secret key)>}. It is a plain hash, not an HMAC, so every part matters:
 * the body is hashed exactly as received, never re-serialised.
 */
public final class ZaloSignature {

	public static final String HEADER = "X-ZEvent-Signature";

	private static final String PREFIX = "mac=";

	private ZaloSignature() {
	}

	/** The header value Zalo sends for this body. */
	public static String sign(String appId, byte[] body, String timestamp, String oaSecretKey) {
		return PREFIX + HexFormat.of().formatHex(digest(appId, body, timestamp, oaSecretKey));
	}

	/**
	 * Whether {@code header} signs the body with this id (the app id, or the OA id that
	 * integrators report Zalo uses in its place), compared in constant time.
	 */
	public static boolean verifies(String header, String id, byte[] body, String timestamp, String oaSecretKey) {
		if (header == null || id == null || timestamp == null) {
			return false;
		}
		String value = header.trim();
		if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(given, digest(id, body, timestamp, oaSecretKey));
	}

	private static byte[] digest(String id, byte[] body, String timestamp, String oaSecretKey) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(id.getBytes(StandardCharsets.UTF_8));
			sha256.update(body);
			sha256.update(timestamp.getBytes(StandardCharsets.UTF_8));
			sha256.update(oaSecretKey.getBytes(StandardCharsets.UTF_8));
			return sha256.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
