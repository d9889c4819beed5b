/**
 * The {@code webhook} channel: posts a versioned JSON payload signed with HMAC-SHA256
 * ({@code X-Loa-Signature}) to each configured endpoint, one delivery row per endpoint,
 * retrying per the endpoint's policy only when a retry cannot cause a duplicate. Every
 * request names its event in {@code X-Loa-Event}; the deliveries an endpoint accepted are
 * remembered per content item, and withdrawing the item sends those endpoints a signed
 * {@code content.withdrawn} notice. In sandbox mode a receiver under
 * {@code /sandbox/webhook} verifies signatures and records what it got.
 */
package vn.loa.channels.webhook;
