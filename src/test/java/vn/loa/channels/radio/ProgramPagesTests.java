package vn.loa.channels.radio;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import vn.loa.channels.radio.RadioPrograms.Program;
import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.content.ReviewState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's radio programs pages, without a browser: the same context as the other
 * console page tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgramPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContentService contents;

	@Autowired
	RadioPrograms programs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEditorAssemblesAProgramFromTwoApprovedItemsInTheOrderGiven() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		ContentItem first = approved("Nộp hồ sơ trực tuyến " + run,
				"UBND huyện khuyến khích nộp hồ sơ qua DVCTT; 81,5% hồ sơ đã nộp trực tuyến.");
		ContentItem second = approved("Đường dây nóng " + run, "Phản ánh về TTHC xin gọi 0262.8552255.");
		ContentItem draft = item("Bài chưa duyệt " + run, "Chưa duyệt.");
		as("editor", "EDITOR", get("/console/programs")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"program-form\""),
					containsString("id=\"item-" + first.id() + "\""), containsString("id=\"item-" + second.id() + "\""),
					not(containsString("id=\"item-" + draft.id() + "\"")), containsString("Chương trình phát thanh"))));

		String title = "Chuyên mục cải cách hành chính " + run;
		String location = as("editor", "EDITOR",
				post("/console/programs").with(csrf())
					.param("title", title)
					.param("targetMinutes", "12")
					.param("airDate", "2026-11-30")
					.param("contentIds", String.valueOf(first.id()), String.valueOf(second.id()))
					// the second ticked item is read first
					.param("order[" + first.id() + "]", "2")
					.param("order[" + second.id() + "]", "1"))
			.andExpect(redirectedUrlPattern("/console/programs/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		Program program = this.programs.get(id).orElseThrow();
		assertThat(program.parts()).extracting(RadioPrograms.ProgramPart::contentId)
			.containsExactly(null, second.id(), first.id(), null);
		assertThat(program.verdict()).isEqualTo("UNDER");
		assertThat(program.targetSeconds()).isEqualTo(720);
		assertThat(program.createdBy()).isEqualTo("editor");
		assertThat(this.contents.get(program.contentId()).state()).isEqualTo(ReviewState.DRAFT);

		String page = as("editor", "EDITOR", get(location)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(title), containsString("data-verdict=\"UNDER\""),
					containsString(program.message()), containsString("Ngắn hơn thời lượng mục tiêu"),
					containsString("data-kind=\"INTRO\""), containsString("data-kind=\"OUTRO\""),
					containsString("href=\"/console/contents/" + program.contentId() + "\""),
					containsString("12 phút 0 giây"), containsString("id=\"program-total\""),
					containsString("id=\"current-user\""))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("href=\"/console/contents/" + second.id() + "\""))
			.as("the parts are in the order given")
			.isLessThan(page.indexOf("href=\"/console/contents/" + first.id() + "\""))
			.isPositive();
		assertThat(page.split("data-kind=\"ITEM\"", -1)).hasSize(3);
		for (RadioPrograms.ProgramPart part : program.parts()) {
			String seconds = (part.seconds() >= 60) ? (part.seconds() / 60) + " phút " + (part.seconds() % 60) + " giây"
					: part.seconds() + " giây";
			assertThat(page).contains(seconds);
		}

		as("approver", "APPROVER", get("/console/programs")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/console/programs/" + id + "\""),
					containsString(title), not(containsString("id=\"item-" + program.contentId() + "\"")))));
		as("editor", "EDITOR", get("/console/programs").param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Radio programs"), containsString("Under the target"))));
	}

	@Test
	void aProgramWithNoItemOrBadMinutesShowsTheFieldErrorAndKeepsTheInput() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		ContentItem approved = approved("Thông báo lịch tiếp dân " + run, "Lãnh đạo huyện tiếp dân vào thứ 5.");
		long before = count();
		String page = html(as("editor", "EDITOR",
				post("/console/programs").with(csrf())
					.param("title", "Chương trình không có bài " + run)
					.param("targetMinutes", "10")
					.param("airDate", "2026-12-01"))
			.andExpect(status().isOk()));
		assertThat(page).contains("id=\"contentIds-error\"", "Hãy chọn ít nhất một bài đã duyệt.",
				"value=\"Chương trình không có bài " + run + "\"", "value=\"10\"", "value=\"2026-12-01\"");
		assertThat(page).doesNotContain("id=\"title-error\"", "id=\"targetMinutes-error\"");

		page = html(as("editor", "EDITOR",
				post("/console/programs").with(csrf())
					.param("title", "Chương trình " + run)
					.param("targetMinutes", "mười hai")
					.param("contentIds", String.valueOf(approved.id()))
					.param("order[" + approved.id() + "]", "3"))
			.andExpect(status().isOk()));
		assertThat(page).contains("id=\"targetMinutes-error\"", "Thời lượng mục tiêu phải là số phút",
				"aria-invalid=\"true\"", "value=\"mười hai\"", "value=\"Chương trình " + run + "\"");
		assertThat(page).doesNotContain("id=\"contentIds-error\"");
		assertThat(page).containsPattern("id=\"item-" + approved.id() + "\"[^>]*checked")
			.containsPattern("name=\"order\\[" + approved.id() + "\\]\"[^>]*value=\"3\"");

		page = html(as("editor", "EDITOR",
				post("/console/programs").with(csrf()).param("title", " ").param("targetMinutes", "")))
			.toString();
		assertThat(page).contains("id=\"title-error\"", "id=\"targetMinutes-error\"", "id=\"contentIds-error\"",
				"Không được để trống.");
		as("editor", "EDITOR",
				post("/console/programs").with(csrf())
					.param("title", "Chương trình " + run)
					.param("targetMinutes", "600")
					.param("contentIds", String.valueOf(approved.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"targetMinutes-error\""),
					containsString("Thời lượng mục tiêu phải từ 0,5 đến 240 phút."))));
		// an item that is no longer approved when the form is sent: the service says so
		ContentItem draft = item("Bài chưa duyệt " + run, "Chưa duyệt.");
		as("editor", "EDITOR",
				post("/console/programs").with(csrf())
					.param("title", "Chương trình " + run)
					.param("targetMinutes", "5")
					.param("contentIds", String.valueOf(approved.id()), String.valueOf(draft.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("id=\"contentIds-error\""), containsString("Chỉ ghép được bài đã duyệt"))));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aMissingProgramIsAConsolePageAndTheFormNeedsItsCsrfToken() throws Exception {
		as("editor", "EDITOR", get("/console/programs/987654")).andExpect(status().isNotFound())
			.andExpect(
					content().string(allOf(containsString("Không tìm thấy"), containsString("id=\"current-user\""))));
		long before = count();
		as("editor", "EDITOR", post("/console/programs").param("title", "Không có mã CSRF").param("targetMinutes", "5"))
			.andExpect(status().isForbidden());
		assertThat(count()).isEqualTo(before);
	}

	private ContentItem item(String title, String body) {
		return this.contents.create(new ContentDraft(title, "Tóm tắt", body, "cai-cach-hanh-chinh",
				List.of(Audience.CITIZENS_AND_BUSINESSES), List.of("568"), List.of(), List.of()), "editor");
	}

	private ContentItem approved(String title, String body) {
		ContentItem item = item(title, body);
		this.contents.submit(item.id(), "editor");
		return this.contents.approve(item.id(), "approver");
	}

	private long count() {
		return this.jdbc.sql("select count(*) from radio_program").query(Long.class).single();
	}

	private static String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)));
	}

}
