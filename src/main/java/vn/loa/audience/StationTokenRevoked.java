package vn.loa.audience;

/**
 * A station token was revoked; published inside the revoking transaction.
 *
 * @param station the station's code
 * @param tokenId the revoked token
 */
public record StationTokenRevoked(String station, long tokenId) {
}
