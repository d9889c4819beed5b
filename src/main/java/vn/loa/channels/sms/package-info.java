/**
 * The SMS channel through Twilio: the real Twilio SDK behind a client that makes exactly
 * one HTTP request per message, one table from Twilio's errors and callback statuses to
 * delivery statuses, a per-sender pacer and quiet hours, durable broadcast jobs that
 * stream a segment's subscribers in batches into the delivery log, the signed status and
 * inbound webhooks, a Twilio-compatible simulator for sandbox mode, and the
 * {@code broadcast} benchmark.
 */
package vn.loa.channels.sms;
