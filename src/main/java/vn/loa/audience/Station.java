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

	/** Whether a publication targeted at {@code area} reaches this station. */
	public boolean inArea(String area) {
		return this.areaCode.equals(area) || this.areaCode.startsWith(area + ".");
	}

}
