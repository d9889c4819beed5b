package vn.loa.channels.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZaloSignatureTests {

	private static final byte[] BODY = "{\"app_id\":\"111\",\"event_name\":\"follow\",\"timestamp\":\"1764633600000\"}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void theSignatureIsAPlainSha256OfAppIdBodyTimestampAndOaSecretKey() throws Exception {
		String expected = "mac=" + HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest(("111" + new String(BODY, StandardCharsets.UTF_8) + "1764633600000" + "oa-secret")
					.getBytes(StandardCharsets.UTF_8)));

		assertThat(ZaloSignature.sign("111", BODY, "1764633600000", "oa-secret")).isEqualTo(expected);
		assertThat(ZaloSignature.verifies(expected, "111", BODY, "1764633600000", "oa-secret")).isTrue();
		assertThat(ZaloSignature.verifies(expected.toUpperCase().replace("MAC=", "mac="), "111", BODY, "1764633600000",
				"oa-secret"))
			.isTrue();
	}

	@Test
	void anyChangedPartFailsTheCheck() {
		String signature = ZaloSignature.sign("111", BODY, "1764633600000", "oa-secret");
		byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("follow", "unfollow")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(ZaloSignature.verifies(signature, "111", tampered, "1764633600000", "oa-secret")).isFalse();
		assertThat(ZaloSignature.verifies(signature, "111", BODY, "1764633600001", "oa-secret")).isFalse();
		assertThat(ZaloSignature.verifies(signature, "111", BODY, "1764633600000", "app-secret")).isFalse();
		assertThat(ZaloSignature.verifies(signature, "222", BODY, "1764633600000", "oa-secret")).isFalse();
		assertThat(ZaloSignature.verifies(signature.substring(4), "111", BODY, "1764633600000", "oa-secret")).isFalse();
		assertThat(ZaloSignature.verifies("mac=not-hex", "111", BODY, "1764633600000", "oa-secret")).isFalse();
		assertThat(ZaloSignature.verifies(null, "111", BODY, "1764633600000", "oa-secret")).isFalse();
	}

}
