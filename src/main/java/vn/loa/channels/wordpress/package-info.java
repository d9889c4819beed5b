/**
 * The {@code wordpress} channel: posts published items to WordPress sites through the
 * REST API with application passwords, one delivery row per site with the post id and
 * link, WordPress's own error codes and messages on failures, and retries only where no
 * post can have been created. The posts are remembered per content item, and withdrawing
 * the item moves them to the sites' trash. In sandbox mode a WordPress-compatible
 * simulator under {@code /sandbox/wordpress} stands in for the sites.
 */
package vn.loa.channels.wordpress;
