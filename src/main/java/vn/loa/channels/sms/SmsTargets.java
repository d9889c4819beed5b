package vn.loa.channels.sms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.loa.audience.Segment;
import vn.loa.audience.SegmentSpec;
import vn.loa.audience.Segments;
import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.ChannelException;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * The targets of the channels that send to subscribers (SMS, ZNS) name a segment:
 * {@code all}, areas and a topic such as {@code area=48.490,48.491;topic=cchc} (areas are
 * administrative unit paths, province.district.commune), or the name of a saved segment
 * ({@code Nha Trang}). A saved segment is read when the publication is dispatched: its
 * job keeps the areas and topic it had then.
 */
@Component
public final class SmsTargets {

	public static final String ALL = "all";

	private final Segments segments;

	SmsTargets(Segments segments) {
		this.segments = segments;
	}

	/**
	 * The segment a target names.
	 * @throws IllegalArgumentException saying what is wrong with it
	 */
	public SegmentSpec segment(String target) {
		if (target != null && !target.isBlank() && !target.contains("=") && !ALL.equalsIgnoreCase(target.strip())) {
			return this.segments.findByName(target)
				.map(Segment::spec)
				.orElseThrow(() -> new IllegalArgumentException("No saved segment is named '" + target.strip()
						+ "': a target is 'all', 'area=…;topic=…' or the name of a saved segment"));
		}
		return parse(target);
	}

	/** Why a publication cannot name the target, or empty (a descriptor's check). */
	public Optional<String> rejection(String target) {
		try {
			segment(target);
			return Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(ex.getMessage());
		}
	}

	/**
	 * The segment of a dispatch; a target that no longer names one (a saved segment
	 * deleted since) fails the dispatch as {@code BAD_TARGET} of {@code provider}.
	 */
	public SegmentSpec segmentOf(ChannelDispatch dispatch, String provider) {
		try {
			return segment(dispatch.target());
		}
		catch (IllegalArgumentException ex) {
			throw new ChannelException(DeliveryStatus.PERMANENT_FAILURE, provider, "BAD_TARGET", ex.getMessage(), ex);
		}
	}

	static SegmentSpec parse(String target) {
		if (target == null || target.isBlank()) {
			throw new IllegalArgumentException(
					"A target names a segment: 'all', 'area=…;topic=…' or the name of a saved segment");
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
				default -> throw new IllegalArgumentException("Unknown target part '" + pair[0] + "'");
			}
		}
		return new SegmentSpec(areas, topic);
	}

}
