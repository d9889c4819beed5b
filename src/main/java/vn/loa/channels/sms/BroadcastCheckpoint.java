package vn.loa.channels.sms;

/**
 * Named points of a broadcast batch ({@code claimed}, {@code sent}, {@code recorded}).
 * Production has none; the crash-resume tests register one that throws
 * {@link SimulatedCrash} to stop a worker exactly there, as a dying node would.
 */
@FunctionalInterface
interface BroadcastCheckpoint {

	BroadcastCheckpoint NONE = (point, jobId) -> {
	};

	void reached(String point, long jobId);

	/** A worker stopping dead: it keeps its lease, as a crashed node would. */
	class SimulatedCrash extends RuntimeException {

		SimulatedCrash(String point) {
			super("simulated crash at " + point);
		}

	}

}
