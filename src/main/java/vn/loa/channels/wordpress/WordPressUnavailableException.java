package vn.loa.channels.wordpress;

/**
 * The site did not take the request at all (connection refused, 429, 503), so sending it
 * again cannot create a duplicate post.
 */
class WordPressUnavailableException extends RuntimeException {

	WordPressUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
