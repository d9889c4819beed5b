package vn.loa.channels;

import java.time.Instant;
import java.util.Map;

import vn.loa.content.ContentVersion;
import vn.loa.rendering.Rendition;

/**
 * One publication's delivery to one target of one channel: what a channel flow receives
 * on {@code <channel>.input}.
 *
 * @param options the publication's per-channel choices (e.g.
 * {@code sms.diacritics=false})
 * @param urgent an approver allowed it to go out in quiet hours
 */
public record ChannelDispatch(long publicationId, String channel, String target, ContentVersion content,
		Rendition rendition, Map<String, String> options, boolean urgent, Instant scheduledAt) {

	public String option(String name, String fallback) {
		return this.options.getOrDefault(this.channel + "." + name, fallback);
	}

}
