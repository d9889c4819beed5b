package vn.loa.channels.bulk;

/**
 * Which pacer a run uses: the channel's own ({@link #CHANNEL}), none (the benchmark's
 * unpaced pipeline), or a given one (the benchmark's paced run).
 */
public record BulkPacing(boolean paced, BulkPacer pacer) {

	public static final BulkPacing CHANNEL = new BulkPacing(true, null);

	public static final BulkPacing NONE = new BulkPacing(false, null);

	public static BulkPacing with(BulkPacer pacer) {
		return new BulkPacing(true, pacer);
	}

	/** The pacer to use, given the channel's own; null when unpaced. */
	public BulkPacer choose(BulkPacer channelPacer) {
		if (!this.paced) {
			return null;
		}
		return (this.pacer != null) ? this.pacer : channelPacer;
	}

}
