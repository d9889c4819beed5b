package vn.loa.audience;

/**
 * One number of a broadcast. Opted-out subscribers are returned too, flagged, so that the
 * sender records them as skipped instead of silently dropping them.
 *
 * @param subscriberId keyset cursor for the next batch
 * @param phone E.164
 * @param areaCode area path, or {@code null}
 * @param language language tag, e.g. {@code vi}
 * @param optedOut whether the citizen asked not to receive broadcasts
 */
public record Recipient(long subscriberId, String phone, String areaCode, String language, boolean optedOut) {
}
