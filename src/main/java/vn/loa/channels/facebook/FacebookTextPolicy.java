package vn.loa.channels.facebook;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.loa.common.LoaProperties;
import vn.loa.content.ContentVersion;
import vn.loa.content.ImageRef;
import vn.loa.rendering.ChannelTextPolicy;

/**
 * Measures a post against Facebook's practical lengths and shows it as the Pages'
 * followers will see it. The feed shows about the first 125 characters on phones and 477
 * on computers before "Xem thêm" (See more), and Graph refuses more than 63,206; only the
 * hard limit would fail at send time, the folds are warnings. The card is the post as
 * Facebook draws it: the Page, the text up to the fold, and the link preview of the
 * portal article or the item's first image, as the publisher would post it.
 */
@Component
class FacebookTextPolicy implements ChannelTextPolicy {

	static final int HARD_LIMIT = 63_206;

	static final int DESKTOP_FOLD = 477;

	static final int MOBILE_FOLD = 125;

	/** How many Page names the card lists before "and N more". */
	private static final int NAMED_PAGES = 2;

	private final FacebookPages pages;

	private final FacebookProperties properties;

	private final LoaProperties loa;

	FacebookTextPolicy(FacebookPages pages, FacebookProperties properties, LoaProperties loa) {
		this.pages = pages;
		this.properties = properties;
		this.loa = loa;
	}

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
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("characters", characters);
		metrics.put("visibleOnMobile", prefix(text, MOBILE_FOLD));
		metrics.put("overHardLimit", characters > HARD_LIMIT);
		return metrics;
	}

	/**
	 * The post as a card: {@code pageName} and {@code morePages} (the registered Pages,
	 * which the default target reaches), the text cut as phones ({@code lead}) and
	 * computers ({@code rest}, then {@code seeMore}) show it, {@code kind} with the link
	 * preview ({@code link}, {@code linkHost}, {@code linkTitle}, {@code linkSummary}) or
	 * the photo ({@code image}, {@code imageAlt}), and {@code warnings}, each a
	 * {@code code} and the {@code limit} it is over.
	 */
	@Override
	public Map<String, Object> card(ContentVersion content, String text, Map<String, String> options) {
		int characters = text.codePointCount(0, text.length());
		Map<String, Object> card = new LinkedHashMap<>();
		List<String> names = this.pages.all().stream().map(FacebookPages.Page::name).toList();
		card.put("pageName", String.join(", ", names.subList(0, Math.min(NAMED_PAGES, names.size()))));
		card.put("morePages", Math.max(0, names.size() - NAMED_PAGES));
		String lead = prefix(text, MOBILE_FOLD);
		card.put("lead", lead);
		card.put("rest", prefix(text, DESKTOP_FOLD).substring(lead.length()));
		card.put("seeMore", characters > DESKTOP_FOLD);
		ImageRef image = content.images().isEmpty() ? null : content.images().get(0);
		String chosen = options.getOrDefault(FacebookPublisher.CHANNEL + ".post", this.properties.post());
		String kind = FacebookPublisher.kind(chosen, (image != null) ? image.path() : null);
		card.put("kind", kind);
		if ("photo".equals(kind)) {
			card.put("image", this.loa.publicUrl(image.path()));
			card.put("imageAlt", (image.alt() != null) ? image.alt() : "");
		}
		else {
			String link = this.loa.publicUrl("/portal/articles/" + content.slug());
			card.put("link", link);
			card.put("linkHost", host(link));
			card.put("linkTitle", content.title());
			card.put("linkSummary", (content.summary() != null) ? content.summary() : "");
		}
		card.put("warnings", warnings(characters));
		return card;
	}

	private static List<Map<String, Object>> warnings(int characters) {
		List<Map<String, Object>> warnings = new ArrayList<>();
		if (characters > HARD_LIMIT) {
			warnings.add(Map.of("code", "hardLimit", "limit", HARD_LIMIT));
		}
		if (characters > DESKTOP_FOLD) {
			warnings.add(Map.of("code", "desktopFold", "limit", DESKTOP_FOLD));
		}
		else if (characters > MOBILE_FOLD) {
			warnings.add(Map.of("code", "mobileFold", "limit", MOBILE_FOLD));
		}
		return warnings;
	}

	/** The first {@code limit} characters (code points, so no emoji is cut in half). */
	private static String prefix(String text, int limit) {
		int characters = text.codePointCount(0, text.length());
		return text.substring(0, text.offsetByCodePoints(0, Math.min(characters, limit)));
	}

	/** What Facebook prints above a link preview: the site's host, in capitals. */
	private static String host(String link) {
		String host = URI.create(link).getHost();
		return (host != null) ? host.toUpperCase(java.util.Locale.ROOT) : "";
	}

}
