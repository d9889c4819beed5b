package vn.loa.channels.wordpress;

/**
 * What one {@code POST /wp/v2/posts} achieved. Failures that are safe to try again are
 * not results but {@link WordPressUnavailableException}s, so the endpoint's retry advice
 * sees them and nothing else.
 */
sealed interface WordPressResult {

	/** WordPress answered 201 with the new post. */
	record Created(long id, String link, String status) implements WordPressResult {
	}

	/**
	 * WordPress refused the post (4xx, e.g. {@code incorrect_password},
	 * {@code rest_cannot_create}); sending it again would not help.
	 */
	record Rejected(int httpStatus, String code, String message) implements WordPressResult {
	}

	/**
	 * The site failed in a way that may or may not have created the post (5xx, timeout
	 * after sending); retrying could publish it twice, so an officer has to look.
	 */
	record Failed(int httpStatus, String code, String message) implements WordPressResult {
	}

}
