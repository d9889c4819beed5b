package vn.loa.audience;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a broadcast goes to: subscribers in any of the areas (an empty list means every
 * area, including subscribers without one) who follow the topic ({@code null} means every
 * subscriber). Prefixes are canonicalised and prefixes inside another one dropped, so the
 * areas never overlap and nobody is counted twice.
 *
 * @param areaPrefixes area paths such as {@code 48} or {@code 48.490}
 * @param topic topic key, or {@code null}
 */
public record SegmentSpec(List<String> areaPrefixes, String topic) {

	public SegmentSpec {
		areaPrefixes = canonical(areaPrefixes);
		topic = (topic != null) ? Topics.key(topic) : null;
	}

	/** Every subscriber. */
	public static SegmentSpec all() {
		return new SegmentSpec(List.of(), null);
	}

	public static SegmentSpec of(String topic, String... areaPrefixes) {
		return new SegmentSpec(List.of(areaPrefixes), topic);
	}

	private static List<String> canonical(List<String> prefixes) {
		List<String> normalized = new ArrayList<>();
		if (prefixes != null) {
			for (String prefix : prefixes) {
				String path = AreaCodes.normalize(prefix);
				if (path != null && !normalized.contains(path)) {
					normalized.add(path);
				}
			}
		}
		List<String> result = new ArrayList<>();
		for (String path : normalized) {
			boolean covered = normalized.stream()
				.anyMatch((other) -> !other.equals(path) && AreaCodes.contains(other, path));
			if (!covered) {
				result.add(path);
			}
		}
		return List.copyOf(result);
	}

}
