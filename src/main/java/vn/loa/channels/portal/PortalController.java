package vn.loa.channels.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import vn.loa.common.DisplayTexts;
import vn.loa.common.LoaProperties;
import vn.loa.rendering.ShortLinks;

/**
 * The public portal: no login, Vietnamese, only articles that are published and not
 * withdrawn. Article bodies were sanitised when they were published.
 */
@Controller
class PortalController {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final PortalArticles articles;

	private final PortalProperties properties;

	private final PortalFeeds feeds;

	private final LoaProperties loa;

	private final DisplayTexts texts;

	PortalController(PortalArticles articles, PortalProperties properties, LoaProperties loa, DisplayTexts texts) {
		this.articles = articles;
		this.texts = texts;
		this.properties = properties;
		this.loa = loa;
		this.feeds = new PortalFeeds(properties, loa);
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("portal", this.properties);
		model.addAttribute("dates", Dates.INSTANCE);
	}

	@GetMapping("/portal")
	String list(@RequestParam(name = "topic", required = false) String topic, Model model) {
		String chosen = (topic == null || topic.isBlank()) ? null : topic.strip();
		model.addAttribute("topic", chosen);
		model.addAttribute("topics", this.articles.visibleTopics());
		model.addAttribute("articles", this.articles.visible(chosen, 100));
		model.addAttribute("pageTitle", (chosen != null)
				? this.texts.vietnameseTopic(chosen) + " – " + this.properties.title() : this.properties.title());
		String canonical = (chosen != null) ? UriComponentsBuilder.fromUriString(this.loa.publicUrl("/portal"))
			.queryParam("topic", chosen)
			.encode()
			.toUriString() : this.loa.publicUrl("/portal");
		model.addAttribute("canonical", canonical);
		return "portal/list";
	}

	@GetMapping("/portal/articles/{slug}")
	String article(@PathVariable String slug, Model model, HttpServletResponse response) {
		Optional<PortalArticle> article = this.articles.visibleBySlug(slug);
		model.addAttribute("canonical", this.loa.publicUrl("/portal/articles/" + slug));
		if (article.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "portal/not-found";
		}
		model.addAttribute("article", article.get());
		String summary = article.get().summary();
		model.addAttribute("description",
				(summary != null && !summary.isBlank()) ? summary : this.properties.description());
		return "portal/article";
	}

	/**
	 * The short link an SMS carries: redirected to the article of the content item the
	 * code names; a code without a visible article (unpublished, withdrawn, made up)
	 * answers the portal's not-found page, so unpublished items stay unseen.
	 */
	@GetMapping(ShortLinks.PREFIX + "{code}")
	String shortLink(@PathVariable String code, Model model, HttpServletResponse response) {
		Optional<PortalArticle> article = ShortLinks.contentId(code).flatMap(this.articles::visibleByContent);
		if (article.isEmpty()) {
			model.addAttribute("canonical", this.loa.publicUrl("/portal"));
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "portal/not-found";
		}
		// 302, not 301: browsers keep a 301, and a withdrawn article must stop answering
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
		return "redirect:" + this.loa
			.publicUrl("/portal/articles/" + UriUtils.encodePathSegment(article.get().slug(), StandardCharsets.UTF_8));
	}

	@GetMapping("/portal/feed.rss")
	ResponseEntity<String> rss(WebRequest request) {
		return feed(PortalFeeds.Format.RSS, request);
	}

	@GetMapping("/portal/feed.atom")
	ResponseEntity<String> atom(WebRequest request) {
		return feed(PortalFeeds.Format.ATOM, request);
	}

	/**
	 * A feed answers with an ETag and Last-Modified from the articles' last change, and a
	 * reader that already has that version gets 304 before anything is rendered. The ETag
	 * also covers the feed's own settings, so a new title after a restart is a new
	 * version.
	 */
	private ResponseEntity<String> feed(PortalFeeds.Format format, WebRequest request) {
		PortalArticles.FeedState state = this.articles.feedState();
		String etag = "\"" + format.name().toLowerCase(java.util.Locale.ROOT) + "-" + state.lastChange().toEpochMilli()
				+ "-" + state.visible() + "-" + Integer.toHexString(java.util.Objects.hash(this.properties.title(),
						this.properties.description(), this.properties.feedSize(), this.loa.publicUrl("/portal")))
				+ "\"";
		// Last-Modified has whole seconds; the ETag tells changes within a second apart
		long lastModified = state.lastChange().toEpochMilli() / 1000 * 1000;
		if (request.checkNotModified(etag, lastModified)) {
			return null;
		}
		String xml = this.feeds.build(format, this.articles.visible(null, this.properties.feedSize()),
				state.lastChange());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType))
			.cacheControl(CacheControl.noCache())
			.eTag(etag)
			.lastModified(lastModified)
			.body(xml);
	}

	/** Date formatting for the views, in Vietnam's time zone. */
	static final class Dates {

		static final Dates INSTANCE = new Dates();

		private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy")
			.withZone(VIETNAM);

		private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(VIETNAM);

		public String format(Instant instant) {
			return DISPLAY.format(instant);
		}

		public String iso(Instant instant) {
			return ISO.format(instant);
		}

	}

}
