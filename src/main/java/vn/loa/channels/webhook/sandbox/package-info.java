/**
 * The webhook channel's sandbox receiver under {@code /sandbox/webhook}: it checks
 * signatures as a partner site should, drops repeated delivery ids and records what a
 * partner would have got. Active in sandbox mode only.
 */
package vn.loa.channels.webhook.sandbox;
