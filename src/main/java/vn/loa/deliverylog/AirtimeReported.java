package vn.loa.deliverylog;

import java.time.Instant;

/**
 * A station reported that it aired an item it got through the log: published once per
 * airing (a re-broadcast is air time too; the same report retried is not published
 * again), inside the transaction that recorded it, so a listener's own record of it
 * commits or rolls back with the airing.
 *
 * @param deliveryId the delivery row of the item at that station, or null for an item
 * matched by content alone
 * @param station the station's code (the delivery target)
 * @param contentId the content item aired
 * @param airedAt when it went on air
 * @param seconds the air time the station reported, else the script's reading time
 */
public record AirtimeReported(Long deliveryId, String station, long contentId, Instant airedAt, int seconds) {
}
