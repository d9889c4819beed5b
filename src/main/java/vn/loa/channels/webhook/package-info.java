/**
 * The {@code webhook} channel: posts a versioned JSON payload signed with HMAC-SHA256
 * ({@code X-Loa-Signature}) to each configured endpoint, one delivery row per endpoint,
 * retrying per the endpoint's policy only when a retry cannot cause a duplicate. In
 * sandbox mode a receiver under {@code /sandbox/webhook} verifies signatures and records
 * what it got.
 */
package vn.loa.channels.webhook;
