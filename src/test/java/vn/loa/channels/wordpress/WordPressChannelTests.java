package vn.loa.channels.wordpress;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
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
				new WordPressProperties.Retry(1, Duration.ofMillis(1)), List.of(sites),
				new WordPressProperties.Sandbox("loa-sandbox", "pw"));
	}

	@Test
	void liveSitesNeedAnAddressAndTheirPasswordVariable() {
		WordPressProperties properties = properties(WordPressProperties.Mode.LIVE,
				new WordPressProperties.Site("so-noi-vu", null, "bientap", "WP_SO_NOI_VU", VN),
				new WordPressProperties.Site("ubnd", "https://ubnd.example.gov.vn", "bientap", "WP_UBND", VN));
		WordPressSites sites = new WordPressSites(properties, new MockEnvironment().withProperty("WP_UBND", "x"));

		ChannelDescriptor descriptor = new WordPressChannel().wordpressDescriptor(properties, sites);

		assertThat(descriptor.mode()).isEqualTo("live");
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
				new WordPressProperties.Site("so-noi-vu", null, null, "WP_SO_NOI_VU", VN));
		WordPressSites sites = new WordPressSites(properties,
				new MockEnvironment().withProperty("local.server.port", "9123"));

		assertThat(new WordPressChannel().wordpressDescriptor(properties, sites).health().up()).isTrue();
		assertThat(sites.baseUrl(properties.sites().get(0))).isEqualTo("http://127.0.0.1:9123/sandbox/wordpress");
		assertThat(sites.username(properties.sites().get(0))).isEqualTo("loa-sandbox");
		assertThat(sites.password(properties.sites().get(0))).hasValue("pw");
	}

	@Test
	void answersMapToDeliveryStatusesInOneTable() {
		DeliveryOutcome created = WordPressHandler.outcome(this.dispatch, "wordpress:so-noi-vu", "abc123",
				new WordPressSender.Sent(new WordPressResult.Created(77, "https://so.example/?p=77", "publish"), 1));
		assertThat(created).isEqualTo(DeliveryOutcome.sent(12, "wordpress", "so-noi-vu", "wordpress:so-noi-vu", "77",
				"https://so.example/?p=77", "abc123"));

		DeliveryOutcome rejected = WordPressHandler.outcome(this.dispatch, "wordpress:so-noi-vu", "abc123",
				new WordPressSender.Sent(new WordPressResult.Rejected(401, "incorrect_password", "bad"), 1));
		assertThat(rejected.status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
		assertThat(rejected.errorCode()).isEqualTo("incorrect_password");

		DeliveryOutcome failed = WordPressHandler.outcome(this.dispatch, "wordpress:so-noi-vu", "abc123",
				new WordPressSender.Sent(new WordPressResult.Failed(0, "unavailable", "refused"), 3));
		assertThat(failed.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(failed.errorMessage()).isEqualTo("refused (after 3 attempts)");
	}

}
