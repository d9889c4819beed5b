/**
 * Loa's own public portal: the {@code portal} channel flow stores each published item's
 * rendered, sanitised article (one per item, under its slug) and hides it again when the
 * item is withdrawn; the public pages {@code /portal}, {@code /portal/articles/{slug}}
 * and the ROME-built RSS and Atom feeds read those articles without a login.
 * {@link SafeHtml} is the one HTML policy the web channels share.
 */
package vn.loa.channels.portal;
