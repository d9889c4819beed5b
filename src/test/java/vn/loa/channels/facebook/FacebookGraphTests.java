package vn.loa.channels.facebook;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.restfb.DefaultFacebookClient;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.exception.FacebookGraphException;
import com.restfb.types.GraphResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.loa.channels.facebook.sandbox.GraphSimulator;
import vn.loa.deliverylog.DeliveryStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The channel's RestFB client against the Graph simulator over HTTP: what each call
 * sends, what Graph's answers and errors become, and what the usage headers say.
 */
@FacebookTest
class FacebookGraphTests {

	@Autowired
	FacebookGraph graph;

	@Autowired
	GraphSimulator simulator;

	@Autowired
	FacebookApp app;

	private final String page = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

	@AfterEach
	void clearFaults() {
		this.simulator.clearFaults();
	}

	@Test
	void aLinkPostAndAPhotoPostAreCreatedWithTheirPermalinks() {
		FacebookGraph.Created link = this.graph.publishLink("token-a", this.page, "Bài viết " + UUID.randomUUID(),
				"http://localhost/portal/articles/bai-viet", null);
		assertThat(link.postId()).startsWith(this.page + "_");
		assertThat(this.simulator.post(link.postId()).link()).isEqualTo("http://localhost/portal/articles/bai-viet");
		assertThat(this.graph.permalink("token-a", link.postId()))
			.endsWith("/sandbox/facebook/" + this.page + "#post-" + link.postId());

		FacebookGraph.Created photo = this.graph.publishPhoto("token-a", this.page, "Chú thích ảnh",
				"http://localhost/media/anh.jpg", null);
		assertThat(photo.postId()).startsWith(this.page + "_").isNotEqualTo(link.postId());
		assertThat(this.simulator.post(photo.postId()).photoUrl()).isEqualTo("http://localhost/media/anh.jpg");
		assertThat(this.simulator.post(photo.postId()).message()).isEqualTo("Chú thích ảnh");
	}

	@Test
	void aPostFarEnoughAheadIsScheduledOnFacebookAndOneTooSoonIsRefused() {
		Instant at = Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		FacebookGraph.Created scheduled = this.graph.publishLink("token-a", this.page, "Hẹn giờ " + UUID.randomUUID(),
				null, at);
		assertThat(this.simulator.post(scheduled.postId()).scheduledFor()).isEqualTo(at);

		assertThatExceptionOfType(GraphRefusal.class)
			.isThrownBy(() -> this.graph.publishLink("token-a", this.page, "Quá sớm", null,
					Instant.now().plus(Duration.ofMinutes(5))))
			.satisfies((refusal) -> {
				assertThat(refusal.verdict().code()).isEqualTo("100/1366");
				assertThat(refusal.verdict().status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
			});
	}

	@Test
	void deleteAndHideTakeAPostDown() {
		String deleted = this.graph.publishLink("token-a", this.page, "Xoá " + UUID.randomUUID(), null, null).postId();
		String hidden = this.graph.publishLink("token-a", this.page, "Ẩn " + UUID.randomUUID(), null, null).postId();

		assertThat(this.graph.delete("token-a", deleted)).isTrue();
		assertThat(this.graph.hide("token-a", hidden)).isTrue();

		assertThat(this.simulator.post(deleted).deleted()).isTrue();
		assertThat(this.simulator.post(hidden).hidden()).isTrue();
		assertThat(this.simulator.post(hidden).deleted()).isFalse();
		assertThatExceptionOfType(GraphRefusal.class).isThrownBy(() -> this.graph.delete("token-a", deleted))
			.satisfies((refusal) -> assertThat(refusal.verdict().code()).isEqualTo("100/33"));
	}

	@Test
	void anExpiredTokenIsAToken190ThatWaitsNotAFailure() {
		assertThatExceptionOfType(GraphRefusal.class)
			.isThrownBy(() -> this.graph.publishLink("EXPIRED-token", this.page, "Bài", null, null))
			.satisfies((refusal) -> {
				assertThat(refusal.verdict().kind()).isEqualTo(FacebookStatusTable.Kind.TOKEN);
				assertThat(refusal.verdict().code()).isEqualTo("190/463");
				assertThat(refusal.verdict().status()).isEqualTo(DeliveryStatus.TEMPORARY_FAILURE);
				assertThat(refusal.verdict().retry()).isFalse();
				assertThat(refusal.verdict().message()).contains("Session has expired").contains("fbtrace_id Sim");
			});
	}

	@Test
	void aRateLimitIsRetriedAfterWhatTheUsageHeadersSay() {
		this.simulator.inject(this.page, new GraphSimulator.Fault(80001, null, "OAuthException",
				"(#80001) There have been too many calls to this Page account.", 1, 25));
		assertThatExceptionOfType(GraphRefusal.class)
			.isThrownBy(() -> this.graph.publishLink("token-a", this.page, "Bài", null, null))
			.satisfies((refusal) -> {
				assertThat(refusal.verdict().kind()).isEqualTo(FacebookStatusTable.Kind.RATE_LIMIT);
				assertThat(refusal.verdict().retry()).isTrue();
				assertThat(refusal.waitAtLeast()).isEqualTo(Duration.ofMinutes(25));
			});
		// The fault was for one call only.
		assertThat(this.graph.publishLink("token-a", this.page, "Bài " + UUID.randomUUID(), null, null).postId())
			.startsWith(this.page);
	}

	@Test
	void aDuplicateIs506AndTheEarlierPostIsFound() {
		String message = "Trùng " + UUID.randomUUID();
		String first = this.graph.publishLink("token-a", this.page, message, "http://localhost/a", null).postId();
		assertThatExceptionOfType(GraphRefusal.class)
			.isThrownBy(() -> this.graph.publishLink("token-a", this.page, message, "http://localhost/a", null))
			.satisfies((refusal) -> assertThat(refusal.verdict().kind()).isEqualTo(FacebookStatusTable.Kind.DUPLICATE));
		assertThat(this.graph.findPost("token-a", this.page, message)).contains(first);
	}

	@Test
	void everyCallCarriesAnAppsecretProofTheSimulatorChecks() {
		// Without the app secret RestFB sends no proof, and Graph refuses.
		DefaultFacebookClient noProof = new DefaultFacebookClient("token-a", Version.VERSION_24_0);
		noProof.setFacebookEndpointUrls(new com.restfb.FacebookEndpoints() {
			@Override
			public String getGraphEndpoint() {
				return FacebookGraphTests.this.graph.graphUrl();
			}
		});
		assertThatExceptionOfType(FacebookGraphException.class)
			.isThrownBy(() -> noProof.publish(this.page + "/feed", GraphResponse.class, Parameter.with("message", "x")))
			.satisfies((ex) -> assertThat(ex.getErrorMessage()).contains("appsecret_proof"));
		DefaultFacebookClient wrongSecret = new DefaultFacebookClient("token-a", "not-the-app-secret",
				Version.VERSION_24_0);
		wrongSecret.setFacebookEndpointUrls(new com.restfb.FacebookEndpoints() {
			@Override
			public String getGraphEndpoint() {
				return FacebookGraphTests.this.graph.graphUrl();
			}
		});
		assertThatExceptionOfType(FacebookGraphException.class).isThrownBy(
				() -> wrongSecret.publish(this.page + "/feed", GraphResponse.class, Parameter.with("message", "x")));
		assertThat(this.simulator.postsOf(this.page)).isEmpty();
	}

	@Test
	void transientErrorsMayBeRetriedAndUnknownOnesMayNot() {
		assertThat(refusedWith(2, "FacebookApiException", "(#2) Service temporarily unavailable", 0).verdict().retry())
			.isTrue();
		GraphRefusal blocked = refusedWith(368, "OAuthException", "(#368) Temporarily blocked", 0);
		assertThat(blocked.verdict().retry()).isFalse();
		assertThat(blocked.verdict().status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
	}

	@Test
	void aBudgetAtAHundredPercentWithoutAnEstimateKeepsLoaAwayForAWhile() {
		// x-page-usage at 100%
		assertThat(
				refusedWith(80001, "OAuthException", "(#80001) There have been too many calls to this Page account.", 0)
					.waitAtLeast())
			.isEqualTo(Duration.ofMinutes(10));
		// x-app-usage at 100%
		assertThat(refusedWith(4, "OAuthException", "(#4) Application request limit reached", 0).waitAtLeast())
			.isEqualTo(FacebookGraph.USAGE_FULL_PAUSE);
		// The usage headers of an ordinary answer (under 100%) ask for no wait.
		assertThat(refusedWith(2, "FacebookApiException", "(#2) Service temporarily unavailable", 0).waitAtLeast())
			.isZero();
	}

	/** What the client makes of Graph's refusal of the next call for the Page. */
	private GraphRefusal refusedWith(int code, String type, String message, int regainMinutes) {
		this.simulator.inject(this.page, new GraphSimulator.Fault(code, null, type, message, 1, regainMinutes));
		try {
			this.graph.publishLink("token-a", this.page, "Bài", null, null);
		}
		catch (GraphRefusal refusal) {
			return refusal;
		}
		throw new AssertionError("Graph did not refuse with " + code);
	}

}
