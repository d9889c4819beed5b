package vn.loa.channels.wordpress;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /wp/v2/posts} (create) and {@code POST /wp/v2/posts/{id}}
 * (update; absent fields are left as they are). A time goes only as {@code date_gmt}:
 * WordPress takes {@code date} over {@code date_gmt} when both are sent, and would read
 * {@code date} in the site's own time zone setting, whatever Loa believes it to be.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WordPressPost(String title, String content, String excerpt, String status,
		@JsonProperty("date_gmt") String dateGmt) {

	// Always with seconds: LocalDateTime.toString() drops ":00", which WordPress rejects.
	private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	static WordPressPost publishNow(String title, String content, String excerpt) {
		return new WordPressPost(title, content, excerpt, "publish", null);
	}

	/** A {@code future} post: WordPress publishes it at {@code at} by itself. */
	static WordPressPost scheduled(String title, String content, String excerpt, Instant at) {
		return new WordPressPost(title, content, excerpt, "future", gmt(at));
	}

	/** Moves a post to another time: {@code future}, or published when it has come. */
	static WordPressPost movedTo(Instant at, boolean future) {
		return new WordPressPost(null, null, null, future ? "future" : "publish", gmt(at));
	}

	static String gmt(Instant at) {
		return WORDPRESS_DATE.format(LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
	}

}
