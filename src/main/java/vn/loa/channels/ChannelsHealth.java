package vn.loa.channels;

import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import vn.loa.rendering.TemplateStore;

/**
 * {@code /actuator/health} component "channels": each channel's mode and health. An
 * enabled channel whose template is missing is DOWN: every publication to it would fail.
 * The console's channels page asks the same {@link #probe}.
 */
@Component("channelsHealthIndicator")
public class ChannelsHealth extends AbstractHealthIndicator {

	private final List<ChannelDescriptor> channels;

	private final TemplateStore templates;

	ChannelsHealth(List<ChannelDescriptor> channels, TemplateStore templates) {
		this.channels = channels;
		this.templates = templates;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean allUp = true;
		for (ChannelDescriptor channel : this.channels) {
			ChannelDescriptor.ChannelHealth health = probe(channel);
			allUp &= health.up();
			builder.withDetail(channel.id(),
					Map.of("mode", channel.mode(), "enabled", channel.enabled(), "status", health.up() ? "UP" : "DOWN",
							"state", health.state().name(), "detail", health.detail(), "template",
							channel.id() + "/" + channel.template() + " (" + origin(channel) + ")"));
		}
		if (allUp) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

	/**
	 * The channel's health with its typed state: DISABLED when it is off,
	 * TEMPLATE_MISSING when its template is, else what the channel says (a probe that
	 * throws is DOWN).
	 */
	public ChannelDescriptor.ChannelHealth probe(ChannelDescriptor channel) {
		if (!channel.enabled()) {
			return ChannelDescriptor.ChannelHealth.disabled();
		}
		if (!this.templates.exists(channel.id(), channel.template())) {
			return ChannelDescriptor.ChannelHealth.templateMissing("template " + channel.id() + "/" + channel.template()
					+ " is missing (neither built in nor in " + this.templates.overrideDir() + ")",
					"/console/templates");
		}
		try {
			return channel.health();
		}
		catch (RuntimeException ex) {
			return ChannelDescriptor.ChannelHealth.unhealthy(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private String origin(ChannelDescriptor channel) {
		try {
			return this.templates.origin(channel.id(), channel.template());
		}
		catch (RuntimeException ex) {
			return "invalid name";
		}
	}

}
