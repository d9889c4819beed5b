package vn.loa.audience;

/** Where a radio station sits in the administrative hierarchy. */
public enum StationLevel {

	/** Provincial radio and television station. */
	PROVINCE,

	/** District radio station. */
	DISTRICT,

	/** Commune loudspeaker station (Đài truyền thanh cơ sở). */
	COMMUNE

}
