package vn.loa.channels.zalo;

/**
 * An admin connected the OA (again): the jobs of both Zalo channels that waited for a
 * usable token may go on at once rather than at their next look.
 *
 * @param oaId the Official Account
 */
public record ZaloOaConnected(String oaId) {

}
