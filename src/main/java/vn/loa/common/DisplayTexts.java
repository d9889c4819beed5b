package vn.loa.common;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the console and the portal show for Loa's own codes, called from the views as
 * {@code @texts}: statuses, skip and error codes, topics, metrics and audit details in
 * the reader's language, from {@code messages.properties} /
 * {@code messages_en.properties}. An unknown status or code is shown as it is, so nothing
 * disappears; a provider's own error message is shown as the provider wrote it.
 */
@Component("texts")
public class DisplayTexts {

	private static final Pattern VERSION = Pattern.compile("version (\\d+)");

	private static final Pattern DISPATCHES = Pattern.compile("(\\d+) dispatch\\(es\\)");

	private static final Pattern PUBLICATION_CREATED = Pattern.compile("content (\\d+) v(\\d+) at (\\S+)");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(LoaClock.ZONE);

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final MessageSource messages;

	public DisplayTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** A text, or a message to resolve (e.g. a translated problem detail). */
	public String text(Object value) {
		if (value instanceof MessageSourceResolvable resolvable) {
			return this.messages.getMessage(resolvable, locale());
		}
		return (value != null) ? value.toString() : "";
	}

	/** A delivery status (SENT, SKIPPED …). */
	public String status(Object status) {
		return message("status." + status, status);
	}

	/** A content item's review state. */
	public String state(Object state) {
		return message("state." + state, state);
	}

	/** A publication's state. */
	public String publicationState(Object state) {
		return message("pubstate." + state, state);
	}

	/** A topic's display name: {@code cai-cach-hanh-chinh} → Cải cách hành chính. */
	public String topic(String topic) {
		if (topic == null || topic.isBlank()) {
			return "";
		}
		return message("topic." + topic, topic);
	}

	/**
	 * A topic's Vietnamese name, for the public portal, which is Vietnamese whatever the
	 * reader's cookie says.
	 */
	public String vietnameseTopic(String topic) {
		if (topic == null || topic.isBlank()) {
			return "";
		}
		return this.messages.getMessage("topic." + topic, null, topic, VIETNAMESE);
	}

	/** A rendition metric's label ({@code wordsPerMinute} → Tốc độ đọc). */
	public String metric(String key) {
		return message("metric." + key, key);
	}

	/** A rendition metric's value, where the value is itself a code (GSM_7, UCS_2). */
	public String metricValue(String key, Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof java.util.Collection<?> values) {
			return values.stream().map(this::metricItem).collect(java.util.stream.Collectors.joining("; "));
		}
		return message("metric." + key + "." + value, value);
	}

	/**
	 * One element of a list metric, e.g. a template parameter {name, value, length,
	 * maxLength}.
	 */
	private String metricItem(Object item) {
		if (item instanceof java.util.Map<?, ?> map && map.containsKey("name") && map.containsKey("value")) {
			Object length = map.get("length");
			Object max = map.get("maxLength");
			String code = (length == null) ? "metric.param"
					: (max == null) ? "metric.param.length" : "metric.param.max";
			return this.messages.getMessage(code,
					new Object[] { map.get("name"), map.get("value"), String.valueOf(length), String.valueOf(max) },
					locale());
		}
		return String.valueOf(item);
	}

	/**
	 * A delivery row's error: Loa's own codes (NO_STATION, OPTED_OUT, OUTCOME_UNKNOWN …)
	 * in the reader's language; a provider's code with the provider's own message.
	 */
	public String deliveryError(String code, String message) {
		if (code == null && message == null) {
			return "";
		}
		if (code != null) {
			String own = this.messages.getMessage("deliveryError." + code, null, null, locale());
			if (own != null) {
				return own;
			}
		}
		if (code == null) {
			return message;
		}
		return (message != null && !message.isBlank()) ? code + ": " + message : code;
	}

	/**
	 * An audit entry's detail: Loa's own notes translated, an officer's reason as
	 * written.
	 */
	public String auditDetail(String detail) {
		if (detail == null || detail.isBlank()) {
			return "";
		}
		Matcher version = VERSION.matcher(detail);
		if (version.matches()) {
			return this.messages.getMessage("audit.detail.version", new Object[] { version.group(1) }, locale());
		}
		Matcher dispatches = DISPATCHES.matcher(detail);
		if (dispatches.matches()) {
			return this.messages.getMessage("audit.detail.dispatches", new Object[] { dispatches.group(1) }, locale());
		}
		Matcher created = PUBLICATION_CREATED.matcher(detail);
		if (created.matches()) {
			return this.messages.getMessage("audit.detail.publicationCreated",
					new Object[] { created.group(1), created.group(2), time(created.group(3)) }, locale());
		}
		return switch (detail) {
			case "approved by its creator, an approver" ->
				this.messages.getMessage("audit.detail.approvedByCreator", null, locale());
			case "content withdrawn" -> this.messages.getMessage("audit.detail.contentWithdrawn", null, locale());
			default -> detail;
		};
	}

	private static String time(String instant) {
		try {
			return TIME.format(Instant.parse(instant));
		}
		catch (DateTimeParseException ex) {
			return instant;
		}
	}

	private String message(String code, Object fallback) {
		return this.messages.getMessage(code, null, String.valueOf(fallback), locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
