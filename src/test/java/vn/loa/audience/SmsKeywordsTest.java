package vn.loa.audience;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.loa.rendering.SmsEncoding;
import vn.loa.rendering.SmsText;

import static org.assertj.core.api.Assertions.assertThat;

class SmsKeywordsTest {

	@ParameterizedTest
	@ValueSource(strings = { "HUY", "huy", "Hủy", "HỦY", "  hủy.  ", "Hu\u0309y", "TU CHOI", "TỪ CHỐI", "tu   choi",
			"Từ chối nhận tin", "TUCHOI", "STOP", "stop", "Stop!", "HUY DK", "Huỷ" })
	void understandsOptOut(String body) {
		assertThat(SmsKeywords.parse(body)).isEqualTo(SmsCommand.OPT_OUT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "DK CCHC", "dk cchc", "ĐK CCHC", "đk  cchc", "DANG KY CCHC", "Đăng ký cchc", "DK:CCHC",
			"dangky CCHC" })
	void understandsOptInToATopic(String body) {
		assertThat(SmsKeywords.parse(body)).isEqualTo(SmsCommand.optIn("cchc"));
	}

	@Test
	void optInTopicsAreFoldedToKeys() {
		assertThat(SmsKeywords.parse("ĐK Cải cách hành chính")).isEqualTo(SmsCommand.optIn("cai-cach-hanh-chinh"));
		assertThat(SmsKeywords.parse("DK")).isEqualTo(SmsCommand.optIn(null));
		assertThat(SmsKeywords.parse("START")).isEqualTo(SmsCommand.optIn(null));
		assertThat(SmsKeywords.parse("Đăng ký")).isEqualTo(SmsCommand.optIn(null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "Xin chào", "Huyện Hòa Vang mất điện", "STOP sending me this please", "DKCCHC",
			"Khi nào có kết quả hồ sơ?" })
	void anythingElseIsUnknown(String body) {
		assertThat(SmsKeywords.parse(body)).isEqualTo(SmsCommand.UNKNOWN);
	}

	@Test
	void unknownForNull() {
		assertThat(SmsKeywords.parse(null)).isEqualTo(SmsCommand.UNKNOWN);
	}

	@Test
	void repliesFitOneGsm7Part() {
		String longTopic = "x".repeat(Topics.MAX_LENGTH);
		for (SmsCommand command : new SmsCommand[] { SmsCommand.OPT_OUT, SmsCommand.UNKNOWN, SmsCommand.optIn(null),
				SmsCommand.optIn("cchc"), SmsCommand.optIn(longTopic) }) {
			String reply = SmsKeywords.reply(command);
			assertThat(SmsText.analyze(reply, true).encoding()).as(reply).isEqualTo(SmsEncoding.GSM_7);
			assertThat(SmsText.analyze(reply, true).parts()).as(reply).isEqualTo(1);
		}
		assertThat(SmsKeywords.reply(SmsCommand.optIn("cchc"))).contains("chu de CCHC").contains("HUY");
		assertThat(SmsKeywords.reply(SmsCommand.OPT_OUT)).contains("huy").contains("DK");
	}

}
