package vn.loa.channels.wordpress;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.env.MockEnvironment;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.RetractionRetry;
import vn.loa.content.Audience;
import vn.loa.content.ContentVersion;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.rendering.Rendition;

import static org.assertj.core.api.Assertions.assertThat;

class WordPressChannelTests {

	private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

	private final ChannelDispatch dispatch = new ChannelDispatch(12, "wordpress", "so-noi-vu",
			new ContentVersion(3, 1, "ra-quan-cchc", "Ra quân CCHC", "Tóm tắt", "Nội dung", "cchc",
					List.of(Audience.CIVIL_SERVANTS), List.of("56"), List.of(), List.of(), "editor", Instant.now()),
			new Rendition("wordpress", "post.html", "abc123", "<p>Nội dung</p>", Map.of()), Map.of(), false,
			Instant.now());

	private static WordPressProperties properties(WordPressProperties.Mode mode, WordPressProperties.Site... sites) {
		return new WordPressProperties(true, mode, "post.html", Duration.ofSeconds(1), Duration.ofSeconds(1),
				new WordPressProperties.Retry(1, Duration.ofMillis(1)), Duration.ofMinutes(5),
				new RetractionRetry(Duration.ofMinutes(1), 8, Duration.ofMinutes(1), Duration.ofHours(6), 100),
				List.of(sites), new WordPressProperties.Sandbox("loa-sandbox", "pw"));
	}

	private static WordPressProbe probe(WordPressProperties properties, WordPressSites sites) {
		return new WordPressProbe(properties, sites,
				new WordPressSender(properties, sites, JsonMapper.builder().build()));
	}

	@Test
	void liveSitesNeedAnAddressAndTheirPasswordVariable() {
		WordPressProperties properties = properties(WordPressProperties.Mode.LIVE,
				new WordPressProperties.Site("so-noi-vu", null, null, "bientap", "WP_SO_NOI_VU"),
				new WordPressProperties.Site("ubnd", "https://ubnd.example.gov.vn", null, "bientap", "WP_UBND"));
		WordPressSites sites = new WordPressSites(properties, new MockEnvironment().withProperty("WP_UBND", "x"));

		ChannelDescriptor descriptor = new WordPressChannel().wordpressDescriptor(properties, sites,
				probe(properties, sites));

		assertThat(descriptor.mode()).isEqualTo("live");
		assertThat(descriptor.providerSchedules()).isTrue();
		assertThat(descriptor.defaultTargets()).containsExactly("so-noi-vu", "ubnd");
		assertThat(descriptor.rejectTarget("ubnd")).isEmpty();
		assertThat(descriptor.rejectTarget("khac")).hasValueSatisfying((r) -> assertThat(r).contains("khac"));
		assertThat(descriptor.health().up()).isFalse();
		assertThat(descriptor.health().detail())
			.isEqualTo("so-noi-vu: WP_SO_NOI_VU is not set; so-noi-vu: no base-url");
	}

	@Test
	void sandboxSitesNeedNothing() {
		WordPressProperties properties = properties(WordPressProperties.Mode.SANDBOX,
				new WordPressProperties.Site("so-noi-vu", null, null, null, "WP_SO_NOI_VU"));
		WordPressSites sites = new WordPressSites(properties,
				new MockEnvironment().withProperty("local.server.port", "9123"));

		assertThat(
				new WordPressChannel().wordpressDescriptor(properties, sites, probe(properties, sites)).health().up())
			.isTrue();
		assertThat(sites.baseUrl(properties.sites().get(0))).isEqualTo("http://127.0.0.1:9123/sandbox/wordpress");
		assertThat(sites.username(properties.sites().get(0))).isEqualTo("loa-sandbox");
		assertThat(sites.password(properties.sites().get(0))).hasValue("pw");
	}

	@Test
	void answersMapToDeliveryStatusesInOneTable() {
		DeliveryOutcome created = WordPressHandler.outcome(this.dispatch, "wordpress:so-noi-vu", "abc123",
				new WordPressSender.Sent(new WordPressResult.Created(77, "https://so.example/?p=77", "publish"), 1),
				false);
		assertThat(created).isEqualTo(DeliveryOutcome
			.sent(12, "wordpress", "so-noi-vu", "wordpress:so-noi-vu", "77", "https://so.example/?p=77", "abc123")
			.withCalls(201, 1));

		DeliveryOutcome rejected = WordPressHandler.outcome(this.dispatch, "wordpress:so-noi-vu", "abc123",
				new WordPressSender.Sent(new WordPressResult.Rejected(401, "rest_cannot_create", "bad"), 1), false);
		assertThat(rejected.status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
		assertThat(rejected.errorCode()).isEqualTo("rest_cannot_create");
		assertThat(rejected.providerStatus()).isEqualTo(401);

		DeliveryOutcome forbidden = WordPressHandler.outcome(this.dispatch, "wordpress:so-noi-vu", "abc123",
				new WordPressSender.Sent(new WordPressResult.Rejected(403, "rest_cannot_publish", "no"), 1), false);
		assertThat(forbidden.providerStatus()).isEqualTo(403);

		DeliveryOutcome unavailable = WordPressHandler.outcome(this.dispatch, "wordpress:so-noi-vu", "abc123",
				new WordPressSender.Sent(new WordPressResult.Unavailable(0, "unavailable", "refused"), 3), false);
		assertThat(unavailable.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(unavailable.errorMessage()).isEqualTo("refused");
		assertThat(unavailable.attempts()).isEqualTo(3);
		assertThat(unavailable.providerStatus()).isNull();

		// Handed ahead at approval: the site gets it again when the publication fires.
		DeliveryOutcome later = WordPressHandler.outcome(this.dispatch, "wordpress:so-noi-vu", "abc123",
				new WordPressSender.Sent(new WordPressResult.Unavailable(503, "http_503", "busy"), 3), true);
		assertThat(later.status()).isEqualTo(DeliveryStatus.TEMPORARY_FAILURE);
		assertThat(later.providerStatus()).isEqualTo(503);

		DeliveryOutcome failed = WordPressHandler.outcome(this.dispatch, "wordpress:so-noi-vu", "abc123",
				new WordPressSender.Sent(new WordPressResult.Failed(500, "internal_server_error", "oops"), 1), true);
		assertThat(failed.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(failed.providerStatus()).isEqualTo(500);
	}

	@Test
	void theProbeSaysInVietnameseWhyASiteCannotBePublishedTo() {
		assertThat(WordPressProbe.problem("so-noi-vu",
				new WordPressAccount.Refused(401, "rest_not_logged_in", "You are not currently logged in.")))
			.isEqualTo("WordPress không nhận tên người dùng hoặc mật khẩu ứng dụng (401 rest_not_logged_in)");
		assertThat(WordPressProbe.problem("so-noi-vu",
				new WordPressAccount.Known("loa-contributor", List.of("contributor"), false)))
			.isEqualTo("tài khoản loa-contributor không có quyền đăng bài (vai trò: contributor)");
		assertThat(
				WordPressProbe.problem("so-noi-vu", new WordPressAccount.Known("loa-author", List.of("author"), true)))
			.isNull();
	}

}
