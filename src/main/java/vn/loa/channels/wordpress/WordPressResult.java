package vn.loa.channels.wordpress;

/**
 * What one {@code POST /wp/v2/posts} (or {@code /posts/{id}}) achieved. Failures that are
 * safe to try again are not results but {@link WordPressUnavailableException}s, so the
 * retry sees them and nothing else; when the retries are used up they become
 * {@link Unavailable}.
 */
sealed interface WordPressResult {

	/** The HTTP status WordPress answered; 0 when it did not answer. */
	int httpStatus();

	/** WordPress answered 201 (created) or 200 (updated) with the post. */
	record Created(int httpStatus, long id, String link, String status) implements WordPressResult {

		Created(long id, String link, String status) {
			this(201, id, link, status);
		}

	}

	/**
	 * WordPress refused the post (4xx: 401 {@code rest_cannot_create} for a wrong
	 * application password, 403 {@code rest_cannot_publish} for an account without the
	 * right); sending it again would not help.
	 */
	record Rejected(int httpStatus, String code, String message) implements WordPressResult {
	}

	/**
	 * The site failed in a way that may or may not have created the post (5xx, timeout
	 * after sending); retrying could publish it twice, so an officer has to look.
	 */
	record Failed(int httpStatus, String code, String message) implements WordPressResult {
	}

	/**
	 * The site did not take the request, every attempt (connection refused, 429, 503):
	 * nothing was created, so it may be sent again later.
	 */
	record Unavailable(int httpStatus, String code, String message) implements WordPressResult {
	}

}
