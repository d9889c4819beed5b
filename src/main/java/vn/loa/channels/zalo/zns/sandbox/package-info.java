/**
 * The ZNS channel's sandbox: Zalo's ZNS API (template messages, templates, quota) inside
 * Loa with the {@code {error, message, data}} envelope, -118 for a share or list of
 * numbers, signed delayed {@code user_received_message} callbacks, and {@code GET
 * /sandbox/zalo/{phone}}.
 */
@org.springframework.modulith.NamedInterface("zns-sandbox")
package vn.loa.channels.zalo.zns.sandbox;
