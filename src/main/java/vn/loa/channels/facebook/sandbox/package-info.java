/**
 * The Graph-API-compatible Facebook simulator of sandbox mode: Pages' feed, photos,
 * scheduled posts, delete and hide, comment replies, Graph's error bodies and usage
 * headers, injected faults, a citizen commenting (a signed webhook to Loa) and
 * {@code /sandbox/facebook/{page-id}} showing what a Page's followers would see. RestFB
 * is pointed here, so sandbox runs exercise the live code.
 */
package vn.loa.channels.facebook.sandbox;
