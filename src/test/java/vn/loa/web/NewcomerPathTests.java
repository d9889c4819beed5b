package vn.loa.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.rendering.ShortLinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The newcomer's path on the embedded default, through the console as an officer clicks
 * it: an editor writes an ordinary announcement, an approver publishes it with the
 * portal, SMS with diacritics and radio ticked, and every channel delivers: the SMS
 * counters say what the operator bills, the demo stations receive the script, the
 * messages are Vietnamese. Quiet hours are off so the path does not depend on the time of
 * day the test runs; they have tests of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loa.channels.sms.quiet-hours.enabled=false", "loa.channels.sms.simulator.callback-delay=20ms",
				"loa.public-base-url=https://loa.example.gov.vn" })
@AutoConfigureMockMvc
class NewcomerPathTests {

	private static final String TITLE = "Tiếp nhận hồ sơ đất đai qua bưu điện từ ngày 01/12";

	private static final String SUMMARY = "Người dân nộp hồ sơ đất đai tại bưu điện xã và nhận kết quả tại nhà, "
			+ "không phải đến bộ phận một cửa.";

	private static final String BODY = """
			Từ ngày 01/12/2026, bộ phận một cửa cấp huyện **tiếp nhận hồ sơ đất đai** qua dịch vụ bưu chính công ích.

			Người dân nộp hồ sơ tại bưu điện xã; lệ phí 50.000đ/hồ sơ. Hotline: 1022 (7h30 – 17h00).
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	DeliveryLog deliveries;

	@Test
	void anOrdinaryAnnouncementGoesOutOnPortalSmsAndRadio() throws Exception {
		// the editor writes; the counter under the summary measures the SMS as it will go
		String saved = as("editor", "EDITOR",
				post("/console/contents").param("title", TITLE)
					.param("summary", SUMMARY)
					.param("body", BODY)
					.param("topic", "dich-vu-cong")
					.param("audiences", "CITIZENS_AND_BUSINESSES")
					.param("areas", "56"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(saved.substring(saved.lastIndexOf('/') + 1));
		String counted = as("editor", "EDITOR",
				post("/api/v1/sms/preview").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + id + ",\"title\":\"" + TITLE + "\",\"summary\":\"" + SUMMARY + "\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		int parts = JsonPath.read(counted, "$.withDiacritics.parts");
		String sms = JsonPath.read(counted, "$.text");
		assertThat(parts).isBetween(2, 5);
		assertThat(sms).contains("https://loa.example.gov.vn" + ShortLinks.path(id)).endsWith("Hotline 0258 3822 222");
		as("editor", "EDITOR", post("/console/contents/" + id + "/submit")).andExpect(status().is3xxRedirection());
		as("approver", "APPROVER", post("/console/contents/" + id + "/approve")).andExpect(status().is3xxRedirection());

		// the approver sees each channel's verdict before sending
		String form = page("approver", "APPROVER", "/console/contents/" + id + "/publish");
		assertThat(form).contains("Có dấu: " + parts + " tin · bảng mã UCS-2")
			.contains("Không dấu: ")
			.contains("8 thuê bao")
			.doesNotContain("Lỗi mẫu")
			.doesNotContain("ProblemDetail");

		String publicationUrl = as("approver", "APPROVER",
				post("/console/contents/" + id + "/publish").param("channels", "portal", "sms", "radio")
					.param("smsDiacritics", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", "notice.publicationScheduled"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long publication = Long.parseLong(publicationUrl.substring(publicationUrl.lastIndexOf('/') + 1));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Map<String, Map<DeliveryStatus, Long>> progress = this.deliveries.progress(publication);
			assertThat(progress.get("portal")).containsExactly(Map.entry(DeliveryStatus.SENT, 1L));
			assertThat(progress.get("sms")).containsExactly(Map.entry(DeliveryStatus.DELIVERED, 8L));
			assertThat(progress.get("radio")).containsExactly(Map.entry(DeliveryStatus.SENT, 2L));
		});

		// what a subscriber got, looked up as an officer writes the number
		String received = this.mvc.perform(get("/sandbox/sms/0905 123 456"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(received, "$.phone")).isEqualTo("+84905123456");
		assertThat((List<String>) JsonPath.read(received, "$.messages[*].body")).contains(sms);
		assertThat((List<Integer>) JsonPath.read(received, "$.messages[?(@.body == '" + sms + "')].segments"))
			.containsOnly(parts);
		assertThat((List<String>) JsonPath.read(received, "$.messages[?(@.body == '" + sms + "')].status"))
			.containsOnly("delivered");
		this.mvc.perform(get("/sandbox/sms/84905123456")).andExpect(status().isOk());
		assertThat((Integer) JsonPath.read(this.mvc.perform(get("/sandbox/sms/+84 90 512 3456"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8), "$.count")).isPositive();

		// the short link in the SMS leads to the article
		String article = this.mvc.perform(get(ShortLinks.path(id)))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(article.replace("https://loa.example.gov.vn", ""))).andExpect(status().isOk());

		// the publication page and the station page speak Vietnamese
		String page = page("approver", "APPROVER", "/console/publications/" + publication);
		assertThat(page).contains("Đã nhận").doesNotContain("NO_STATION").doesNotContain("ProblemDetail");
		String station = page("admin", "ADMIN", "/console/stations/nha-trang");
		assertThat(station).contains("curl -H &quot;Authorization: Bearer MÃ_TRUY_CẬP&quot; "
				+ "https://loa.example.gov.vn/feeds/radio/nha-trang.rss");
	}

	@Test
	void aTooLongSmsIsNamedWithItsWaysOutAndTheOtherChannelsStillGo() throws Exception {
		String longSummary = "Từ ngày 01/12, bộ phận một cửa cấp huyện tiếp nhận hồ sơ đất đai qua bưu điện; "
				+ "người dân không phải đi lại nhiều lần, được hướng dẫn tận tình và nhận kết quả tại nhà. "
				+ "Phí dịch vụ bưu chính do tỉnh hỗ trợ trong năm đầu triển khai, áp dụng cho mọi hồ sơ.";
		String saved = as("editor", "EDITOR",
				post("/console/contents").param("title", TITLE)
					.param("summary", longSummary)
					.param("body", BODY)
					.param("topic", "dich-vu-cong")
					.param("audiences", "CITIZENS_AND_BUSINESSES")
					.param("areas", "56"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(saved.substring(saved.lastIndexOf('/') + 1));

		String item = page("editor", "EDITOR", "/console/contents/" + id);
		assertThat(item).contains("Không gửi được")
			.contains("SMS quá dài")
			.contains("bỏ chọn «Gửi SMS có dấu tiếng Việt»")
			.doesNotContain("ProblemDetail")
			.doesNotContain("Lỗi mẫu");
		as("editor", "EDITOR", post("/console/contents/" + id + "/submit")).andExpect(status().is3xxRedirection());
		as("approver", "APPROVER", post("/console/contents/" + id + "/approve")).andExpect(status().is3xxRedirection());

		String refused = as("approver", "APPROVER",
				post("/console/contents/" + id + "/publish").param("channels", "portal", "sms", "radio")
					.param("smsDiacritics", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher plain = Pattern.compile("không dấu: (\\d) tin\\)").matcher(refused);
		assertThat(plain.find()).as("the refusal says how many parts without diacritics").isTrue();
		assertThat(refused).contains("Kênh Tin nhắn SMS không nhận bài này: SMS quá dài")
			.contains("hoặc bỏ chọn kênh SMS để phát hành các kênh còn lại")
			.doesNotContain("the SMS would take");

		// the way out it named: without diacritics the three channels go
		as("approver", "APPROVER",
				post("/console/contents/" + id + "/publish").param("channels", "portal", "sms", "radio")
					.param("smsDiacritics", "false"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/console/publications/")));
	}

	@Test
	void theEditorIsToldWhatTheHtmlFilterTakesOut() throws Exception {
		String saved = as("editor", "EDITOR",
				post("/console/contents").param("title", "Sơ đồ quy trình một cửa")
					.param("summary", "Sơ đồ quy trình tiếp nhận hồ sơ.")
					.param("body",
							"Xem sơ đồ <img src=\"so-do.png\" onerror=\"alert(1)\"> hoặc "
									+ "<a href=\"javascript:alert(2)\">bấm vào đây</a>.")
					.param("topic", "dich-vu-cong")
					.param("audiences", "CITIZENS_AND_BUSINESSES")
					.param("areas", "56"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String item = page("editor", "EDITOR", saved);
		assertThat(item).contains("id=\"html-filter\"")
			.contains("thuộc tính onerror của thẻ &lt;img&gt;")
			.contains("địa chỉ href của thẻ &lt;a&gt; không phải http, https hay mailto");
		String plain = as("editor", "EDITOR",
				post("/console/contents").param("title", "Bài thường")
					.param("summary", "Tóm tắt.")
					.param("body", "Nội dung [có liên kết](https://dichvucong.gov.vn).")
					.param("topic", "dich-vu-cong")
					.param("audiences", "CITIZENS_AND_BUSINESSES")
					.param("areas", "56"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(page("editor", "EDITOR", plain)).doesNotContain("id=\"html-filter\"");
	}

	private String page(String name, String role, String path) throws Exception {
		return as(name, role, get(path)).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

}
