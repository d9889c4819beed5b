package vn.loa.inbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import vn.loa.common.Problems;

/**
 * Which conversations to list: by channel, state and age (how long the citizen has been
 * waiting since they last wrote), newest first.
 *
 * @param olderThan only those whose citizen last wrote at least this long ago
 * @param newerThan only those whose citizen last wrote less than this long ago
 */
record InboxFilter(String channel, ConversationState state, Duration olderThan, Duration newerThan, int limit) {

	static final int MAX_LIMIT = 200;

	static InboxFilter of(String channel, String state, String olderThan, String newerThan, Integer limit) {
		return new InboxFilter(blankToNull(channel), state(state), duration("olderThan", olderThan),
				duration("newerThan", newerThan), (limit == null) ? 50 : Math.max(1, Math.min(MAX_LIMIT, limit)));
	}

	private static ConversationState state(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return ConversationState.valueOf(state.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalid("state", "must be OPEN or CLOSED");
		}
	}

	/** {@code 30m}, {@code 24h}, {@code 7d} or ISO-8601 ({@code PT24H}). */
	static Duration duration(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim().toLowerCase(Locale.ROOT);
		try {
			if (text.startsWith("p")) {
				return Duration.parse(text.toUpperCase(Locale.ROOT));
			}
			long amount = Long.parseLong(text.substring(0, text.length() - 1));
			return switch (text.charAt(text.length() - 1)) {
				case 'm' -> Duration.ofMinutes(amount);
				case 'h' -> Duration.ofHours(amount);
				case 'd' -> Duration.ofDays(amount);
				default -> throw new NumberFormatException(text);
			};
		}
		catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException ex) {
			throw Problems.invalid(field, "must be a duration such as 30m, 24h, 7d or PT24H");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
