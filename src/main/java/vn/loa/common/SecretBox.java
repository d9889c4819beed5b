package vn.loa.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts provider secrets an admin enters or an OAuth flow returns (page tokens, OA
 * token pairs) before they reach the database: AES-256-GCM under the key from
 * {@code LOA_SECRET_KEY} (Base64 of 32 bytes). Without that variable the embedded default
 * generates a key once under the data dir ({@code secret.key}, owner-only), so a newcomer
 * needs nothing; production refuses to start without it (see {@code SecretKeyCheck}).
 * <p>
 * A sealed value reads {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}; the version prefix
 * lets a later key rotation tell old values from new. The optional {@code context} is
 * bound as additional authenticated data, so a value sealed for one row (say, a page id)
 * cannot be copied into another.
 */
public final class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	public SecretBox(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("LOA_SECRET_KEY must be the Base64 of 32 bytes, got " + key.length);
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * The key from {@code base64Key} when given, else the one kept (or made now) under
	 * {@code dataDir}.
	 */
	public static SecretBox from(String base64Key, Path dataDir) {
		if (base64Key != null && !base64Key.isBlank()) {
			return new SecretBox(decodeKey(base64Key));
		}
		return new SecretBox(keyFile(dataDir.resolve("secret.key")));
	}

	private static byte[] decodeKey(String base64Key) {
		try {
			return Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("LOA_SECRET_KEY is not Base64 (make one with: openssl rand -base64 32)");
		}
	}

	private static byte[] keyFile(Path file) {
		try {
			if (Files.exists(file)) {
				return decodeKey(Files.readString(file, StandardCharsets.US_ASCII));
			}
			Files.createDirectories(file.getParent());
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the data dir's own permissions protect it
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the secret key " + file, ex);
		}
	}

	public String seal(String plain, String context) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(aad(context));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * @throws IllegalArgumentException when the value was not sealed under this key and
	 * context
	 */
	public String open(String sealed, String context) {
		if (sealed == null || !sealed.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not a sealed secret");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(aad(context));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("The secret cannot be opened with this LOA_SECRET_KEY", ex);
		}
	}

	private static byte[] aad(String context) {
		return (context != null ? context : "").getBytes(StandardCharsets.UTF_8);
	}

}
