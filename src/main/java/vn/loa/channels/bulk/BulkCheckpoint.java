package vn.loa.channels.bulk;

/**
 * Named points of a bulk batch ({@code written}, {@code claimed}, {@code sent},
 * {@code recorded}). Production has none; the crash-resume tests register one that throws
 * {@link SimulatedCrash} to stop a worker exactly there, as a dying node would.
 */
@FunctionalInterface
public interface BulkCheckpoint {

	BulkCheckpoint NONE = (point, jobId) -> {
	};

	void reached(String point, long jobId);

	/** A worker stopping dead: it keeps its lease, as a crashed node would. */
	class SimulatedCrash extends RuntimeException {

		public SimulatedCrash(String point) {
			super("simulated crash at " + point);
		}

	}

}
