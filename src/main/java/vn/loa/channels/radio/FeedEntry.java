package vn.loa.channels.radio;

import java.time.Instant;

/**
 * One entry of a station's feed: an item or a program sent to the station.
 *
 * @param entryId the entry's id, used in the feed's ids and script links
 * @param deliveryId the delivery log row this entry stands for
 * @param contentId the content item or program id
 * @param kind ITEM or PROGRAM
 * @param title what the console calls it
 * @param script the read-aloud script
 * @param seconds estimated reading time at the station's pace
 * @param publishedAt when it was sent to the station
 */
record FeedEntry(long entryId, Long deliveryId, long contentId, String kind, String title, String script, int seconds,
		Instant publishedAt) {
}
