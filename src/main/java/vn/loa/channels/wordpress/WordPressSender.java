package vn.loa.channels.wordpress;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Talks to one configured site at a time: resolves the site and its API root (found once
 * and kept; looked up again when the site answers a page instead of the API), creates or
 * updates a post and retries only what {@link WordPressClient} declares safe to retry.
 * Also moves a post to the trash, with one retry, since trashing twice does no harm, and
 * asks who the credentials belong to.
 */
@Component
class WordPressSender {

	private final WordPressSites sites;

	private final WordPressClient client;

	private final RetryTemplate retry;

	private final RetryTemplate trashRetry;

	private final Map<String, String> apiRoots = new ConcurrentHashMap<>();

	WordPressSender(WordPressProperties properties, WordPressSites sites, JsonMapper jsonMapper) {
		this.sites = sites;
		this.client = new WordPressClient(jsonMapper, properties.connectTimeout(), properties.readTimeout());
		int maxAttempts = Math.max(1, properties.retry().maxAttempts());
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(maxAttempts - 1)
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

	/** What happened, and after how many calls to the site. */
	record Sent(WordPressResult result, int attempts) {
	}

	/**
	 * Creates the post, or updates post {@code existing} when given; an existing post the
	 * site no longer has (404 {@code rest_post_invalid_id}) is created anew.
	 */
	Sent publish(String siteName, WordPressPost post, Long existing) {
		return write(siteName, post, existing, true);
	}

	/** Updates post {@code postId} only; one the site no longer has stays gone. */
	Sent update(String siteName, long postId, WordPressPost post) {
		return write(siteName, post, postId, false);
	}

	private Sent write(String siteName, WordPressPost post, Long existing, boolean createIfGone) {
		int[] attempts = { 0 };
		Optional<WordPressResult> refused = check(siteName);
		if (refused.isPresent()) {
			return new Sent(refused.get(), 0);
		}
		WordPressProperties.Site site = this.sites.site(siteName).orElseThrow();
		String username = this.sites.username(site);
		String password = this.sites.password(site).orElseThrow();
		try {
			WordPressResult result = this.retry.execute(() -> {
				attempts[0]++;
				return withApiRoot(site,
						(root) -> (existing != null) ? this.client.updatePost(root, username, password, existing, post)
								: this.client.createPost(root, username, password, post));
			});
			if (createIfGone && existing != null && result instanceof WordPressResult.Rejected rejected
					&& rejected.httpStatus() == 404 && "rest_post_invalid_id".equals(rejected.code())) {
				Sent created = publish(siteName, post, null);
				return new Sent(created.result(), attempts[0] + created.attempts());
			}
			return new Sent(result, attempts[0]);
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			if (last instanceof WordPressUnavailableException unavailable) {
				return new Sent(new WordPressResult.Unavailable(unavailable.httpStatus(), unavailable.code(),
						unavailable.getMessage()), attempts[0]);
			}
			return new Sent(new WordPressResult.Failed(0, "unavailable",
					(last != null) ? String.valueOf(last.getMessage()) : ex.getMessage()), attempts[0]);
		}
	}

	/** Moves post {@code postId} on the configured site to the trash. */
	WordPressTrashResult trash(String siteName, long postId) {
		Optional<WordPressResult> refused = check(siteName);
		if (refused.isPresent()) {
			WordPressResult.Rejected rejected = (WordPressResult.Rejected) refused.get();
			return new WordPressTrashResult.Failed(0, rejected.code(), rejected.message(), false);
		}
		WordPressProperties.Site site = this.sites.site(siteName).orElseThrow();
		String username = this.sites.username(site);
		String password = this.sites.password(site).orElseThrow();
		try {
			return this.trashRetry.execute(() -> {
				WordPressTrashResult result;
				try {
					result = withApiRoot(site, (root) -> this.client.trash(root, username, password, postId));
				}
				catch (WordPressUnavailableException ex) {
					result = new WordPressTrashResult.Failed(ex.httpStatus(), ex.code(), ex.getMessage(), true);
				}
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

	/** Who the site's credentials belong to. */
	WordPressAccount account(String siteName) {
		Optional<WordPressResult> refused = check(siteName);
		if (refused.isPresent()) {
			WordPressResult.Rejected rejected = (WordPressResult.Rejected) refused.get();
			return new WordPressAccount.Refused(0, rejected.code(), rejected.message());
		}
		WordPressProperties.Site site = this.sites.site(siteName).orElseThrow();
		try {
			return withApiRoot(site,
					(root) -> this.client.me(root, this.sites.username(site), this.sites.password(site).orElseThrow()));
		}
		catch (WordPressUnavailableException ex) {
			return new WordPressAccount.Refused(ex.httpStatus(), "no_api", ex.getMessage());
		}
	}

	/** The API root in use for the site, looking it up if it is not known yet. */
	String apiRoot(String siteName) {
		WordPressProperties.Site site = this.sites.site(siteName).orElseThrow();
		return apiRoot(site, false);
	}

	private Optional<WordPressResult> check(String siteName) {
		Optional<WordPressProperties.Site> site = this.sites.site(siteName);
		if (site.isEmpty()) {
			return Optional.of(new WordPressResult.Rejected(0, "unknown_site",
					"No WordPress site named " + siteName + " in channels/wordpress.yml"));
		}
		if (this.sites.password(site.get()).isEmpty()) {
			return Optional.of(new WordPressResult.Rejected(0, "missing_credentials",
					"Environment variable " + site.get().passwordEnv() + " is not set"));
		}
		return Optional.empty();
	}

	/**
	 * Calls the site under its API root; when the site answers a page instead (its
	 * permalinks changed), the root is looked up again and the call repeated once.
	 */
	private <T> T withApiRoot(WordPressProperties.Site site, Function<String, T> call) {
		try {
			return call.apply(apiRoot(site, false));
		}
		catch (WordPressApiMissingException ex) {
			if (this.sites.configuredApiRoot(site).isPresent()) {
				throw new WordPressUnavailableException(0, "no_api",
						"The api-root configured for WordPress site " + site.name() + " answers a page, not the API");
			}
			try {
				return call.apply(apiRoot(site, true));
			}
			catch (WordPressApiMissingException again) {
				throw new WordPressUnavailableException(0, "no_api",
						"WordPress site " + site.name() + " answers a page, not the REST API");
			}
		}
	}

	private String apiRoot(WordPressProperties.Site site, boolean again) {
		Optional<String> configured = this.sites.configuredApiRoot(site);
		if (configured.isPresent()) {
			return configured.get();
		}
		String baseUrl = this.sites.baseUrl(site);
		if (again) {
			this.apiRoots.remove(site.name());
		}
		return this.apiRoots.computeIfAbsent(site.name(), (name) -> this.client.discoverApiRoot(baseUrl));
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
