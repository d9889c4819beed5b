package vn.loa.channels.sms;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily window (e.g. 21:00–07:00 Asia/Ho_Chi_Minh) in which broadcasts do not send. The
 * window may wrap over midnight; {@code start == end} means there is no window.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

	public static QuietHours none(ZoneId zone) {
		return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
	}

	public boolean isQuiet(Instant instant) {
		if (this.start.equals(this.end)) {
			return false;
		}
		LocalTime time = instant.atZone(this.zone).toLocalTime();
		if (this.start.isBefore(this.end)) {
			return !time.isBefore(this.start) && time.isBefore(this.end);
		}
		return !time.isBefore(this.start) || time.isBefore(this.end);
	}

	/**
	 * The first instant at or after {@code now} when sending is allowed: {@code now}
	 * itself outside the window or for urgent publications, else the window's end.
	 */
	public Instant nextSendingTime(Instant now, boolean urgent) {
		if (urgent || !isQuiet(now)) {
			return now;
		}
		LocalDateTime local = LocalDateTime.ofInstant(now, this.zone);
		LocalDateTime end = local.toLocalDate().atTime(this.end);
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		return end.atZone(this.zone).toInstant();
	}

}
