package vn.loa.channels.radio;

import java.time.Instant;

/**
 * One entry of a station's feed: an item or a program sent to the station.
 *
 * @param deliveryId the delivery row this entry stands for (the station's id for it)
 * @param contentId the content item or program id
 * @param kind ITEM or PROGRAM
 * @param title what the console calls it
 * @param script the read-aloud script
 * @param seconds estimated reading time at the station's pace
 * @param publishedAt when it was sent to the station
 */
record FeedEntry(long deliveryId, long contentId, String kind, String title, String script, int seconds,
		Instant publishedAt) {
}
