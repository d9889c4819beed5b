package vn.loa.plans;

import java.util.List;

/**
 * What counts toward a task: a kind of channel, with the Loa channel ids behind it, or a
 * manual activity that only manual entries count. Newspapers print what their own editors
 * choose, so newspaper items are recorded by hand too.
 */
public enum TaskChannel {

	PORTAL(List.of("portal")), WORDPRESS(List.of("wordpress")), NEWSPAPER(List.of()), RADIO(List.of("radio")),
	ZALO(List.of("zalo", "zalo-zns")), FACEBOOK(List.of("facebook")), SMS(List.of("sms")), MANUAL(List.of());

	/** The delivery log channels this kind counts. */
	final List<String> channels;

	TaskChannel(List<String> channels) {
		this.channels = channels;
	}

	/** Channels whose targets (station, site, Page) belong to units themselves. */
	static boolean unitTargets(String channel) {
		return channel.equals("radio") || channel.equals("wordpress") || channel.equals("facebook");
	}

}
