package vn.loa.channels.portal;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;

import vn.loa.common.LoaProperties;

import static org.assertj.core.api.Assertions.assertThat;

class PortalFeedsTests {

	/** A withdrawal after the newest article was published. */
	private static final Instant CHANGED = Instant.parse("2026-11-21T03:04:05Z");

	private final PortalFeeds feeds = new PortalFeeds(
			new PortalProperties(true, "article.html", "Cổng thông tin CCHC", "Tin về cải cách hành chính", 20,
					new PortalProperties.Agency("Sở Nội vụ", "/portal/logo.svg", "", "", "", "")),
			new LoaProperties(Path.of("target/test-data"), "https://cchc.example.gov.vn/"));

	private final List<PortalArticle> articles = List.of(
			new PortalArticle(2, "tiep-nhan-ho-so-truc-tuyen", 12, 1, 7L, "Tiếp nhận hồ sơ trực tuyến 100%",
					"Tỉnh đặt mục tiêu tiếp nhận toàn bộ hồ sơ qua mạng.", "Dịch vụ công",
					"<p>Nội dung <strong>đầy đủ</strong></p>", Instant.parse("2026-11-20T02:00:00Z"),
					Instant.parse("2026-11-20T02:00:00Z")),
			new PortalArticle(1, "ra-quan-cchc", 11, 2, 6L, "Ra quân cải cách hành chính", "Lễ ra quân năm 2026.",
					"Cải cách hành chính", "<p>Ra quân</p>", Instant.parse("2026-11-18T01:00:00Z"),
					Instant.parse("2026-11-19T01:00:00Z")));

	@Test
	void rssParsesBackWithEveryArticle() throws Exception {
		String xml = this.feeds.build(PortalFeeds.Format.RSS, this.articles, CHANGED);
		SyndFeed parsed = new SyndFeedInput().build(new StringReader(xml));
		assertThat(parsed.getFeedType()).isEqualTo("rss_2.0");
		assertThat(parsed.getTitle()).isEqualTo("Cổng thông tin CCHC");
		assertThat(parsed.getLanguage()).isEqualTo("vi");
		assertThat(parsed.getEntries()).hasSize(2);
		assertThat(parsed.getEntries().get(0).getTitle()).isEqualTo("Tiếp nhận hồ sơ trực tuyến 100%");
		assertThat(parsed.getEntries().get(0).getLink())
			.isEqualTo("https://cchc.example.gov.vn/portal/articles/tiep-nhan-ho-so-truc-tuyen");
		assertThat(parsed.getEntries().get(0).getDescription().getValue())
			.isEqualTo("Tỉnh đặt mục tiêu tiếp nhận toàn bộ hồ sơ qua mạng.");
		assertThat(parsed.getEntries().get(0).getCategories().get(0).getName()).isEqualTo("Dịch vụ công");
		assertThat(parsed.getEntries().get(1).getPublishedDate().toInstant())
			.isEqualTo(Instant.parse("2026-11-18T01:00:00Z"));
	}

	@Test
	void atomParsesBackWithIdsAndContent() throws Exception {
		String xml = this.feeds.build(PortalFeeds.Format.ATOM, this.articles, CHANGED);
		SyndFeed parsed = new SyndFeedInput().build(new StringReader(xml));
		assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(parsed.getEntries()).extracting(e -> e.getUri())
			.containsExactly("https://cchc.example.gov.vn/portal/articles/tiep-nhan-ho-so-truc-tuyen",
					"https://cchc.example.gov.vn/portal/articles/ra-quan-cchc");
		assertThat(parsed.getEntries().get(0).getContents().get(0).getValue()).contains("<strong>đầy đủ</strong>");
		assertThat(parsed.getEntries().get(1).getUpdatedDate().toInstant())
			.isEqualTo(Instant.parse("2026-11-19T01:00:00Z"));
	}

	@Test
	void emptyFeedIsStillValid() throws Exception {
		String xml = this.feeds.build(PortalFeeds.Format.RSS, List.of(), Instant.EPOCH);
		assertThat(new SyndFeedInput().build(new StringReader(xml)).getEntries()).isEmpty();
	}

	@Test
	void theFeedsSayWhenTheyLastChangedAndUseLineFeeds() throws Exception {
		List<PortalArticle> typed = List.of(new PortalArticle(3, "lich-tiep-dan", 13, 1, 8L, "Lịch tiếp công dân",
				"Dòng một.\r\nDòng hai.", "cai-cach-hanh-chinh", "<p>Đoạn một.</p>\r\n<p>Đoạn hai.</p>",
				Instant.parse("2026-11-20T02:00:00Z"), Instant.parse("2026-11-20T02:00:00Z")));
		String rss = this.feeds.build(PortalFeeds.Format.RSS, typed, CHANGED);
		String atom = this.feeds.build(PortalFeeds.Format.ATOM, typed, CHANGED);
		assertThat(rss).doesNotContain("\r").doesNotContain("&#xD;").contains("Dòng một.\nDòng hai.");
		assertThat(atom).doesNotContain("\r").doesNotContain("&#xD;");
		assertThat(rss).contains("<lastBuildDate>Sat, 21 Nov 2026 03:04:05 GMT</lastBuildDate>");
		assertThat(new SyndFeedInput().build(new StringReader(atom)).getPublishedDate().toInstant())
			.as("Atom's feed-level updated")
			.isEqualTo(CHANGED);
		assertThat(this.feeds.build(PortalFeeds.Format.RSS, typed, CHANGED)).as("same articles, same bytes")
			.isEqualTo(rss);
	}

}
