package vn.loa.channels.bulk;

import java.time.Duration;

/** How a channel retries the answers its provider documents as safe to retry. */
public interface BulkRetry {

	int maxAttempts();

	/** Delay before attempt {@code attempt + 1}, {@code attempt} counting from 1. */
	Duration backoff(int attempt);

}
