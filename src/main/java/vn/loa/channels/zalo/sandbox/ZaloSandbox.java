package vn.loa.channels.zalo.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import vn.loa.channels.zalo.ZaloProperties;

/**
 * What the Zalo simulator remembers, in memory (it plays Zalo for one Loa in sandbox
 * mode): the OAuth codes and tokens it issued, the OA's users (citizens played on the
 * sandbox page) with the messages the OA sent them, and the articles. Public so that the
 * ZNS simulator accepts the same access tokens.
 */
@Component
public class ZaloSandbox {

	/** Zalo's cap on consultation messages: a week after the user's last interaction. */
	static final Duration INTERACTION_WINDOW = Duration.ofDays(7);

	private final SecureRandom random = new SecureRandom();

	private final ZaloProperties properties;

	private final Clock clock;

	private final Map<String, Code> codes = new ConcurrentHashMap<>();

	private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();

	private final Map<String, Instant> refreshTokens = new ConcurrentHashMap<>();

	private final Map<String, Citizen> citizens = new ConcurrentHashMap<>();

	private final Map<String, Article> articles = new ConcurrentHashMap<>();

	private final List<String> attachments = java.util.Collections.synchronizedList(new ArrayList<>());

	private final AtomicLong userIds = new AtomicLong(3_000_000_000_000_000_000L);

	private volatile boolean refuseRefresh;

	ZaloSandbox(ZaloProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	record Code(String challenge, String redirectUri, Instant expiresAt) {

	}

	record Pair(String accessToken, String refreshToken, long expiresInSeconds) {

	}

	/** A message the OA sent a citizen. */
	public record Received(String messageId, String text, Instant at) {

	}

	/** An article the OA created; {@code id} is set once verified. */
	record Article(String token, String title, String coverUrl, String body, String id) {

	}

	/** A citizen played on the sandbox page. */
	static final class Citizen {

		final String userId;

		final String name;

		volatile boolean follower = true;

		volatile Instant lastInteraction;

		volatile String phone;

		final Deque<Received> received = new ArrayDeque<>();

		Citizen(String userId, String name, Instant at) {
			this.userId = userId;
			this.name = name;
			this.lastInteraction = at;
		}

		public String userId() {
			return this.userId;
		}

		public String name() {
			return this.name;
		}

		public boolean follower() {
			return this.follower;
		}

		public Instant lastInteraction() {
			return this.lastInteraction;
		}

		public String phone() {
			return this.phone;
		}

		public synchronized List<Received> received() {
			return List.copyOf(this.received);
		}

	}

	// OAuth

	String issueCode(String challenge, String redirectUri) {
		String code = token(32);
		this.codes.put(code, new Code(challenge, redirectUri,
				this.clock.instant().plus(this.properties.simulator().codeLifetime())));
		return code;
	}

	/** The code once (spent whatever the outcome), if it is unexpired. */
	Optional<Code> takeCode(String code) {
		Code taken = (code != null) ? this.codes.remove(code) : null;
		return Optional.ofNullable(taken).filter((c) -> c.expiresAt().isAfter(this.clock.instant()));
	}

	static String challenge(String verifier) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Pair issuePair() {
		String access = token(48);
		String refresh = token(48);
		Instant now = this.clock.instant();
		this.accessTokens.put(access, now.plus(this.properties.simulator().accessTokenLifetime()));
		this.refreshTokens.put(refresh, now.plus(this.properties.simulator().refreshTokenLifetime()));
		return new Pair(access, refresh, this.properties.simulator().accessTokenLifetime().toSeconds());
	}

	/** Spends a refresh token: true once per token, while unexpired and not refused. */
	boolean spendRefreshToken(String refreshToken) {
		if (refreshToken == null || this.refuseRefresh) {
			return false;
		}
		Instant expires = this.refreshTokens.remove(refreshToken);
		return expires != null && expires.isAfter(this.clock.instant());
	}

	/** Whether Zalo would take this access token now. */
	public boolean validAccessToken(String accessToken) {
		Instant expires = (accessToken != null) ? this.accessTokens.get(accessToken) : null;
		return expires != null && expires.isAfter(this.clock.instant());
	}

	/** Expiry on request: every access token issued so far stops working now. */
	public void expireAccessTokens() {
		this.accessTokens.replaceAll((token, expires) -> Instant.EPOCH);
	}

	/** From now on every refresh is refused (as when the OA revoked the app). */
	public void refuseRefresh(boolean refuse) {
		this.refuseRefresh = refuse;
	}

	// Citizens

	Citizen follow(String name) {
		String userId = Long.toString(this.userIds.incrementAndGet());
		Citizen citizen = new Citizen(userId, name, this.clock.instant());
		this.citizens.put(userId, citizen);
		return citizen;
	}

	Optional<Citizen> citizen(String userId) {
		return Optional.ofNullable((userId != null) ? this.citizens.get(userId) : null);
	}

	List<Citizen> citizens() {
		return this.citizens.values().stream().sorted(Comparator.comparing(Citizen::userId)).toList();
	}

	List<Citizen> followers() {
		return citizens().stream().filter(Citizen::follower).toList();
	}

	/** What the OA sent a citizen so far, oldest first. */
	public List<Received> received(String userId) {
		return citizen(userId).map(Citizen::received).orElse(List.of());
	}

	Received deliver(Citizen citizen, String text) {
		Received message = new Received(token(16), text, this.clock.instant());
		synchronized (citizen) {
			citizen.received.addLast(message);
			while (citizen.received.size() > this.properties.simulator().keepPerUser()) {
				citizen.received.removeFirst();
			}
		}
		return message;
	}

	// Articles and media

	Article createArticle(String title, String coverUrl, String body) {
		Article article = new Article(token(24), title, coverUrl, body, null);
		this.articles.put(article.token(), article);
		return article;
	}

	Optional<Article> verifyArticle(String token) {
		return Optional.ofNullable((token != null)
				? this.articles.computeIfPresent(token,
						(t, a) -> (a.id() != null) ? a : new Article(t, a.title(), a.coverUrl(), a.body(), token(12)))
				: null);
	}

	List<Article> articles() {
		return List.copyOf(this.articles.values());
	}

	String attach() {
		String id = token(20);
		this.attachments.add(id);
		return id;
	}

	int attachmentCount() {
		return this.attachments.size();
	}

	Instant now() {
		return this.clock.instant();
	}

	private String token(int bytes) {
		byte[] raw = new byte[bytes];
		this.random.nextBytes(raw);
		return HexFormat.of().formatHex(raw);
	}

}
