package vn.loa.channels.zalo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the OA access token ahead of its expiry. Zalo's refresh token is single-use:
 * two nodes refreshing with the same one would see the second refused and the channel
 * wrongly stopped, so every refresh — the periodic one and the one a sender needs on the
 * spot — runs under one ShedLock lock ({@value #LOCK}) and first re-reads the row, in
 * case another node has just done it.
 * <p>
 * A refusal from Zalo (a non-zero {@code error}) means the refresh token is spent or
 * revoked: the row becomes NEEDS_REAUTHORISATION and nothing is sent until an admin
 * connects the OA again. A transport failure changes nothing: the token is still valid
 * until it expires, and the next check tries again. (If Zalo took the refresh but the
 * answer was lost, the next try is refused; that shows as NEEDS_REAUTHORISATION too.)
 */
@Component
class ZaloTokenRefresher {

	static final String LOCK = "loa-zalo-token-refresh";

	private static final Logger log = LoggerFactory.getLogger(ZaloTokenRefresher.class);

	/**
	 * How long a sender waits for another node's refresh before leaving its work waiting.
	 */
	private static final Duration WAIT_FOR_OTHER_NODE = Duration.ofSeconds(5);

	private final ZaloOaTokens tokens;

	private final ZaloOAuthClient oauth;

	private final LockingTaskExecutor locks;

	private final ZaloProperties properties;

	private final Clock clock;

	ZaloTokenRefresher(ZaloOaTokens tokens, ZaloOAuthClient oauth, LockProvider lockProvider, ZaloProperties properties,
			Clock clock) {
		this.tokens = tokens;
		this.oauth = oauth;
		this.locks = new DefaultLockingTaskExecutor(lockProvider);
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${loa.channels.zalo.refresh-check:1m}",
			initialDelayString = "${loa.channels.zalo.refresh-check:1m}")
	void refreshAhead() {
		if (!this.properties.enabled()) {
			return;
		}
		refreshIfDue();
	}

	/**
	 * Refreshes now if the token is due, waiting a little for another node that holds the
	 * lock. Returns whether this call found the row refreshed or not due.
	 */
	synchronized boolean refreshNow() {
		Instant giveUp = this.clock.instant().plus(WAIT_FOR_OTHER_NODE);
		while (true) {
			if (refreshIfDue()) {
				return true;
			}
			if (this.clock.instant().isAfter(giveUp)) {
				return false;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

	/**
	 * @return true when this node ran the check (refreshed, refused, or nothing due);
	 * false when another node holds the lock
	 */
	boolean refreshIfDue() {
		Instant now = this.clock.instant();
		LockConfiguration lock = new LockConfiguration(now, LOCK, Duration.ofMinutes(2), Duration.ZERO);
		LockingTaskExecutor.TaskResult<Boolean> result;
		try {
			result = this.locks.executeWithLock(() -> {
				refreshUnderLock();
				return Boolean.TRUE;
			}, lock);
		}
		catch (Throwable ex) {
			log.warn("Zalo token refresh failed; it is tried again at the next check", ex);
			return true;
		}
		return result.wasExecuted();
	}

	private void refreshUnderLock() {
		ZaloOaTokens.Row row = this.tokens.read().orElse(null);
		if (row == null || !this.tokens.due(row, this.clock.instant())) {
			return;
		}
		ZaloOAuthClient.TokenPair pair;
		try {
			pair = this.oauth.refresh(row.refreshToken());
		}
		catch (ZaloOAuthClient.Refused refused) {
			String error = "Zalo " + refused.code() + ": " + refused.getMessage();
			log.warn("Zalo refused the OA token refresh ({}); the channel needs an admin to connect the OA again",
					error);
			this.tokens.needsReauthorisation(row.version(), error);
			return;
		}
		if (!this.tokens.refreshed(row.version(), pair)) {
			log.info("The Zalo OA was reconnected during a refresh; the refreshed pair is dropped");
		}
		else {
			log.info("Zalo OA access token refreshed");
		}
	}

}
