package vn.loa.channels;

import java.time.Instant;

/**
 * A publication's time was moved, or the publication was cancelled, after it may have
 * been handed to providers that schedule themselves (see
 * {@link ChannelDescriptor#providerSchedules()}). Published after the change is
 * committed; a channel brings what it handed over into step (moves or trashes a WordPress
 * {@code future} post).
 *
 * @param scheduledAt the new time; null when the publication was cancelled
 */
public record ScheduleChange(long publicationId, long contentId, Instant scheduledAt) {

	public static ScheduleChange moved(long publicationId, long contentId, Instant scheduledAt) {
		return new ScheduleChange(publicationId, contentId, scheduledAt);
	}

	public static ScheduleChange cancelled(long publicationId, long contentId) {
		return new ScheduleChange(publicationId, contentId, null);
	}

	public boolean isCancelled() {
		return this.scheduledAt == null;
	}

}
