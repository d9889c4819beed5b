/**
 * The ZNS channel ({@code zalo-zns}): approved Zalo template messages to subscribers'
 * phone numbers, one bulk job per broadcast on the shared bulk machinery, with the SMS
 * rendition as fallback for numbers ZNS cannot reach. A small typed client over
 * {@code RestClient}, one table from Zalo's codes to delivery statuses and fallback, the
 * template mapping ({@code templates/zalo-zns/<name>.yml}) checked against the synced
 * templates at preview, the daily quota, and receipts ({@code ZnsReceipt}) to DELIVERED.
 */
@org.springframework.modulith.NamedInterface("zns")
package vn.loa.channels.zalo.zns;
