package vn.loa.content;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an officer writes; every save of a draft becomes a new immutable version. */
public record ContentDraft(@NotBlank @Size(max = 300) String title, @Size(max = 1000) String summary,
		@NotBlank @Size(max = ContentDraft.MAX_BODY_CHARS) String body,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9-]+",
				message = "must be a topic code of lower-case letters, digits and hyphens") String topic,
		@NotNull @Size(max = 10) List<Audience> audiences,
		@NotNull @Size(max = 100) List<@Pattern(regexp = "\\d{2,5}",
				message = "must be an administrative unit code of 2 to 5 digits") String> areas,
		@Size(max = 20) List<@Valid Link> links, @Size(max = 20) List<String> imageFiles) {

	public static final int MAX_BODY_CHARS = 100_000;

	public ContentDraft {
		summary = (summary != null) ? summary : "";
		audiences = (audiences != null) ? List.copyOf(audiences) : List.of();
		areas = (areas != null) ? List.copyOf(areas) : List.of();
		links = (links != null) ? List.copyOf(links) : List.of();
		imageFiles = (imageFiles != null) ? List.copyOf(imageFiles) : List.of();
	}

}
