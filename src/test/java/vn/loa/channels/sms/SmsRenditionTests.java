package vn.loa.channels.sms;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.ErrorResponseException;

import vn.loa.common.LoaProperties;
import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.content.ContentVersion;
import vn.loa.publishing.PublicationRequest;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.Target;
import vn.loa.rendering.Renderer;
import vn.loa.rendering.Rendition;
import vn.loa.rendering.ShortLinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The SMS as the template renders it: what the compose counter says is what the channel
 * sends, the short link stands in for the article's long address, the hotline is said
 * once, and an SMS over the part limit is refused naming the channel and the ways out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SmsRenditionTests {

	private static final String TITLE = "Tiếp nhận hồ sơ đất đai qua bưu điện";

	private static final String SUMMARY = "Người dân nộp hồ sơ đất đai tại bưu điện xã, nhận kết quả tại nhà.";

	@Autowired
	MockMvc mvc;

	@Autowired
	Renderer renderer;

	@Autowired
	ContentService contents;

	@Autowired
	PublicationService publications;

	@Autowired
	LoaProperties loa;

	@Test
	void theComposeCounterMeasuresTheSmsTheChannelWillSend() throws Exception {
		ContentItem item = this.contents.create(draft(TITLE, SUMMARY), "editor");
		String answer = this.mvc
			.perform(post("/api/v1/sms/preview").with(user("editor").roles("EDITOR"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"contentId\":" + item.id() + ",\"title\":\"" + TITLE + "\",\"summary\":\"" + SUMMARY
						+ "\",\"body\":\"Nội dung\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.withDiacritics.encoding").value("UCS_2"))
			.andExpect(jsonPath("$.withoutDiacritics.encoding").value("GSM_7"))
			.andExpect(jsonPath("$.maxParts").value(5))
			.andReturn()
			.getResponse()
			.getContentAsString();

		Rendition with = this.renderer.render(item.current(), "sms", "announcement.txt", Map.of(),
				Map.of("sms.diacritics", "true"));
		Rendition without = this.renderer.render(item.current(), "sms", "announcement.txt", Map.of(),
				Map.of("sms.diacritics", "false"));
		assertThat((String) JsonPath.read(answer, "$.text")).isEqualTo(with.text());
		assertThat((String) JsonPath.read(answer, "$.textWithoutDiacritics")).isEqualTo(without.text());
		assertThat((Integer) JsonPath.read(answer, "$.withDiacritics.parts")).isEqualTo(with.metrics().get("parts"))
			.isGreaterThan(1);
		assertThat((Integer) JsonPath.read(answer, "$.withoutDiacritics.parts"))
			.isEqualTo(without.metrics().get("parts"))
			.isLessThan((Integer) with.metrics().get("parts"));
		// the counter counts agency, title, summary, link and hotline, not the summary
		// alone
		assertThat(with.text()).startsWith("Sở Nội vụ tỉnh Khánh Hòa: " + TITLE + ". " + SUMMARY)
			.contains(" Chi tiết: " + this.loa.publicUrl(ShortLinks.path(item.id())))
			.endsWith(" Hotline 0258 3822 222");
		assertThat(with.text()).doesNotContain("/portal/articles/");
		assertThat(without.text()).contains("Nguoi dan nop ho so dat dai tai buu dien xa");
	}

	@Test
	void theHotlineIsSaidOnceWhenTheSummaryAlreadyGivesOne() {
		ContentVersion own = this.contents
			.create(draft(TITLE, "Mọi vướng mắc xin gọi đường dây nóng 1022 (7h30 – 17h00)."), "editor")
			.current();
		assertThat(sms(own)).contains("đường dây nóng 1022").doesNotContain("Hotline");
		ContentVersion same = this.contents.create(draft(TITLE, "Liên hệ 0258.3822.222 để được hỗ trợ."), "editor")
			.current();
		assertThat(sms(same)).contains("0258.3822.222").doesNotContain("Hotline");
		ContentVersion none = this.contents.create(draft(TITLE, SUMMARY), "editor").current();
		assertThat(sms(none).split("0258 3822 222", -1)).hasSize(2);
	}

	@Test
	void anSmsOverThePartLimitIsRefusedNamingTheChannelAndTheWaysOut() {
		String longSummary = "Từ ngày 01/12, bộ phận một cửa cấp huyện tiếp nhận hồ sơ đất đai qua bưu điện; "
				+ "người dân không phải đi lại nhiều lần, được hướng dẫn tận tình và nhận kết quả tại nhà. "
				+ "Phí dịch vụ bưu chính do tỉnh hỗ trợ trong năm đầu triển khai.";
		ContentItem item = this.contents.create(draft(TITLE, longSummary), "editor");
		this.contents.submit(item.id(), "editor");
		this.contents.approve(item.id(), "approver");

		Rendition measured = this.renderer.measure(item.current(), "sms", "announcement.txt", Map.of());
		assertThat(measured.metrics()).containsEntry("overLimit", true);
		assertThat((Integer) measured.metrics().get("parts")).isGreaterThan(5);
		int plain = (Integer) measured.metrics().get("partsWithoutDiacritics");
		assertThat(plain).isLessThanOrEqualTo(5);

		assertThatThrownBy(
				() -> this.publications.create(
						new PublicationRequest(item.id(),
								List.of(new Target("portal", null), new Target("sms", null), new Target("radio", null)),
								null, false, Map.of("sms.diacritics", "true")),
						new PublicationService.Actor("approver", true)))
			.isInstanceOfSatisfying(ErrorResponseException.class, (ex) -> {
				assertThat(ex.getBody().getDetail()).startsWith("sms: the SMS would take ")
					.contains("at most 5")
					.contains("without diacritics (" + plain + " parts)")
					.contains("leave SMS out");
				assertThat(ex.getBody().getProperties()).containsEntry("channel", "sms")
					.containsEntry("partsWithoutDiacritics", plain);
			});
		// without diacritics the same item goes out on all three channels
		assertThat(this.publications.create(new PublicationRequest(item.id(),
				List.of(new Target("portal", null), new Target("sms", null), new Target("radio", null)), null, false,
				Map.of("sms.diacritics", "false")), new PublicationService.Actor("approver", true)))
			.isNotNull();
	}

	private String sms(ContentVersion version) {
		return this.renderer.render(version, "sms", "announcement.txt", Map.of(), Map.of()).text();
	}

	private static ContentDraft draft(String title, String summary) {
		return new ContentDraft(title, summary, "Bộ phận một cửa cấp huyện **tiếp nhận hồ sơ đất đai** qua bưu điện.",
				"dich-vu-cong", List.of(Audience.CITIZENS_AND_BUSINESSES), List.of("56"), List.of(), List.of());
	}

}
