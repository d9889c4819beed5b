package vn.loa.publishing;

import java.time.Instant;

/** A publication was approved for its time; if that time has come it fires at once. */
public record PublicationScheduled(long publicationId, Instant scheduledAt) {
}
