package vn.loa.channels.radio;

import java.util.List;
import java.util.Optional;

import vn.loa.audience.Station;
import vn.loa.audience.Stations;
import vn.loa.content.ContentVersion;

/**
 * What a radio target names: one station by code, the stations of an area
 * ({@code area:56}, {@code area:56.568}), the stations of the content item's own areas
 * ({@code areas}, the default) or every station ({@code all}).
 */
final class RadioTargets {

	static final String CONTENT_AREAS = "areas";

	static final String ALL = "all";

	static final String AREA = "area:";

	private RadioTargets() {
	}

	static Optional<String> reject(String target, Stations stations) {
		if (CONTENT_AREAS.equals(target) || ALL.equals(target)) {
			return Optional.empty();
		}
		if (target.startsWith(AREA)) {
			return (target.length() > AREA.length()) ? Optional.empty()
					: Optional.of("an area target needs a unit code, e.g. area:56");
		}
		return stations.findByCode(target).isPresent() ? Optional.empty()
				: Optional.of("no radio station with code '" + target + "'");
	}

	static List<Station> resolve(String target, ContentVersion content, Stations stations) {
		if (ALL.equals(target)) {
			return stations.list();
		}
		if (CONTENT_AREAS.equals(target)) {
			return stations.targeted(List.of(), content.areas());
		}
		if (target.startsWith(AREA)) {
			return stations.targeted(List.of(), List.of(target.substring(AREA.length())));
		}
		return stations.findByCode(target).map(List::of).orElse(List.of());
	}

}
