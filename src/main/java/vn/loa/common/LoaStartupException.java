package vn.loa.common;

/**
 * A setting Loa cannot start without, or one it refuses. Start-up reports it as what is
 * wrong and what to do about it (see {@code LoaStartupFailureAnalyzer}) instead of a
 * stack trace an operator has to read from the bottom.
 */
public class LoaStartupException extends RuntimeException {

	private final String action;

	public LoaStartupException(String problem, String action) {
		super(problem);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
