package vn.loa.channels.zalo;

import java.util.Map;

import org.springframework.stereotype.Component;

import vn.loa.rendering.ChannelTextPolicy;

/**
 * A consultation message is plain text of at most {@value ZaloChannel#MAX_CHARS}
 * characters; the preview says how many are used and left.
 */
@Component
class ZaloTextPolicy implements ChannelTextPolicy {

	@Override
	public String channel() {
		return ZaloChannel.ID;
	}

	@Override
	public String finish(String text, Map<String, String> options) {
		return text.strip();
	}

	@Override
	public Map<String, Object> metrics(String text, Map<String, String> options) {
		return Map.of("characters", text.length(), "charactersLeft", ZaloChannel.MAX_CHARS - text.length());
	}

}
