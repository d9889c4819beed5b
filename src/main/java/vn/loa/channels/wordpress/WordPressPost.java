package vn.loa.channels.wordpress;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /wp-json/wp/v2/posts}. A scheduled post is
 * {@code status=future} with both {@code date} (the site's local time, no offset, as
 * WordPress stores it) and {@code date_gmt}, so the post goes out at the right moment
 * whatever the site's time zone setting is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WordPressPost(String title, String content, String excerpt, String status, String date,
		@JsonProperty("date_gmt") String dateGmt) {

	// Always with seconds: LocalDateTime.toString() drops ":00", which WordPress rejects.
	private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	static WordPressPost publishNow(String title, String content, String excerpt) {
		return new WordPressPost(title, content, excerpt, "publish", null, null);
	}

	static WordPressPost scheduled(String title, String content, String excerpt, Instant at, ZoneId siteZone) {
		Instant second = at.truncatedTo(ChronoUnit.SECONDS);
		return new WordPressPost(title, content, excerpt, "future",
				WORDPRESS_DATE.format(LocalDateTime.ofInstant(second, siteZone)),
				WORDPRESS_DATE.format(LocalDateTime.ofInstant(second, ZoneOffset.UTC)));
	}

}
