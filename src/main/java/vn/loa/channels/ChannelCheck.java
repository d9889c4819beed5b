package vn.loa.channels;

import java.util.List;

/**
 * A harmless check of a channel's connection through its own client, for an admin on the
 * channels page: it asks the provider who Loa's credentials belong to or reads something,
 * and sends nothing (a channel that can send a test offers {@link ChannelTestSend}).
 */
public interface ChannelCheck {

	String channel();

	/** What the provider said, one finding per site, Page or endpoint checked. */
	List<Finding> check();

	/**
	 * @param subject what was checked (a site, a Page)
	 * @param ok whether Loa may publish there
	 * @param detail what the provider said, in Vietnamese with its own code
	 */
	record Finding(String subject, boolean ok, String detail) {

	}

}
