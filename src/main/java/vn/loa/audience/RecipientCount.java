package vn.loa.audience;

/**
 * Size of a segment.
 *
 * @param total subscribers in the segment
 * @param optedOut of which opted out (they will be logged as skipped)
 */
public record RecipientCount(long total, long optedOut) {

	/** Numbers a broadcast will actually send to. */
	public long reachable() {
		return this.total - this.optedOut;
	}

}
