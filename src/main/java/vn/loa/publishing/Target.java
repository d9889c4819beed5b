package vn.loa.publishing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A channel and, optionally, one of its targets; without one the channel's defaults
 * apply.
 */
public record Target(@NotBlank @Size(max = 40) String channel, @Size(max = 200) String target) {
}
