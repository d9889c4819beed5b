package vn.loa.channels.facebook;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers Pages and replaces their tokens. A paused Page that gets a new token is
 * active again, and its waiting posts are due at once (the retry sweep sends them).
 */
@Service
class FacebookPageRegistry {

	private static final Logger log = LoggerFactory.getLogger(FacebookPageRegistry.class);

	private final FacebookPages pages;

	private final FacebookPosts posts;

	private final Clock clock;

	FacebookPageRegistry(FacebookPages pages, FacebookPosts posts, Clock clock) {
		this.pages = pages;
		this.posts = posts;
		this.clock = clock;
	}

	@Transactional
	FacebookPages.Page register(String pageId, String name, String areaCode, String token, String actor) {
		boolean wasPaused = this.pages.register(pageId, name, areaCode, token, actor);
		log.info("{} registered Facebook Page {} ({}) with a new token", actor, pageId, name);
		if (wasPaused) {
			int woken = this.posts.wake(pageId, this.clock.instant());
			log.info("Facebook Page {} is active again; {} waiting post(s) are due", pageId, woken);
		}
		return this.pages.find(pageId).orElseThrow();
	}

}
