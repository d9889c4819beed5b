package vn.loa.audience;

import java.time.Duration;
import java.time.Instant;

/**
 * A citizen who follows (or followed) the province's Zalo Official Account.
 *
 * @param key Loa's number for the follower, the order a follower broadcast streams in
 * @param userId Zalo's id of the user for this OA
 * @param displayName the name Zalo shows, when known
 * @param followed whether the user follows the OA now
 * @param lastInteractionAt when the user last wrote to the OA, followed it or shared
 * information; consultation messages are only allowed within a window after it
 * @param areaCode the area path, when known (from the SMS subscriber with the shared
 * phone)
 * @param phone the phone in E.164, when the user shared it ({@code user_submit_info})
 */
public record ZaloFollower(long key, String userId, String displayName, boolean followed, Instant followedAt,
		Instant unfollowedAt, Instant lastInteractionAt, String areaCode, String phone, Instant updatedAt) {

	/** Whether a consultation message may reach the follower at {@code now}. */
	public boolean insideWindow(Instant now, Duration window) {
		return this.lastInteractionAt != null && !this.lastInteractionAt.isBefore(now.minus(window));
	}

}
