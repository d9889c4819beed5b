package vn.loa.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record Link(@NotBlank @Size(max = 200) String title,
		@NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+",
				message = "must be an http or https URL") String url) {
}
