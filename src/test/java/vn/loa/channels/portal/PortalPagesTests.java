package vn.loa.channels.portal;

import java.io.StringReader;
import java.time.Instant;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.loa.common.LoaProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class PortalPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PortalArticles articles;

	@Autowired
	LoaProperties loa;

	@Test
	void listArticleAndFeedsShowAPublishedArticleWithoutLogin() throws Exception {
		long contentId = 900_001;
		// Now, so that it is the newest in the feeds whatever the demo data and other
		// tests
		// published before it.
		Instant publishedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String shownDate = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
			.format(publishedAt.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
		PortalArticle article = this.articles.publish(contentId, 1, "duong-day-nong-tiep-nhan-phan-anh-tthc", 41L,
				"Đường dây nóng tiếp nhận phản ánh TTHC", "Người dân gọi 1022 để phản ánh về thủ tục hành chính.",
				"Thủ tục hành chính",
				SafeHtml.fromMarkdown("Gọi **1022** <img src=x onerror=alert(1)><script>alert(2)</script>"),
				publishedAt);
		assertThat(article.slug()).isEqualTo("duong-day-nong-tiep-nhan-phan-anh-tthc");

		String list = this.mvc.perform(get("/portal"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("<html lang=\"vi\"")
			.contains("Đường dây nóng tiếp nhận phản ánh TTHC")
			.contains("href=\"/portal/articles/duong-day-nong-tiep-nhan-phan-anh-tthc\"")
			.contains("<link rel=\"canonical\" href=\"" + this.loa.publicBaseUrl() + "/portal\"")
			.contains("<meta name=\"description\"");

		String page = this.mvc.perform(get("/portal/articles/" + article.slug()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<strong>1022</strong>")
			.contains("<meta name=\"description\" content=\"Người dân gọi 1022 để phản ánh về thủ tục hành chính.\"")
			.contains(
					"href=\"" + this.loa.publicBaseUrl() + "/portal/articles/duong-day-nong-tiep-nhan-phan-anh-tthc\"")
			.contains(shownDate)
			.doesNotContain("onerror")
			.doesNotContain("alert(");

		SyndFeed rss = feed("/portal/feed.rss");
		assertThat(rss.getEntries()).anySatisfy((e) -> assertThat(e.getLink())
			.isEqualTo("" + this.loa.publicBaseUrl() + "/portal/articles/duong-day-nong-tiep-nhan-phan-anh-tthc"));
		assertThat(feed("/portal/feed.atom").getEntries())
			.anySatisfy((e) -> assertThat(e.getTitle()).isEqualTo("Đường dây nóng tiếp nhận phản ánh TTHC"));
	}

	@Test
	void topicFilterShowsOnlyThatTopic() throws Exception {
		this.articles.publish(900_011, 1, "hoi-nghi-chuyen-doi-so", null, "Hội nghị chuyển đổi số cấp xã", "Tóm tắt",
				"Chuyển đổi số", "<p>a</p>", Instant.parse("2026-11-21T03:00:00Z"));
		this.articles.publish(900_012, 1, "lich-truc-tiep-dan", null, "Lịch trực tiếp dân tháng 12", "Tóm tắt",
				"Tiếp công dân", "<p>b</p>", Instant.parse("2026-11-21T04:00:00Z"));

		String page = this.mvc.perform(get("/portal").param("topic", "Chuyển đổi số"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Hội nghị chuyển đổi số cấp xã").doesNotContain("Lịch trực tiếp dân tháng 12");
	}

	@Test
	void withdrawnArticleDisappearsFromPageAndFeeds() throws Exception {
		PortalArticle article = this.articles.publish(900_021, 1, "thong-bao-se-bi-go", null, "Thông báo sẽ bị gỡ",
				"Tóm tắt", "Thông báo", "<p>c</p>", Instant.parse("2026-11-22T03:00:00Z"));
		this.mvc.perform(get("/portal/articles/" + article.slug())).andExpect(status().isOk());

		assertThat(this.articles.withdraw(900_021, Instant.now())).isTrue();

		String missing = this.mvc.perform(get("/portal/articles/" + article.slug()))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(missing).contains("Không tìm thấy tin bài");
		assertThat(this.mvc.perform(get("/portal")).andReturn().getResponse().getContentAsString())
			.doesNotContain("Thông báo sẽ bị gỡ");
		assertThat(feed("/portal/feed.rss").getEntries())
			.noneSatisfy((e) -> assertThat(e.getTitle()).isEqualTo("Thông báo sẽ bị gỡ"));
	}

	@Test
	void republishingKeepsTheSlugAndShowsTheNewVersion() {
		PortalArticle first = this.articles.publish(900_031, 1, "ket-qua-sipas", null, "Kết quả chỉ số SIPAS", "v1",
				"Cải cách", "<p>v1</p>", Instant.parse("2026-11-22T03:00:00Z"));
		PortalArticle second = this.articles.publish(900_031, 2, "ket-qua-sipas", null, "Kết quả chỉ số SIPAS năm 2026",
				"v2", "Cải cách", "<p>v2</p>", Instant.parse("2026-11-23T03:00:00Z"));

		assertThat(second.slug()).isEqualTo(first.slug());
		assertThat(second.contentVersion()).isEqualTo(2);
		assertThat(this.articles.visibleBySlug(first.slug())).get()
			.extracting(PortalArticle::bodyHtml)
			.isEqualTo("<p>v2</p>");
	}

	@Test
	void portalAcceptsNoWrites() throws Exception {
		this.mvc.perform(post("/portal"))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isIn(401, 403));
	}

	@Test
	void theFeedsAnswer304UntilAnArticleIsPublishedOrWithdrawn() throws Exception {
		for (String path : new String[] { "/portal/feed.rss", "/portal/feed.atom" }) {
			long contentId = path.endsWith(".rss") ? 900_091 : 900_092;
			// later than anything the other tests publish, so this is the last change
			Instant published = path.endsWith(".rss") ? Instant.parse("2030-01-01T01:00:00Z")
					: Instant.parse("2030-02-01T01:00:00Z");
			this.articles.publish(contentId, 1, "thong-bao-lich-nghi-tet-" + contentId, null, "Thông báo lịch nghỉ Tết",
					"Tóm tắt", "cai-cach-hanh-chinh", "<p>Nghỉ Tết</p>", published);
			MvcResult first = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
			String etag = first.getResponse().getHeader("ETag");
			String lastModified = first.getResponse().getHeader("Last-Modified");
			assertThat(etag).isNotBlank();
			assertThat(
					java.time.ZonedDateTime.parse(lastModified, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
						.toInstant())
				.isEqualTo(published);
			assertThat(first.getResponse().getContentAsString()).doesNotContain("\r");

			MvcResult cached = this.mvc.perform(get(path).header("If-None-Match", etag))
				.andExpect(status().isNotModified())
				.andReturn();
			assertThat(cached.getResponse().getContentAsString()).isEmpty();
			this.mvc.perform(get(path).header("If-Modified-Since", lastModified)).andExpect(status().isNotModified());

			this.articles.withdraw(contentId, published.plusSeconds(60));
			MvcResult changed = this.mvc.perform(get(path).header("If-None-Match", etag))
				.andExpect(status().isOk())
				.andReturn();
			assertThat(changed.getResponse().getHeader("ETag")).isNotEqualTo(etag);
			assertThat(changed.getResponse().getContentAsString())
				.doesNotContain("thong-bao-lich-nghi-tet-" + contentId);
		}
	}

	@Test
	void thePortalNamesItsAgencyShowsTopicsByNameAndHasAFavicon() throws Exception {
		this.articles.publish(900_101, 1, "ra-mat-bo-phan-mot-cua", null, "Ra mắt bộ phận một cửa hiện đại", "Tóm tắt",
				"cai-cach-hanh-chinh", "<p>Ra mắt</p>", Instant.parse("2026-11-24T03:00:00Z"));
		String page = this.mvc.perform(get("/portal"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("<nav class=\"topics\"")
			.contains(">Cải cách hành chính</a>")
			.contains("Sở Nội vụ tỉnh Khánh Hòa")
			.contains("src=\"/portal/logo.svg\"")
			.contains("href=\"tel:02583822222\"")
			.contains("mailto:sonoivu@khanhhoa.gov.vn")
			.contains("rel=\"icon\"");
		MvcResult icon = this.mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn();
		byte[] bytes = icon.getResponse().getContentAsByteArray();
		assertThat(bytes).as("an ICO file").startsWith(0, 0, 1, 0);
		this.mvc.perform(get("/portal/logo.svg")).andExpect(status().isOk());
	}

	private SyndFeed feed(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		return new SyndFeedInput().build(new StringReader(result.getResponse().getContentAsString()));
	}

	@Test
	void aShortLinkLeadsToItsArticleOnlyWhileTheArticleIsVisible() throws Exception {
		long contentId = 900_077;
		PortalArticle article = this.articles.publish(contentId, 1, "lich-tiep-cong-dan-thang-12", null,
				"Lịch tiếp công dân tháng 12", "Lãnh đạo UBND tỉnh tiếp công dân ngày 15/12.", "tiep-cong-dan",
				SafeHtml.fromMarkdown("Tiếp công dân tại trụ sở."), Instant.parse("2026-12-01T03:00:00Z"));
		String code = vn.loa.rendering.ShortLinks.code(contentId);
		assertThat(code).hasSizeLessThanOrEqualTo(4);

		this.mvc.perform(get("/s/" + code))
			.andExpect(status().isFound())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Location", this.loa.publicBaseUrl() + "/portal/articles/" + article.slug()));
		this.mvc.perform(get("/s/" + code.toUpperCase(java.util.Locale.ROOT))).andExpect(status().isFound());
		this.mvc.perform(get("/s/" + vn.loa.rendering.ShortLinks.code(contentId + 1))).andExpect(status().isNotFound());
		this.mvc.perform(get("/s/không-phải-mã")).andExpect(status().isNotFound());

		this.articles.withdraw(contentId, Instant.parse("2026-12-02T03:00:00Z"));
		this.mvc.perform(get("/s/" + code)).andExpect(status().isNotFound());
	}

}
