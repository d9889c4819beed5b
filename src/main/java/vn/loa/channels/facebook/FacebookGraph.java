package vn.loa.channels.facebook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.restfb.DebugHeaderInfo;
import com.restfb.DefaultFacebookClient;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookNetworkException;
import com.restfb.types.GraphResponse;
import com.restfb.types.Post;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one narrow client of the channel: RestFB's {@link DefaultFacebookClient} made per
 * call with the Page's token and the app secret, so every request carries
 * {@code appsecret_proof}, at the pinned Graph version. RestFB makes exactly one request
 * per call and never retries; refusals come out as {@link GraphRefusal}s classified by
 * {@link FacebookStatusTable}, with what the usage headers say about waiting.
 */
@Component
class FacebookGraph {

	/**
	 * When the usage headers report a budget used up without an estimate, Loa keeps away
	 * this long (Graph's windows are rolling hours).
	 */
	static final Duration USAGE_FULL_PAUSE = Duration.ofMinutes(10);

	private final FacebookProperties properties;

	private final FacebookApp app;

	private final Environment environment;

	private final Version version;

	FacebookGraph(FacebookProperties properties, FacebookApp app, Environment environment) {
		this.properties = properties;
		this.app = app;
		this.environment = environment;
		this.version = Version.getVersionFromString(properties.graphVersion());
	}

	/** A post Graph created (or scheduled), with its id as {@code {page}_{post}}. */
	record Created(String postId) {
	}

	Created publishLink(String token, String pageId, String message, String link, Instant scheduleAt) {
		List<Parameter> parameters = new ArrayList<>(List.of(Parameter.with("message", message)));
		if (link != null) {
			parameters.add(Parameter.with("link", link));
		}
		schedule(parameters, scheduleAt);
		return call(token, (client) -> new Created(
				client.publish(pageId + "/feed", GraphResponse.class, parameters.toArray(Parameter[]::new)).getId()));
	}

	Created publishPhoto(String token, String pageId, String caption, String imageUrl, Instant scheduleAt) {
		List<Parameter> parameters = new ArrayList<>(
				List.of(Parameter.with("url", imageUrl), Parameter.with("caption", caption)));
		schedule(parameters, scheduleAt);
		return call(token, (client) -> {
			GraphResponse response = client.publish(pageId + "/photos", GraphResponse.class,
					parameters.toArray(Parameter[]::new));
			return new Created((response.getPostId() != null) ? response.getPostId() : pageId + "_" + response.getId());
		});
	}

	private static void schedule(List<Parameter> parameters, Instant scheduleAt) {
		if (scheduleAt != null) {
			parameters.add(Parameter.with("published", false));
			parameters.add(Parameter.with("scheduled_publish_time", scheduleAt.getEpochSecond()));
		}
	}

	/**
	 * The Page's recent post with exactly this message (what a 506 refers to), looked up
	 * among the published and the scheduled posts.
	 */
	Optional<String> findPost(String token, String pageId, String message) {
		return call(token, (client) -> {
			for (String edge : List.of("/feed", "/scheduled_posts")) {
				for (Post post : client
					.fetchConnection(pageId + edge, Post.class, Parameter.with("fields", "id,message"),
							Parameter.with("limit", 25))
					.getData()) {
					if (message.strip().equals((post.getMessage() != null) ? post.getMessage().strip() : null)) {
						return Optional.of(post.getId());
					}
				}
			}
			return Optional.<String>empty();
		});
	}

	/** Reads the Page's latest post: whether the token and the app's proof are taken. */
	void readable(String token, String pageId) {
		call(token, (client) -> client.fetchConnection(pageId + "/feed", Post.class, Parameter.with("fields", "id"),
				Parameter.with("limit", 1)));
	}

	String permalink(String token, String postId) {
		return call(token, (client) -> client.fetchObject(postId, Post.class, Parameter.with("fields", "permalink_url"))
			.getPermalinkUrl());
	}

	boolean delete(String token, String objectId) {
		return call(token, (client) -> client.deleteObject(objectId));
	}

	/** Moves a post scheduled on Facebook to another time. */
	boolean reschedule(String token, String postId, Instant at) {
		return call(token,
				(client) -> client
					.publish(postId, GraphResponse.class, Parameter.with("scheduled_publish_time", at.getEpochSecond()))
					.isSuccess());
	}

	/**
	 * Hides a post from the Page's timeline, or a comment from everyone but its author.
	 */
	boolean hide(String token, String objectId) {
		return call(token, (client) -> client.publish(objectId, GraphResponse.class, Parameter.with("is_hidden", true))
			.isSuccess());
	}

	/** Replies under a comment as the Page. @return the reply's comment id */
	String replyToComment(String token, String commentId, String message) {
		return call(token,
				(client) -> client
					.publish(commentId + "/comments", GraphResponse.class, Parameter.with("message", message))
					.getId());
	}

	private <T> T call(String token, Call<T> call) {
		DefaultFacebookClient client = new DefaultFacebookClient(token, this.app.appSecret(), this.version);
		client.setFacebookEndpointUrls(endpoints());
		try {
			return call.on(client);
		}
		catch (FacebookGraphException ex) {
			throw new GraphRefusal(FacebookStatusTable.classify(ex), waitHint(client), ex);
		}
		catch (FacebookNetworkException ex) {
			throw new GraphRefusal(FacebookStatusTable.classify(ex), Duration.ZERO, ex);
		}
	}

	/**
	 * What the usage headers of the last answer say about waiting:
	 * {@code x-business-use-case-usage}'s {@code estimated_time_to_regain_access}
	 * (minutes), else a pause when {@code x-app-usage} or {@code x-page-usage} reports a
	 * budget at 100%.
	 */
	static Duration waitHint(DefaultFacebookClient client) {
		DebugHeaderInfo info = client.getWebRequestor().getDebugHeaderInfo();
		if (info == null) {
			return Duration.ZERO;
		}
		Duration wait = Duration.ZERO;
		if (info.getBusinessUseCaseUsage() != null) {
			for (String business : info.getBusinessUseCaseUsage().getBusinessIds()) {
				for (DebugHeaderInfo.InnerBusinessUseCaseUsage usage : info.getBusinessUseCaseUsage().get(business)) {
					Integer minutes = usage.getEstimatedTimeToRegainAccess();
					if (minutes != null && Duration.ofMinutes(minutes).compareTo(wait) > 0) {
						wait = Duration.ofMinutes(minutes);
					}
				}
			}
		}
		if (wait.isZero() && (full(info.getAppUsage()) || full(info.getPageUsage()))) {
			wait = USAGE_FULL_PAUSE;
		}
		return wait;
	}

	private static boolean full(DebugHeaderInfo.HeaderUsage usage) {
		if (usage == null) {
			return false;
		}
		for (Integer value : new Integer[] { usage.getCallCount(), usage.getTotalTime(), usage.getTotalCputime() }) {
			if (value != null && value >= 100) {
				return true;
			}
		}
		return false;
	}

	private FacebookEndpoints endpoints() {
		String graph = graphUrl();
		return new FacebookEndpoints() {

			@Override
			public String getFacebookEndpoint() {
				return graph;
			}

			@Override
			public String getGraphEndpoint() {
				return graph;
			}

			@Override
			public String getGraphVideoEndpoint() {
				return graph;
			}

		};
	}

	/**
	 * Graph's address: in sandbox mode Loa's own simulator, found per call on its port.
	 */
	String graphUrl() {
		if (!this.properties.sandboxMode()) {
			return stripSlash(this.properties.graphUrl());
		}
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		return "http://127.0.0.1:" + port + contextPath + "/sandbox/facebook/graph";
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@FunctionalInterface
	private interface Call<T> {

		T on(DefaultFacebookClient client);

	}

}
