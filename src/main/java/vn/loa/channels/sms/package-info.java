/**
 * The SMS channel through Twilio: the real Twilio SDK behind a client that makes exactly
 * one HTTP request per message, one table from Twilio's errors and callback statuses to
 * delivery statuses, a per-sender pacer and quiet hours, the SMS broadcast as a bulk
 * channel, the signed status and inbound webhooks. Broadcasts run on the shared bulk
 * machinery ({@code vn.loa.channels.bulk}); the Twilio simulator is in {@code sandbox};
 * the {@code broadcast} benchmark is in {@code vn.loa.bench}.
 */
@org.springframework.modulith.NamedInterface("sms")
package vn.loa.channels.sms;
