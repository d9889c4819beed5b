package vn.loa.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.common.DemoProperties;
import vn.loa.publishing.Target;

import static org.assertj.core.api.Assertions.assertThat;

/** Sample content never goes to a live channel: a live WordPress site is an agency's. */
class DemoDataTargetsTests {

	private static ChannelDescriptor channel(String id, String mode) {
		return ChannelDescriptor.builder(id, id).mode(mode).template("t").build();
	}

	private static DemoData demo(ChannelDescriptor... channels) {
		return new DemoData(new DemoProperties(true), null, null, List.of(channels));
	}

	@Test
	void theSampleItemGoesToThePortalAndTheSandboxChannels() {
		assertThat(demo(channel("portal", "live"), channel("wordpress", "sandbox"), channel("webhook", "sandbox"))
			.sampleTargets()).extracting(Target::channel).containsExactly("portal", "wordpress", "webhook");
	}

	@Test
	void aLiveWordPressOrWebhookGetsNoSampleContent() {
		assertThat(demo(channel("portal", "live"), channel("wordpress", "live"), channel("webhook", "live"))
			.sampleTargets()).extracting(Target::channel).containsExactly("portal");
		assertThat(demo(channel("portal", "live"), channel("wordpress", "live"), channel("webhook", "sandbox"))
			.sampleTargets()).extracting(Target::channel).containsExactly("portal", "webhook");
	}

}
