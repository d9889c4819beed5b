package vn.loa.audience;

import java.time.Instant;
import java.util.Set;

/**
 * A citizen who receives SMS announcements.
 *
 * @param id database id
 * @param phone E.164, unique
 * @param areaCode administrative area path (see {@link AreaCodes}), or {@code null}
 * @param topics topic keys followed
 * @param language language tag, {@code vi} unless imported otherwise
 * @param optInSource where the consent came from (an import file, an SMS reply, an
 * officer)
 * @param optedInAt when the consent was recorded
 * @param optedOutAt when the citizen opted out, or {@code null}
 * @param optOutSource how the citizen opted out, or {@code null}
 */
public record Subscriber(long id, String phone, String areaCode, Set<String> topics, String language,
		String optInSource, Instant optedInAt, Instant optedOutAt, String optOutSource) {

	public boolean optedOut() {
		return this.optedOutAt != null;
	}

}
