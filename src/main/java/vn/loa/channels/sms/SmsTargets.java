package vn.loa.channels.sms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import vn.loa.audience.SegmentSpec;

/**
 * The SMS channel's targets name a segment of subscribers: {@code all}, or areas and a
 * topic such as {@code area=48.490,48.491;topic=cchc} (areas are administrative unit
 * paths, province.district.commune).
 */
public final class SmsTargets {

	public static final String ALL = "all";

	private SmsTargets() {
	}

	public static SegmentSpec parse(String target) {
		if (target == null || target.isBlank()) {
			throw new IllegalArgumentException("An SMS target names a segment: 'all' or 'area=…;topic=…'");
		}
		String value = target.strip();
		if (ALL.equalsIgnoreCase(value)) {
			return SegmentSpec.all();
		}
		List<String> areas = new ArrayList<>();
		String topic = null;
		for (String part : value.split(";")) {
			String[] pair = part.split("=", 2);
			if (pair.length != 2 || pair[1].isBlank()) {
				throw new IllegalArgumentException("'" + part + "' is not 'area=…' or 'topic=…'");
			}
			switch (pair[0].strip().toLowerCase(Locale.ROOT)) {
				case "area" -> Arrays.stream(pair[1].split(",")).map(String::strip).forEach(areas::add);
				case "topic" -> topic = pair[1].strip();
				default -> throw new IllegalArgumentException("Unknown SMS target part '" + pair[0] + "'");
			}
		}
		return new SegmentSpec(areas, topic);
	}

}
