package vn.loa.channels.wordpress;

/**
 * The site did not take the request at all (connection refused, 429, 503), so sending it
 * again cannot create a duplicate post.
 */
class WordPressUnavailableException extends RuntimeException {

	private final int httpStatus;

	private final String code;

	WordPressUnavailableException(String message, Throwable cause) {
		super(message, cause);
		this.httpStatus = 0;
		this.code = "unavailable";
	}

	WordPressUnavailableException(int httpStatus, String code, String message) {
		super(message);
		this.httpStatus = httpStatus;
		this.code = code;
	}

	int httpStatus() {
		return this.httpStatus;
	}

	String code() {
		return this.code;
	}

}
