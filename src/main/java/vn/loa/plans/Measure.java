package vn.loa.plans;

/** What a task counts: distinct items published, or minutes a station aired. */
public enum Measure {

	ITEMS, MINUTES

}
