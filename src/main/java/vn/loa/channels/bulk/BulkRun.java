package vn.loa.channels.bulk;

/**
 * What a channel's {@link BulkChannel#send} needs of the run it is part of: the node's
 * stop signal and the pacing chosen for the run.
 */
public record BulkRun(BulkStop stop, BulkPacing pacing) {

	/**
	 * Waits for the sender's pacing slot (if the run is paced).
	 * @return false when the node is stopping: the row must be handed back unsent
	 */
	public boolean pace(BulkPacer channelPacer, String sender, int units) throws InterruptedException {
		BulkPacer pacer = this.pacing.choose(channelPacer);
		if (pacer == null) {
			return !this.stop.requested();
		}
		return pacer.acquire(sender, units, this.stop);
	}

	public boolean stopping() {
		return this.stop.requested();
	}

}
