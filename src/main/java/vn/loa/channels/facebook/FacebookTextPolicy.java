package vn.loa.channels.facebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.loa.rendering.ChannelTextPolicy;

/**
 * Measures a post against Facebook's practical lengths: the feed shows about the first
 * 125 characters on phones and 477 on computers before "Xem thêm" (See more), posts are
 * most read under 80 characters, and Graph refuses more than 63,206. The preview shows
 * the warnings; only the hard limit would fail at send time, so it is the only one named
 * as an error.
 */
@Component
class FacebookTextPolicy implements ChannelTextPolicy {

	static final int HARD_LIMIT = 63_206;

	static final int DESKTOP_FOLD = 477;

	static final int MOBILE_FOLD = 125;

	@Override
	public String channel() {
		return FacebookPublisher.CHANNEL;
	}

	@Override
	public String finish(String text, Map<String, String> options) {
		return text.strip();
	}

	@Override
	public Map<String, Object> metrics(String text, Map<String, String> options) {
		int characters = text.codePointCount(0, text.length());
		List<String> warnings = new ArrayList<>();
		if (characters > HARD_LIMIT) {
			warnings.add("Facebook từ chối bài dài quá " + HARD_LIMIT + " ký tự");
		}
		if (characters > DESKTOP_FOLD) {
			warnings.add("Trên máy tính chỉ hiện " + DESKTOP_FOLD + " ký tự đầu, phần sau nằm sau \"Xem thêm\"");
		}
		else if (characters > MOBILE_FOLD) {
			warnings.add("Trên điện thoại chỉ hiện khoảng " + MOBILE_FOLD + " ký tự đầu trước \"Xem thêm\"");
		}
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("characters", characters);
		metrics.put("visibleOnMobile",
				text.substring(0, text.offsetByCodePoints(0, Math.min(characters, MOBILE_FOLD))));
		metrics.put("overHardLimit", characters > HARD_LIMIT);
		metrics.put("warnings", warnings);
		return metrics;
	}

}
