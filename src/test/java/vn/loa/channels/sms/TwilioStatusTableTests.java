package vn.loa.channels.sms;

import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;
import java.io.IOException;

import com.twilio.exception.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioStatusTableTests {

	@Test
	void sendErrors() {
		assertThat(verdict(429, 20429)).isEqualTo(DeliveryStatus.TEMPORARY_FAILURE);
		assertThat(TwilioStatusTable.classify(api(429, 20429)).retryLater()).isTrue();
		assertThat(verdict(400, 21211)).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
		assertThat(verdict(400, 21610)).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
		assertThat(verdict(400, 21614)).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
		assertThat(verdict(500, 20500)).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(verdict(503, null)).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(TwilioStatusTable.classify(api(400, 21211)).retryLater()).isFalse();
		assertThat(TwilioStatusTable.classify(api(500, 20500)).retryLater()).isFalse();
	}

	@Test
	void timeoutIsATechnicalFailureThatIsNotRetried() {
		TwilioStatusTable.Verdict verdict = TwilioStatusTable
			.classify(new ApiException("IOException during API request to Twilio", new IOException("Read timed out")));
		assertThat(verdict.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(verdict.retryLater()).isFalse();
		assertThat(verdict.code()).isEqualTo(DeliveryLog.OUTCOME_UNKNOWN);
	}

	@Test
	void refusedConnectionNeverReachedTwilioSoAnApproverMaySendItAgain() {
		TwilioStatusTable.Verdict verdict = TwilioStatusTable.classify(new ApiException(
				"IOException during API request to Twilio", new java.net.ConnectException("Connection refused")));
		assertThat(verdict.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(verdict.retryLater()).isFalse();
		assertThat(vn.loa.deliverylog.DeliveryLog.NOT_REACHED).contains(verdict.code());
	}

	@Test
	void callbackStatuses() {
		assertThat(TwilioStatusTable.callbackStatus("queued", null)).isEqualTo(DeliveryStatus.SENT);
		assertThat(TwilioStatusTable.callbackStatus("sending", null)).isEqualTo(DeliveryStatus.SENT);
		assertThat(TwilioStatusTable.callbackStatus("sent", null)).isEqualTo(DeliveryStatus.SENT);
		assertThat(TwilioStatusTable.callbackStatus("delivered", null)).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(TwilioStatusTable.callbackStatus("undelivered", "30003"))
			.isEqualTo(DeliveryStatus.TEMPORARY_FAILURE);
		assertThat(TwilioStatusTable.callbackStatus("undelivered", "30005"))
			.isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
		assertThat(TwilioStatusTable.callbackStatus("failed", "30008")).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
		assertThat(TwilioStatusTable.callbackStatus("something_new", null)).isNull();
	}

	private static DeliveryStatus verdict(Integer http, Integer code) {
		return TwilioStatusTable.classify(api(http, code)).status();
	}

	private static ApiException api(Integer http, Integer code) {
		return new ApiException("error", code, null, http, http, null, null, null);
	}

}
