package vn.loa.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.content.Link;
import vn.loa.content.ReviewState;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.PublicationState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's controllers and views, without a browser. */
@SpringBootTest
@AutoConfigureMockMvc
class ConsolePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContentService contents;

	@Autowired
	PublicationService publications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLoginPageSpeaksVietnameseUnlessAskedForEnglish() throws Exception {
		this.mvc.perform(get("/login").header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"vi\""),
					containsString("Đăng nhập bảng điều khiển"), containsString("loa-demo"))));
		this.mvc.perform(get("/login").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(header().string("Set-Cookie", containsString("loa-lang=en")))
			.andExpect(content()
				.string(allOf(containsString("<html lang=\"en\""), containsString("Log in to the console"))));
	}

	@Test
	void theRootLeadsToTheConsoleAndTheConsoleToTheLoginPage() throws Exception {
		this.mvc.perform(get("/").with(user("editor").roles("EDITOR"))).andExpect(redirectedUrl("/console"));
		this.mvc.perform(get("/console").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", endsWith("/login")));
	}

	@Test
	void theDashboardCountsContentByState() throws Exception {
		long drafts = this.contents.countByState().get(ReviewState.DRAFT);
		as("editor", "EDITOR", get("/console")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"count-DRAFT\""),
					containsString("<span class=\"num\">" + drafts + "</span>"), containsString("Bản nháp"),
					containsString("Lượt phát hành gần đây"))));
	}

	@Test
	void aMissingItemOrABadFilterIsAConsolePageNotJson() throws Exception {
		as("editor", "EDITOR", get("/console/contents/987654")).andExpect(status().isNotFound())
			.andExpect(
					content().string(allOf(containsString("Không tìm thấy"), containsString("id=\"current-user\""))));
		as("editor", "EDITOR", get("/console/contents").param("state", "LOST")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Không thực hiện được")));
	}

	@Test
	void anEmptyTitleIsShownNextToTheFieldAndNothingIsSaved() throws Exception {
		long before = count();
		as("editor", "EDITOR",
				post("/console/contents").with(csrf())
					.param("title", "")
					.param("body", "Nội dung thử")
					.param("topic", "dich-vu-cong")
					.param("areas", "56, 5x"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"title-error\""),
					containsString("Không được để trống."), containsString("aria-invalid=\"true\""),
					containsString("Mã địa bàn phải gồm 2 đến 5 chữ số."), containsString("value=\"56, 5x\""))));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aValidFormMakesADraftWithAllItsFields() throws Exception {
		String title = "Hướng dẫn đăng ký tài khoản dịch vụ công " + UUID.randomUUID();
		String location = as("editor", "EDITOR",
				post("/console/contents").with(csrf())
					.param("title", title)
					.param("summary", "Chỉ cần số CCCD và số điện thoại.")
					.param("body", "Bước 1: truy cập **Cổng dịch vụ công**.")
					.param("topic", "dich-vu-cong")
					.param("audiences", "CITIZENS_AND_BUSINESSES", "STUDENTS_AND_PARENTS")
					.param("areas", "56, 568")
					.param("links", "Cổng DVC | https://dichvucong.example.vn"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		ContentItem item = this.contents.get(id);
		assertThat(item.current().title()).isEqualTo(title);
		assertThat(item.current().audiences()).containsExactly(Audience.CITIZENS_AND_BUSINESSES,
				Audience.STUDENTS_AND_PARENTS);
		assertThat(item.current().areas()).containsExactly("56", "568");
		assertThat(item.current().links()).containsExactly(new Link("Cổng DVC", "https://dichvucong.example.vn"));
		as("editor", "EDITOR", get(location)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(title), containsString("id=\"submit-content\""),
					containsString("id=\"rendition-portal\""))));
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		long before = count();
		as("editor", "EDITOR",
				post("/console/contents").param("title", "Không có mã CSRF").param("body", "x").param("topic", "cchc"))
			.andExpect(status().isForbidden());
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theApproveButtonIsOfferedOnlyToAnApproverWhoDidNotWriteTheItem() throws Exception {
		ContentItem own = item("approver", "Bài do lãnh đạo viết " + UUID.randomUUID());
		this.contents.submit(own.id(), "approver");
		as("approver", "APPROVER", get("/console/contents/" + own.id())).andExpect(status().isOk())
			.andExpect(content().string(
					allOf(not(containsString("id=\"approve-content\"")), containsString("id=\"own-content-hint\""))));
		as("approver", "APPROVER", post("/console/contents/" + own.id() + "/approve").with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.contents.get(own.id()).state()).isEqualTo(ReviewState.IN_REVIEW);

		ContentItem other = item("editor", "Bài của biên tập viên " + UUID.randomUUID());
		this.contents.submit(other.id(), "editor");
		as("editor", "EDITOR", get("/console/contents/" + other.id()))
			.andExpect(content().string(not(containsString("id=\"approve-content\""))));
		as("editor", "EDITOR", post("/console/contents/" + other.id() + "/approve").with(csrf()))
			.andExpect(status().isForbidden());
		as("approver", "APPROVER", get("/console/contents/" + other.id()))
			.andExpect(content().string(containsString("id=\"approve-content\"")));
		as("approver", "APPROVER", post("/console/contents/" + other.id() + "/approve").with(csrf()))
			.andExpect(redirectedUrl("/console/contents/" + other.id()));
		assertThat(this.contents.get(other.id()).state()).isEqualTo(ReviewState.APPROVED);
	}

	@Test
	void anEditorsPublicationWaitsForAnApproverAndThenShowsItsDeliveryRows() throws Exception {
		ContentItem item = approved("Lịch tiếp công dân tháng 12 " + UUID.randomUUID());
		as("editor", "EDITOR",
				post("/console/contents/" + item.id() + "/publish").with(csrf())
					.param("scheduledAt", "2020-01-01T08:00")
					.param("channels", "portal"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thời điểm gửi đã qua")));
		as("editor", "EDITOR", post("/console/contents/" + item.id() + "/publish").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hãy chọn ít nhất một kênh.")));
		String location = as("editor", "EDITOR",
				post("/console/contents/" + item.id() + "/publish").with(csrf()).param("channels", "portal"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.publications.get(id).state()).isEqualTo(PublicationState.AWAITING_APPROVAL);

		as("editor", "EDITOR", get("/console/approvals")).andExpect(status().isForbidden());
		as("approver", "APPROVER", get("/console/approvals")).andExpect(status().isOk())
			.andExpect(content().string(containsString("/console/publications/" + id + "/approve")));
		as("approver", "APPROVER",
				post("/console/publications/" + id + "/approve").with(csrf()).param("back", "approvals"))
			.andExpect(redirectedUrl("/console/approvals"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.publications.get(id).state() == PublicationState.DISPATCHED);
		as("editor", "EDITOR", get(location)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-status=\"SENT\""),
					containsString("/api/v1/publications/" + id + "/deliveries.csv"),
					containsString("data-signature=\"portal.SENT=1;\""))));
		as("editor", "EDITOR", get(location + "/live").param("status", "SENT")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"live\""), containsString("data-status=\"SENT\""),
					not(containsString("<html")))));
		as("editor", "EDITOR", get(location).param("status", "PERMANENT_FAILURE"))
			.andExpect(content().string(not(containsString("data-status=\"SENT\""))));
		// The lists show the publication with its item's title and its progress.
		as("editor", "EDITOR", get("/console/publications")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(item.current().title()),
					containsString("/console/publications/" + id + "\""))));
		as("editor", "EDITOR", get("/console")).andExpect(status().isOk())
			.andExpect(content().string(containsString(item.current().title())));
	}

	@Test
	void onlyAnAdminMayOpenTemplateEditingAndABrokenTemplateShowsItsLine() throws Exception {
		as("editor", "EDITOR", get("/console/templates")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("article.html"),
					not(containsString("/console/templates/portal/article.html")))));
		as("editor", "EDITOR", get("/console/templates/portal/article.html")).andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Không được phép")));
		as("approver", "APPROVER",
				post("/console/templates/portal/article.html").with(csrf()).param("source", "{{title}}"))
			.andExpect(status().isForbidden());
		as("admin", "ADMIN", get("/console/templates/portal/article.html")).andExpect(status().isOk())
			.andExpect(content().string(containsString("<textarea id=\"source\"")));
		as("admin", "ADMIN",
				post("/console/templates/portal/article.html").with(csrf())
					.param("source", "<h1>{{title}}</h1>\n{{#links}}\n<p>{{title}}</p>\n{{/summary}}\n"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("id=\"template-error\""), containsString("có lỗi ở dòng 4"))));
		as("admin", "ADMIN",
				post("/console/templates/portal/article.html").with(csrf())
					.param("action", "preview")
					.param("source", "<h1>{{title}}</h1>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Xem trước với bài mẫu")));
	}

	private ContentItem item(String author, String title) {
		return this.contents.create(new ContentDraft(title, "Tóm tắt", "Nội dung **thử**.", "cai-cach-hanh-chinh",
				List.of(Audience.CIVIL_SERVANTS), List.of("56"), List.of(), List.of()), author);
	}

	private ContentItem approved(String title) {
		ContentItem item = item("editor", title);
		this.contents.submit(item.id(), "editor");
		return this.contents.approve(item.id(), "approver");
	}

	private long count() {
		return this.jdbc.sql("select count(*) from content_item").query(Long.class).single();
	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)));
	}

}
