package vn.loa.channels.sms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTests {

	private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0), HCM);

	@Test
	void eveningAndEarlyMorningAreQuietInVietnameseTime() {
		assertThat(this.night.isQuiet(at(21, 0))).isTrue();
		assertThat(this.night.isQuiet(at(23, 30))).isTrue();
		assertThat(this.night.isQuiet(at(0, 0))).isTrue();
		assertThat(this.night.isQuiet(at(6, 59))).isTrue();
		assertThat(this.night.isQuiet(at(7, 0))).isFalse();
		assertThat(this.night.isQuiet(at(12, 0))).isFalse();
		assertThat(this.night.isQuiet(at(20, 59))).isFalse();
	}

	@Test
	void quietHoursAreJudgedInHoChiMinhTimeNotUtc() {
		// 14:30 UTC is 21:30 in Ho Chi Minh City
		assertThat(this.night.isQuiet(Instant.parse("2026-11-24T14:30:00Z"))).isTrue();
		assertThat(this.night.isQuiet(Instant.parse("2026-11-24T05:00:00Z"))).isFalse();
	}

	@Test
	void lateEveningWaitsForSevenNextMorning() {
		assertThat(this.night.nextSendingTime(at(22, 15), false))
			.isEqualTo(ZonedDateTime.of(2026, 11, 25, 7, 0, 0, 0, HCM).toInstant());
	}

	@Test
	void afterMidnightWaitsForSevenTheSameMorning() {
		Instant twoAm = ZonedDateTime.of(2026, 11, 25, 2, 0, 0, 0, HCM).toInstant();
		assertThat(this.night.nextSendingTime(twoAm, false))
			.isEqualTo(ZonedDateTime.of(2026, 11, 25, 7, 0, 0, 0, HCM).toInstant());
	}

	@Test
	void daytimeAndUrgentPublicationsSendNow() {
		assertThat(this.night.nextSendingTime(at(10, 0), false)).isEqualTo(at(10, 0));
		assertThat(this.night.nextSendingTime(at(23, 0), true)).isEqualTo(at(23, 0));
	}

	@Test
	void windowInsideOneDayAndNoWindow() {
		QuietHours lunch = new QuietHours(LocalTime.of(11, 30), LocalTime.of(13, 30), HCM);
		assertThat(lunch.isQuiet(at(12, 0))).isTrue();
		assertThat(lunch.isQuiet(at(14, 0))).isFalse();
		assertThat(lunch.nextSendingTime(at(12, 0), false)).isEqualTo(at(13, 30));
		assertThat(QuietHours.none(HCM).isQuiet(at(23, 0))).isFalse();
	}

	private static Instant at(int hour, int minute) {
		return ZonedDateTime.of(2026, 11, 24, hour, minute, 0, 0, HCM).toInstant();
	}

}
