package vn.loa.publishing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param scheduledAt when to send (with its offset, e.g.
 * {@code 2026-12-01T08:00:00+07:00}); absent means now
 * @param urgent may go out in quiet hours; only an approver may set it
 * @param options per-channel choices, e.g. {@code "sms.diacritics": "false"}
 * @param unit the code of the unit the publication is for; absent means its creator's
 */
public record PublicationRequest(@NotNull Long contentId, @NotEmpty @Size(max = 50) List<@Valid Target> targets,
		OffsetDateTime scheduledAt, boolean urgent, Map<String, String> options, String unit) {

	public PublicationRequest {
		options = (options != null) ? Map.copyOf(options) : Map.of();
	}

	/** A request for the creator's own unit. */
	public PublicationRequest(Long contentId, List<Target> targets, OffsetDateTime scheduledAt, boolean urgent,
			Map<String, String> options) {
		this(contentId, targets, scheduledAt, urgent, options, null);
	}

}
