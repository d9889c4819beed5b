package vn.loa.channels;

import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "channels": each channel's mode and health. */
@Component("channelsHealthIndicator")
class ChannelsHealth extends AbstractHealthIndicator {

	private final List<ChannelDescriptor> channels;

	ChannelsHealth(List<ChannelDescriptor> channels) {
		this.channels = channels;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean allUp = true;
		for (ChannelDescriptor channel : this.channels) {
			ChannelDescriptor.ChannelHealth health = channel.enabled() ? channel.health()
					: new ChannelDescriptor.ChannelHealth(true, "disabled");
			allUp &= health.up();
			builder.withDetail(channel.id(), java.util.Map.of("mode", channel.mode(), "enabled", channel.enabled(),
					"status", health.up() ? "UP" : "DOWN", "detail", health.detail()));
		}
		if (allUp) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}
