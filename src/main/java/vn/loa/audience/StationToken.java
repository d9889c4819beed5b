package vn.loa.audience;

import java.time.Instant;

/**
 * An API token of a station as listed to admins: never the token itself.
 *
 * @param id token id (to revoke it)
 * @param prefix the first characters of the token, so admins can tell tokens apart
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked, or {@code null}
 */
public record StationToken(long id, String prefix, Instant createdAt, Instant revokedAt) {
}
