package vn.loa.channels;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import vn.loa.channels.ChannelDescriptor.ChannelHealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ChannelDescriptorTests {

	@Test
	void aPlainChannelIsOnLiveAndTakesItsOwnIdAsTarget() {
		ChannelDescriptor portal = ChannelDescriptor.builder("portal", "Cổng thông tin")
			.template("article.html")
			.build();
		assertThat(portal.id()).isEqualTo("portal");
		assertThat(portal.label()).isEqualTo("Cổng thông tin");
		assertThat(portal.enabled()).isTrue();
		assertThat(portal.mode()).isEqualTo("live");
		assertThat(portal.template()).isEqualTo("article.html");
		assertThat(portal.defaultTargets()).containsExactly("portal");
		assertThat(portal.rejectTarget("anything")).isEmpty();
		assertThat(portal.health()).isEqualTo(ChannelHealth.healthy());
	}

	@Test
	void targetsAndHealthAreAskedAtEachCall() {
		AtomicBoolean secretSet = new AtomicBoolean(false);
		ChannelDescriptor webhook = ChannelDescriptor.builder("webhook", "Webhook")
			.enabled(false)
			.mode("sandbox")
			.template("event.json")
			.defaultTargets(List.of("cong-tinh"))
			.rejectTarget((target) -> target.equals("cong-tinh") ? Optional.empty() : Optional.of("no " + target))
			.health(() -> secretSet.get() ? ChannelHealth.healthy() : ChannelHealth.unhealthy("secret not set"))
			.build();
		assertThat(webhook.enabled()).isFalse();
		assertThat(webhook.mode()).isEqualTo("sandbox");
		assertThat(webhook.defaultTargets()).containsExactly("cong-tinh");
		assertThat(webhook.rejectTarget("cong-tinh")).isEmpty();
		assertThat(webhook.rejectTarget("cong-huyen")).contains("no cong-huyen");
		assertThat(webhook.health().up()).isFalse();
		secretSet.set(true);
		assertThat(webhook.health().up()).isTrue();
	}

	@Test
	void aChannelNeedsATemplate() {
		assertThatNullPointerException().isThrownBy(() -> ChannelDescriptor.builder("sms", "SMS").build());
	}

}
