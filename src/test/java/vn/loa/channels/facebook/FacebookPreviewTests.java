package vn.loa.channels.facebook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.loa.channels.ChannelCheck;
import vn.loa.content.ContentVersion;
import vn.loa.content.ImageRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Facebook rendition as the officer previews it: a card like the post on the Page
 * (the Page, the text cut where phones and computers cut it, the link preview or the
 * photo) with warnings over Facebook's lengths, in the API and on the console's item and
 * publish pages, in Vietnamese and English.
 */
@FacebookTest
class FacebookPreviewTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	FacebookTextPolicy policy;

	@Autowired
	vn.loa.channels.facebook.sandbox.GraphSimulator simulator;

	@Test
	@SuppressWarnings("unchecked")
	void anAdminChecksEachPagesTokenOnTheChannelsPageWithoutPosting() throws Exception {
		String working = fixtures().page("Trang kiểm tra " + UUID.randomUUID().toString().substring(0, 6), "56",
				"token-check");
		String expired = fixtures().page("Trang hết hạn " + UUID.randomUUID().toString().substring(0, 6), "56",
				"EXPIRED-token-check");

		List<ChannelCheck.Finding> findings = (List<ChannelCheck.Finding>) as("admin", "ADMIN",
				post("/console/channels/facebook/check"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("checkChannel", "facebook"))
			.andExpect(flash().attribute("checkOk", false))
			.andReturn()
			.getFlashMap()
			.get("checkFindings");
		assertThat(findings).anySatisfy((f) -> {
			assertThat(f.subject()).contains(working);
			assertThat(f.ok()).isTrue();
		}).anySatisfy((f) -> {
			assertThat(f.subject()).contains(expired);
			assertThat(f.ok()).isFalse();
			assertThat(f.detail()).contains("Session has expired");
		});
		assertThat(this.simulator.postsOf(working)).isEmpty();
		// a check does not pause the Page: that is for a refused publication
		assertThat(body(as("admin", "ADMIN", get("/api/v1/facebook/pages")))).contains(expired);
		as("editor", "EDITOR", post("/console/channels/facebook/check")).andExpect(status().isForbidden());
	}

	@Test
	void aLongPostIsALinkCardCutAtTheFoldsWithItsWarning() throws Exception {
		String page = page("Sở Tư pháp " + UUID.randomUUID().toString().substring(0, 6));
		String title = "Đăng ký khai sinh trực tuyến " + UUID.randomUUID();
		long item = item(title, "Người dân đăng ký khai sinh, thường trú và nhận thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi "
				+ "qua Cổng dịch vụ công, không phải đến Ủy ban nhân dân xã. ".repeat(5));

		JsonNode rendition = this.json
			.readTree(body(as("editor", "EDITOR", get("/api/v1/contents/" + item + "/renditions/facebook"))
				.andExpect(status().isOk())));
		JsonNode metrics = rendition.path("metrics");
		String text = rendition.path("text").asString();
		assertThat(metrics.path("characters").asInt()).isGreaterThan(477);
		JsonNode card = metrics.path("card");
		assertThat(card.path("kind").asString()).isEqualTo("link");
		assertThat(card.path("linkTitle").asString()).isEqualTo(title);
		assertThat(card.path("link").asString()).contains("/portal/articles/");
		assertThat(card.path("linkHost").asString()).isEqualTo("LOCALHOST");
		assertThat(card.path("pageName").asString()).isNotEmpty();
		String lead = card.path("lead").asString();
		String rest = card.path("rest").asString();
		assertThat(lead.codePointCount(0, lead.length())).isEqualTo(125);
		assertThat(text).startsWith(lead + rest);
		assertThat((lead + rest).codePointCount(0, (lead + rest).length())).isEqualTo(477);
		assertThat(card.path("seeMore").asBoolean()).isTrue();
		assertThat(card.path("warnings")).singleElement().satisfies((w) -> {
			assertThat(w.path("code").asString()).isEqualTo("desktopFold");
			assertThat(w.path("limit").asInt()).isEqualTo(477);
		});

		Document vi = Jsoup
			.parse(body(as("editor", "EDITOR", get("/console/contents/" + item)).andExpect(status().isOk())));
		Element shown = vi.getElementById("card-facebook");
		assertThat(shown).isNotNull();
		assertThat(shown.attr("data-kind")).isEqualTo("link");
		assertThat(shown.select(".post-card-link-title").text()).isEqualTo(title);
		assertThat(shown.select(".post-card-see-more").text()).isEqualTo("… Xem thêm");
		assertThat(shown.select(".post-card-after-mobile").text()).isEqualTo(rest.replaceAll("\\s+", " ").strip());
		assertThat(shown.select(".post-card-warnings li[data-warning=desktopFold]").text())
			.startsWith("Trên máy tính chỉ hiện 477 ký tự đầu");
		assertThat(vi.select("#rendition-facebook .metrics").text()).doesNotContain("card");
		assertThat(vi.select("#rendition-facebook pre.body-source")).isEmpty();

		Document en = Jsoup.parse(body(as("editor", "EDITOR", get("/console/contents/" + item).param("lang", "en"))
			.andExpect(status().isOk())));
		Element english = en.getElementById("card-facebook");
		assertThat(english.select(".post-card-see-more").text()).isEqualTo("… See more");
		assertThat(english.select(".post-card-meta").text()).isEqualTo("Just now · Public");
		assertThat(english.select(".post-card-warnings li").text())
			.startsWith("Computers show only the first 477 characters");

		// The publish page shows the same card under the channel's verdict.
		Document publish = Jsoup.parse(body(
				as("approver", "APPROVER", get("/console/contents/" + item + "/publish")).andExpect(status().isOk())));
		assertThat(publish.select("#verdict-facebook #card-facebook .post-card-link-title").text()).isEqualTo(title);
		assertThat(page).isNotEmpty();
	}

	@Test
	void warningsFollowTheLengths() {
		ContentVersion content = content(List.of());
		assertThat(this.policy.card(content, "Ngắn gọn", Map.of()).get("warnings")).isEqualTo(List.of());
		assertThat(this.policy.card(content, "x".repeat(126), Map.of()).get("warnings"))
			.isEqualTo(List.of(Map.of("code", "mobileFold", "limit", 125)));
		assertThat(this.policy.card(content, "x".repeat(63_207), Map.of()).get("warnings")).isEqualTo(
				List.of(Map.of("code", "hardLimit", "limit", 63_206), Map.of("code", "desktopFold", "limit", 477)));
		assertThat(this.policy.metrics("x".repeat(63_207), Map.of())).containsEntry("overHardLimit", true);
		// Cut by characters, not by UTF-16 units: an emoji at the fold stays whole.
		String emoji = "x".repeat(124) + "📣" + "y";
		assertThat(this.policy.card(content, emoji, Map.of()).get("lead")).isEqualTo("x".repeat(124) + "📣");
		assertThat(this.policy.card(content, emoji, Map.of()).get("rest")).isEqualTo("y");
	}

	@Test
	void aPhotoPostShowsTheFirstImageAndAnItemWithoutOneStaysALink() {
		ContentVersion photo = content(List.of(new ImageRef("hoi-nghi.jpg", "image/jpeg", "Hội nghị trực tuyến")));
		Map<String, Object> card = this.policy.card(photo, "Ảnh hội nghị", Map.of("facebook.post", "photo"));
		assertThat(card).containsEntry("kind", "photo").containsEntry("imageAlt", "Hội nghị trực tuyến");
		assertThat((String) card.get("image")).endsWith("/media/hoi-nghi.jpg");
		assertThat(card).doesNotContainKey("link");

		assertThat(this.policy.card(content(List.of()), "Bài", Map.of("facebook.post", "photo"))).containsEntry("kind",
				"link");
		assertThat(this.policy.card(photo, "Bài", Map.of())).containsEntry("kind", "link");
	}

	private static ContentVersion content(List<ImageRef> images) {
		long id = ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L);
		return new ContentVersion(id, 1, "bai-" + id, "Tiêu đề", "Tóm tắt", "Nội dung", "cai-cach-hanh-chinh",
				List.of(), List.of("56"), List.of(), images, "editor", Instant.now());
	}

	private String page(String name) throws Exception {
		return fixtures().page(name, Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999)),
				"token-preview");
	}

	private long item(String title, String summary) throws Exception {
		return fixtures().approvedItem(title, summary);
	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return fixtures().as(name, role, request);
	}

	private FacebookFixtures fixtures() {
		return new FacebookFixtures(this.mvc, this.json);
	}

	private static String body(ResultActions result) throws Exception {
		return FacebookFixtures.body(result);
	}

}
