package vn.loa.channels.wordpress;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends one article to one configured site: resolves the site, builds the post (scheduled
 * with {@code status=future} when its time is still ahead) and retries only what
 * {@link WordPressClient} declares safe to retry. Also moves a post to the trash again,
 * with one retry, since trashing twice does no harm.
 */
@Component
class WordPressSender {

	/** Closer than this to now, a post is simply published. */
	private static final Duration SCHEDULE_THRESHOLD = Duration.ofMinutes(1);

	private final WordPressSites sites;

	private final WordPressClient client;

	private final RetryTemplate retry;

	private final RetryTemplate trashRetry;

	private final int maxAttempts;

	WordPressSender(WordPressProperties properties, WordPressSites sites, JsonMapper jsonMapper) {
		this.sites = sites;
		this.client = new WordPressClient(jsonMapper, properties.connectTimeout(), properties.readTimeout());
		this.maxAttempts = Math.max(1, properties.retry().maxAttempts());
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(this.maxAttempts - 1)
			.delay(properties.retry().delay())
			.multiplier(2)
			.includes(WordPressUnavailableException.class)
			.build());
		this.trashRetry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(1)
			.delay(properties.retry().delay())
			.includes(RetryableTrash.class)
			.build());
	}

	/** What happened, and after how many attempts. */
	record Sent(WordPressResult result, int attempts) {
	}

	Sent send(String siteName, String title, String html, String excerpt, Instant scheduledAt, Instant now) {
		Optional<WordPressProperties.Site> site = this.sites.site(siteName);
		if (site.isEmpty()) {
			return new Sent(new WordPressResult.Rejected(0, "unknown_site", "No WordPress site named " + siteName), 0);
		}
		Optional<String> password = this.sites.password(site.get());
		if (password.isEmpty()) {
			return new Sent(new WordPressResult.Rejected(0, "missing_credentials",
					"Environment variable " + site.get().passwordEnv() + " is not set"), 0);
		}
		WordPressPost post = (scheduledAt != null && scheduledAt.isAfter(now.plus(SCHEDULE_THRESHOLD)))
				? WordPressPost.scheduled(title, html, excerpt, scheduledAt, site.get().timeZone())
				: WordPressPost.publishNow(title, html, excerpt);
		String baseUrl = this.sites.baseUrl(site.get());
		String username = this.sites.username(site.get());
		int[] attempts = { 0 };
		try {
			WordPressResult result = this.retry.execute(() -> {
				attempts[0]++;
				return this.client.createPost(baseUrl, username, password.get(), post);
			});
			return new Sent(result, attempts[0]);
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			return new Sent(
					new WordPressResult.Failed(0, "unavailable", (last != null) ? last.getMessage() : ex.getMessage()),
					attempts[0]);
		}
	}

	/** Moves post {@code postId} on the configured site to the trash. */
	WordPressTrashResult trash(String siteName, long postId) {
		Optional<WordPressProperties.Site> site = this.sites.site(siteName);
		if (site.isEmpty()) {
			return new WordPressTrashResult.Failed(0, "unknown_site",
					"No WordPress site named " + siteName + " in channels/wordpress.yml", false);
		}
		Optional<String> password = this.sites.password(site.get());
		if (password.isEmpty()) {
			return new WordPressTrashResult.Failed(0, "missing_credentials",
					"Environment variable " + site.get().passwordEnv() + " is not set", false);
		}
		String baseUrl = this.sites.baseUrl(site.get());
		String username = this.sites.username(site.get());
		try {
			return this.trashRetry.execute(() -> {
				WordPressTrashResult result = this.client.trash(baseUrl, username, password.get(), postId);
				if (result instanceof WordPressTrashResult.Failed failed && failed.retryable()) {
					throw new RetryableTrash(failed);
				}
				return result;
			});
		}
		catch (RetryException ex) {
			if (ex.getLastException() instanceof RetryableTrash last) {
				return last.failed;
			}
			return new WordPressTrashResult.Failed(0, "unavailable", ex.getMessage(), false);
		}
	}

	/** Carries a retryable answer through the retry template. */
	private static final class RetryableTrash extends RuntimeException {

		private final transient WordPressTrashResult.Failed failed;

		RetryableTrash(WordPressTrashResult.Failed failed) {
			super(failed.code() + ": " + failed.message(), null, false, false);
			this.failed = failed;
		}

	}

}
