package vn.loa.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.common.LoaProperties;
import vn.loa.users.CalendarFeeds;
import vn.loa.users.Role;
import vn.loa.users.UserAccounts;

/**
 * {@code /feeds/calendar/{token}.ics}: an officer's publishing calendar for their own
 * calendar app (RFC 5545), from 31 days back to 90 ahead, what the officer's units may
 * see. The token in the address is the only credential (a calendar app sends no other); a
 * revoked or unknown one answers 404 and tells nothing.
 */
@RestController
class CalendarFeed {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final CalendarFeeds feeds;

	private final UserAccounts accounts;

	private final CalendarPage calendar;

	private final LoaProperties properties;

	private final java.time.Clock clock;

	CalendarFeed(CalendarFeeds feeds, UserAccounts accounts, CalendarPage calendar, LoaProperties properties,
			java.time.Clock clock) {
		this.feeds = feeds;
		this.accounts = accounts;
		this.calendar = calendar;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/feeds/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		UserAccounts.UserView user = this.feeds.owner(token).flatMap(this.accounts::find).orElse(null);
		if (user == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("not found\n");
		}
		boolean admin = user.roles().contains(Role.ADMIN);
		boolean approver = admin || user.roles().contains(Role.APPROVER);
		ConsoleUser me = new ConsoleUser(user.username(), true, approver, admin);
		Instant now = this.clock.instant();
		List<CalendarPage.Entry> entries = this.calendar.entries(now.minus(31, ChronoUnit.DAYS),
				now.plus(90, ChronoUnit.DAYS), me);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
			.header("Cache-Control", "private, max-age=300")
			.body(ics(entries, now));
	}

	String ics(List<CalendarPage.Entry> entries, Instant now) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Loa//Lich phat hanh//VI");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "X-WR-CALNAME:" + text("Loa — lịch phát hành"));
		line(out, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
		for (CalendarPage.Entry e : entries) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:loa-publication-" + e.publicationId() + "-" + e.channel() + "@" + host());
			line(out, "DTSTAMP:" + UTC.format(now));
			line(out, "DTSTART:" + UTC.format(e.at()));
			line(out, "DURATION:PT15M");
			line(out, "SUMMARY:" + text(e.title() + " · " + e.channelLabel()));
			line(out, "DESCRIPTION:" + text("#" + e.publicationId() + " " + e.state()));
			line(out, "URL:" + this.properties.publicBaseUrl() + "/console/publications/" + e.publicationId());
			line(out, "STATUS:" + (e.movable() ? "TENTATIVE" : "CONFIRMED"));
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	private String host() {
		return java.net.URI.create(this.properties.publicBaseUrl()).getHost();
	}

	/** RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped. */
	static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n");
	}

	/**
	 * A content line, folded at 75 octets without splitting a UTF-8 character,
	 * CRLF-ended.
	 */
	static void line(StringBuilder out, String line) {
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int cp = line.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
			if (octets + size > 75) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		out.append("\r\n");
	}

}
