package vn.loa.common;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a {@link LoaStartupException} as Spring Boot's "APPLICATION FAILED TO START".
 */
class LoaStartupFailureAnalyzer extends AbstractFailureAnalyzer<LoaStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LoaStartupException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
