/**
 * Zalo: the OA channel (consultation messages to followers, OA articles), the ZNS channel
 * (template messages to phone numbers with SMS fallback), the OA token pair, the signed
 * webhook and the sandbox simulator of Zalo's OAuth, OA and ZNS endpoints.
 */
package vn.loa.channels.zalo;
