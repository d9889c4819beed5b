package vn.loa.plans;

/** How often a task's quota falls due. */
public enum Cadence {

	MONTHLY(1), QUARTERLY(3), YEARLY(12),
	/** "Thường xuyên": ongoing through the year; the quota is the year's. */
	CONTINUOUS(12);

	final int months;

	Cadence(int months) {
		this.months = months;
	}

}
