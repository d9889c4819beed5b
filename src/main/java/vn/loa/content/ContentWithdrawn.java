package vn.loa.content;

/**
 * Published when an item is withdrawn: it leaves the portal and its pending publications
 * stop.
 */
public record ContentWithdrawn(long contentId, String actor, String reason) {
}
