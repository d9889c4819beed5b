package vn.loa.channels.wordpress;

/**
 * What one {@code DELETE /wp/v2/posts/{id}} (without {@code force}) achieved.
 */
sealed interface WordPressTrashResult {

	/** Whether the post is off the site now, whoever took it off. */
	default boolean done() {
		return !(this instanceof Failed);
	}

	/**
	 * WordPress answered 200 with the post, now {@code "status":"trash"}, and its new
	 * link ({@code ?p=<id>}: a trashed post loses its pretty one).
	 */
	record Trashed(long id, String status, String link) implements WordPressTrashResult {
	}

	/**
	 * WordPress answered that the post is gone already: 410
	 * ({@code rest_already_trashed}) or 404 {@code rest_post_invalid_id}.
	 */
	record Gone(int httpStatus, String code) implements WordPressTrashResult {
	}

	/**
	 * The post is still there as far as Loa knows (e.g. 401 {@code rest_cannot_delete}
	 * for a wrong application password, 403 for an account without the right, 500).
	 *
	 * @param retryable nothing can have gone wrong by asking again (connection refused,
	 * 5xx): trashing a post twice has the effect of trashing it once
	 */
	record Failed(int httpStatus, String code, String message, boolean retryable) implements WordPressTrashResult {
	}

}
