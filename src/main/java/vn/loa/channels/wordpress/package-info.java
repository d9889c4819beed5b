/**
 * The {@code wordpress} channel: posts published items to WordPress sites through the
 * REST API with application passwords, one delivery row per site with the post id and
 * link, WordPress's own error codes and messages on failures, and retries only where no
 * post can have been created. In sandbox mode a WordPress-compatible simulator under
 * {@code /sandbox/wordpress} stands in for the sites.
 */
package vn.loa.channels.wordpress;
