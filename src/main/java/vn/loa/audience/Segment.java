package vn.loa.audience;

import java.util.List;

/**
 * A saved, named audience: the areas and topic of a {@link SegmentSpec}.
 *
 * @param id database id
 * @param name unique name shown to officers, e.g. "Đà Nẵng – CCHC"
 * @param areaPrefixes area paths; empty means every area
 * @param topic topic key, or {@code null} for every subscriber
 */
public record Segment(long id, String name, List<String> areaPrefixes, String topic) {

	public SegmentSpec spec() {
		return new SegmentSpec(this.areaPrefixes, this.topic);
	}

}
