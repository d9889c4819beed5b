package vn.loa.web;

import java.util.Map;

/**
 * One colour per channel, the same on the calendar and the charts, each dark enough for
 * white text (WCAG AA on the event labels).
 */
final class ChannelColours {

	private static final Map<String, String> KNOWN = Map.of("portal", "#a3161a", "sms", "#1f4fbf", "radio", "#7d5400",
			"wordpress", "#3d5a80", "facebook", "#1658c9", "zalo", "#0b6e4f", "zalo-zns", "#6b3fa0", "webhook",
			"#4a4a4a");

	private static final String[] OTHERS = { "#8a3b12", "#205c5c", "#5c2e7e", "#3f5f1a" };

	private ChannelColours() {
	}

	static String of(String channel) {
		String known = KNOWN.get(channel);
		return (known != null) ? known : OTHERS[Math.floorMod(channel.hashCode(), OTHERS.length)];
	}

}
