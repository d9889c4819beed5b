package vn.loa.channels.wordpress;

/**
 * The site answered a page where the REST API should have answered: the API root Loa used
 * is not (or no longer) the site's, e.g. {@code /wp-json/} on a site with plain
 * permalinks. WordPress served a page, so nothing was created; the root is looked up
 * again and the request repeated once.
 */
class WordPressApiMissingException extends RuntimeException {

	WordPressApiMissingException() {
		super("The site answered a page instead of the WordPress REST API", null, false, false);
	}

}
