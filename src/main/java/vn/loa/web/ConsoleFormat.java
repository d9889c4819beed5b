package vn.loa.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import vn.loa.common.LoaClock;

/**
 * Formatting the views call as {@code @consoleFormat}: times in Asia/Ho_Chi_Minh, the way
 * Vietnamese offices write them.
 */
@Component("consoleFormat")
class ConsoleFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(LoaClock.ZONE);

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
		.withZone(LoaClock.ZONE);

	public String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

	public String seconds(Instant instant) {
		return (instant != null) ? SECONDS.format(instant) : "";
	}

	/** An ISO instant for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

}
