package vn.loa.units;

/** What an organisational unit is; a plan's reports group and label units by it. */
public enum UnitKind {

	/** Ủy ban nhân dân tỉnh: the province's People's Committee. */
	PEOPLES_COMMITTEE,
	/** A department (Sở) or an office of the committee. */
	DEPARTMENT,
	/** The provincial radio and television station. */
	BROADCASTER,
	/** The provincial newspaper. */
	NEWSPAPER,
	/** A district, town or city under the province. */
	DISTRICT,
	/** A commune, ward or township. */
	COMMUNE,
	/** Anything else a plan names (the post office, a school, a union). */
	OTHER

}
