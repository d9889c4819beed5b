package vn.loa.audience;

import java.time.Instant;

/**
 * A radio station that pulls scripts from Loa.
 *
 * @param id database id
 * @param code the station's short name in URLs ({@code /feeds/radio/{code}.rss})
 * @param name display name
 * @param level province, district or commune
 * @param areaCode hierarchical, dot-separated area code (province.district.commune, e.g.
 * {@code 56.568}); a publication for an area reaches every station at or below it
 * @param wordsPerMinute the station's reading pace for script durations
 * @param createdAt when the account was created
 */
public record Station(long id, String code, String name, StationLevel level, String areaCode, int wordsPerMinute,
		Instant createdAt) {

	/**
	 * Whether a publication targeted at {@code area} reaches this station: a path matches
	 * as a prefix ({@code 56} and {@code 56.568} reach {@code 56.568.22345}); a single
	 * unit code matches at any level, since national unit codes are unique across levels
	 * (content items name their areas by unit code alone).
	 */
	public boolean inArea(String area) {
		if (area == null || area.isEmpty()) {
			return false;
		}
		if (this.areaCode.equals(area) || this.areaCode.startsWith(area + ".")) {
			return true;
		}
		return area.indexOf('.') < 0 && java.util.Arrays.asList(this.areaCode.split("\\.")).contains(area);
	}

}
