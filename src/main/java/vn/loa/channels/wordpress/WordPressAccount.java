package vn.loa.channels.wordpress;

import java.util.List;

/** Who a site's credentials belong to, as {@code GET /wp/v2/users/me} says. */
sealed interface WordPressAccount {

	/**
	 * The site knows the account.
	 *
	 * @param publish whether it may publish posts ({@code capabilities.publish_posts})
	 */
	record Known(String username, List<String> roles, boolean publish) implements WordPressAccount {
	}

	/**
	 * The site refused (401 {@code rest_not_logged_in} for a wrong application password)
	 * or could not be reached ({@code httpStatus} 0).
	 */
	record Refused(int httpStatus, String code, String message) implements WordPressAccount {
	}

}
