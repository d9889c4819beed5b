package vn.loa.channels.facebook.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import vn.loa.channels.facebook.FacebookApp;

/**
 * The simulator's state: Pages with their posts and comments, revoked tokens and the
 * faults to inject, in memory (a sandbox restart starts afresh). Every answer is what
 * Graph would send: an object, or {@code {"error":{...}}} with Graph's code.
 */
public class GraphSimulator {

	/**
	 * Facebook refuses scheduled posts less than 10 minutes or more than 6 months ahead.
	 */
	static final Duration MIN_LEAD = Duration.ofMinutes(10);

	static final Duration MAX_LEAD = Duration.ofDays(183);

	private final FacebookApp app;

	private final Clock clock;

	/**
	 * Graph's ids are unique for good, and Loa keeps them (a comment id is kept once):
	 * counting on from the start time keeps a restarted sandbox from handing out the ids
	 * of the posts and comments an earlier run left in the database.
	 */
	private final AtomicLong ids;

	private final AtomicLong calls = new AtomicLong();

	private final Map<String, List<SimPost>> pages = new ConcurrentHashMap<>();

	private final Map<String, SimPost> posts = new ConcurrentHashMap<>();

	private final Map<String, SimComment> comments = new ConcurrentHashMap<>();

	private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();

	private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();

	private final Map<String, Duration> latencies = new ConcurrentHashMap<>();

	public GraphSimulator(FacebookApp app, Clock clock) {
		this.app = app;
		this.clock = clock;
		this.ids = new AtomicLong(clock.millis() * 1000);
	}

	/** A post on a Page, as its followers (or, scheduled, its admins) see it. */
	public static final class SimPost {

		final String id;

		final String pageId;

		final String message;

		final String link;

		final String photoUrl;

		final Instant createdAt;

		volatile Instant scheduledFor;

		volatile boolean hidden;

		volatile boolean deleted;

		final AtomicInteger deleteRequests = new AtomicInteger();

		final List<SimComment> comments = new CopyOnWriteArrayList<>();

		SimPost(String id, String pageId, String message, String link, String photoUrl, Instant createdAt,
				Instant scheduledFor) {
			this.id = id;
			this.pageId = pageId;
			this.message = message;
			this.link = link;
			this.photoUrl = photoUrl;
			this.createdAt = createdAt;
			this.scheduledFor = scheduledFor;
		}

		public String id() {
			return this.id;
		}

		public String message() {
			return this.message;
		}

		public String link() {
			return this.link;
		}

		public String photoUrl() {
			return this.photoUrl;
		}

		/** When Graph was asked to make it. */
		public Instant createdAt() {
			return this.createdAt;
		}

		public Instant scheduledFor() {
			return this.scheduledFor;
		}

		public boolean hidden() {
			return this.hidden;
		}

		public boolean deleted() {
			return this.deleted;
		}

		/** How many times Graph was asked to delete it, the refused calls included. */
		public int deleteRequests() {
			return this.deleteRequests.get();
		}

		public List<SimComment> comments() {
			return this.comments;
		}

		/** Published, or scheduled and its time has come. */
		boolean published(Instant now) {
			return this.scheduledFor == null || !this.scheduledFor.isAfter(now);
		}

	}

	/** A comment: a citizen's, or the Page's reply under one. */
	public record SimComment(String id, String postId, String fromId, String fromName, String message, String parentId,
			Instant createdAt, List<SimComment> replies, boolean[] hidden) {

		public boolean isHidden() {
			return this.hidden[0];
		}

	}

	/**
	 * An error Graph answers to the next {@code times} calls for a Page.
	 *
	 * @param regainMinutes what {@code x-business-use-case-usage} says
	 * ({@code estimated_time_to_regain_access}); with 0 a rate limit reports the budget
	 * it used up at 100% without an estimate ({@code x-page-usage} for 32 and 80001,
	 * {@code x-app-usage} for 4 and 17)
	 */
	public record Fault(int code, Integer subcode, String type, String message, int times, int regainMinutes) {
	}

	/** An error answer: the HTTP status and Graph's body. */
	public record Answer(int status, Map<String, Object> body, Map<String, String> headers) {

		static Answer ok(Map<String, Object> body, Map<String, String> headers) {
			return new Answer(200, body, headers);
		}

	}

	public void inject(String pageId, Fault fault) {
		Deque<Fault> queue = this.faults.computeIfAbsent(pageId, (k) -> new ConcurrentLinkedDeque<>());
		for (int i = 0; i < Math.max(1, fault.times()); i++) {
			queue.add(fault);
		}
	}

	/** Makes every call for a Page take this long before Graph answers. */
	public void slow(String pageId, Duration latency) {
		this.latencies.put(pageId, latency);
	}

	public void clearFaults() {
		this.faults.clear();
		this.latencies.clear();
	}

	/** Makes Graph answer 190 to every call with this token (an admin revoked it). */
	public void revoke(String token) {
		this.revokedTokens.add(token);
	}

	public List<SimPost> postsOf(String pageId) {
		return List.copyOf(this.pages.getOrDefault(pageId, List.of()));
	}

	public SimPost post(String postId) {
		return this.posts.get(postId);
	}

	public SimComment comment(String commentId) {
		return this.comments.get(commentId);
	}

	/**
	 * Checks the token and its {@code appsecret_proof}, then any fault injected for the
	 * Page; null when the call may go on.
	 */
	Answer check(String pageId, Map<String, String> params) {
		Duration latency = (pageId != null) ? this.latencies.get(pageId) : null;
		if (latency != null) {
			try {
				Thread.sleep(latency.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		String token = params.get("access_token");
		if (token == null || token.isBlank()) {
			return error(400, 104, null, "OAuthException", "An access token is required to request this resource.", 0);
		}
		String proof = params.get("appsecret_proof");
		String time = params.get("appsecret_time");
		String expected = hmac(this.app.appSecret(), (time != null) ? token + "|" + time : token);
		if (proof == null || !MessageDigest.isEqual(proof.getBytes(StandardCharsets.US_ASCII),
				expected.getBytes(StandardCharsets.US_ASCII))) {
			return error(400, 100, null, "GraphMethodException", "Invalid appsecret_proof provided in the API argument",
					0);
		}
		if (this.revokedTokens.contains(token) || token.startsWith("EXPIRED")) {
			return error(400, 190, 463, "OAuthException",
					"Error validating access token: Session has expired on Tuesday, 01-Dec-26 09:00:00 PST.", 0);
		}
		Deque<Fault> queue = (pageId != null) ? this.faults.get(pageId) : null;
		Fault fault = (queue != null) ? queue.poll() : null;
		if (fault != null) {
			int status = (fault.code() == 1 || fault.code() == 2) ? 500 : 400;
			return error(status, fault.code(), fault.subcode(), fault.type(), fault.message(), fault.regainMinutes());
		}
		return null;
	}

	Answer publish(String pageId, String message, String link, String photoUrl, String published,
			String scheduledPublishTime) {
		Instant now = this.clock.instant();
		Instant scheduledFor = null;
		if ("false".equals(published) && scheduledPublishTime != null) {
			try {
				scheduledFor = Instant.ofEpochSecond(Long.parseLong(scheduledPublishTime));
			}
			catch (NumberFormatException ex) {
				return error(400, 100, null, "OAuthException", "(#100) Invalid parameter scheduled_publish_time", 0);
			}
			Duration lead = Duration.between(now, scheduledFor);
			if (lead.compareTo(MIN_LEAD) < 0 || lead.compareTo(MAX_LEAD) > 0) {
				return error(400, 100, 1366, "OAuthException",
						"(#100) The specified scheduled publish time is invalid.", 0);
			}
		}
		String text = (message != null) ? message : "";
		for (SimPost post : this.pages.getOrDefault(pageId, List.of())) {
			if (!post.deleted && text.equals(post.message) && java.util.Objects.equals(link, post.link)
					&& java.util.Objects.equals(photoUrl, post.photoUrl)) {
				return error(400, 506, 1455006, "OAuthException", "(#506) Duplicate status message", 0);
			}
		}
		String id = pageId + "_" + this.ids.incrementAndGet();
		SimPost post = new SimPost(id, pageId, text, link, photoUrl, now, scheduledFor);
		this.pages.computeIfAbsent(pageId, (k) -> new CopyOnWriteArrayList<>()).add(post);
		this.posts.put(id, post);
		Map<String, Object> body = new LinkedHashMap<>();
		if (photoUrl != null) {
			body.put("id", Long.toString(this.ids.incrementAndGet()));
			body.put("post_id", id);
		}
		else {
			body.put("id", id);
		}
		return Answer.ok(body, usage());
	}

	Answer feed(String pageId, boolean scheduled) {
		Instant now = this.clock.instant();
		List<Map<String, Object>> data = new ArrayList<>();
		List<SimPost> all = new ArrayList<>(this.pages.getOrDefault(pageId, List.of()));
		java.util.Collections.reverse(all);
		for (SimPost post : all) {
			if (!post.deleted && post.published(now) != scheduled) {
				data.add(Map.of("id", post.id, "message", post.message));
			}
		}
		return Answer.ok(Map.of("data", data), usage());
	}

	Answer object(String id, String permalinkBase) {
		SimPost post = this.posts.get(id);
		if (post != null && !post.deleted) {
			return Answer.ok(Map.of("id", id, "message", post.message, "permalink_url",
					permalinkBase + "/" + post.pageId + "#post-" + id), usage());
		}
		SimComment comment = this.comments.get(id);
		if (comment != null) {
			return Answer.ok(Map.of("id", id, "message", comment.message()), usage());
		}
		return missing(id);
	}

	Answer delete(String id) {
		SimPost post = this.posts.get(id);
		if (post != null) {
			post.deleteRequests.incrementAndGet();
		}
		if (post == null || post.deleted) {
			return missing(id);
		}
		post.deleted = true;
		return Answer.ok(Map.of("success", true), usage());
	}

	Answer hide(String id, boolean hidden) {
		SimPost post = this.posts.get(id);
		if (post != null && !post.deleted) {
			post.hidden = hidden;
			return Answer.ok(Map.of("success", true), usage());
		}
		SimComment comment = this.comments.get(id);
		if (comment != null) {
			comment.hidden()[0] = hidden;
			return Answer.ok(Map.of("success", true), usage());
		}
		return missing(id);
	}

	Answer reschedule(String id, String scheduledPublishTime) {
		SimPost post = this.posts.get(id);
		if (post == null || post.deleted) {
			return missing(id);
		}
		Instant at = Instant.ofEpochSecond(Long.parseLong(scheduledPublishTime));
		Duration lead = Duration.between(this.clock.instant(), at);
		if (post.scheduledFor == null || lead.compareTo(MIN_LEAD) < 0 || lead.compareTo(MAX_LEAD) > 0) {
			return error(400, 100, 1366, "OAuthException", "(#100) The specified scheduled publish time is invalid.",
					0);
		}
		post.scheduledFor = at;
		return Answer.ok(Map.of("success", true), usage());
	}

	/** The Page replies under a comment. */
	Answer reply(String commentId, String message) {
		SimComment parent = this.comments.get(commentId);
		if (parent == null) {
			return missing(commentId);
		}
		SimPost post = this.posts.get(parent.postId());
		String id = parent.postId().substring(parent.postId().indexOf('_') + 1) + "_" + this.ids.incrementAndGet();
		SimComment reply = new SimComment(id, parent.postId(), (post != null) ? post.pageId : null, "Trang", message,
				commentId, this.clock.instant(), new CopyOnWriteArrayList<>(), new boolean[1]);
		parent.replies().add(reply);
		this.comments.put(id, reply);
		return Answer.ok(Map.of("id", id), usage());
	}

	/** A citizen comments under a post; the caller sends the webhook. */
	SimComment citizenComments(String postId, String fromId, String fromName, String message) {
		SimPost post = this.posts.get(postId);
		if (post == null || post.deleted) {
			throw new IllegalArgumentException("no post " + postId);
		}
		String id = postId.substring(postId.indexOf('_') + 1) + "_" + this.ids.incrementAndGet();
		SimComment comment = new SimComment(id, postId, fromId, fromName, message, null, this.clock.instant(),
				new CopyOnWriteArrayList<>(), new boolean[1]);
		post.comments.add(comment);
		this.comments.put(id, comment);
		return comment;
	}

	String pageOf(String objectId) {
		SimPost post = this.posts.get(objectId);
		if (post != null) {
			return post.pageId;
		}
		SimComment comment = this.comments.get(objectId);
		if (comment != null) {
			SimPost parent = this.posts.get(comment.postId());
			return (parent != null) ? parent.pageId : null;
		}
		int underscore = objectId.indexOf('_');
		return (underscore > 0) ? objectId.substring(0, underscore) : objectId;
	}

	private Answer missing(String id) {
		return error(400, 100, 33, "GraphMethodException", "Unsupported get request. Object with ID '" + id
				+ "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
				0);
	}

	private Answer error(int status, int code, Integer subcode, String type, String message, int regainMinutes) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("type", type);
		error.put("code", code);
		if (subcode != null) {
			error.put("error_subcode", subcode);
		}
		error.put("is_transient", code == 1 || code == 2);
		error.put("fbtrace_id", "Sim" + Long.toString(this.ids.incrementAndGet(), 36));
		Map<String, String> headers = usage();
		if (regainMinutes > 0) {
			headers.put("x-app-usage", "{\"call_count\":100,\"total_cputime\":40,\"total_time\":60}");
			headers.put("x-business-use-case-usage",
					"{\"" + this.app.appId()
							+ "\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":40,\"total_time\":60,"
							+ "\"estimated_time_to_regain_access\":" + regainMinutes + "}]}");
		}
		else if (code == 32 || code == 80001) {
			// A Page's budget used up, without an estimate.
			headers.put("x-page-usage", "{\"call_count\":100,\"total_cputime\":12,\"total_time\":30}");
		}
		else if (code == 4 || code == 17) {
			// The app's budget used up, without an estimate.
			headers.put("x-app-usage", "{\"call_count\":100,\"total_cputime\":25,\"total_time\":40}");
		}
		return new Answer(status, Map.of("error", error), headers);
	}

	private Map<String, String> usage() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("x-app-usage",
				"{\"call_count\":" + (this.calls.incrementAndGet() % 100) + ",\"total_cputime\":1,\"total_time\":1}");
		return headers;
	}

	/** Hex HMAC-SHA256, as Graph's appsecret_proof and webhook signatures are. */
	public static String hmac(String secret, String value) {
		return HexFormat.of().formatHex(hmac(secret, value.getBytes(StandardCharsets.UTF_8)));
	}

	static byte[] hmac(String secret, byte[] value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(value);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
