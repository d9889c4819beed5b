package vn.loa.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import vn.loa.audience.Station;
import vn.loa.audience.StationLevel;
import vn.loa.audience.StationToken;
import vn.loa.audience.Stations;
import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.publishing.Publication;
import vn.loa.publishing.PublicationRequest;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.PublicationState;
import vn.loa.publishing.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The radio station pages: everyone sees the stations, only admins create them and issue
 * or revoke tokens, and a new token is shown once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StationPagesTests {

	private static final Pattern TOKEN = Pattern.compile("loa_st_[A-Za-z0-9_-]{43}");

	@Autowired
	MockMvc mvc;

	@Autowired
	Stations stations;

	@Autowired
	ContentService contents;

	@Autowired
	PublicationService publications;

	@Test
	void anAdminCreatesAStationAndEveryoneSeesIt() throws Exception {
		String code = code("dien-khanh");
		as("admin", "ADMIN", get("/console/stations")).andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("id=\"station-form\""), containsString("Đài phát thanh"))));
		as("admin", "ADMIN",
				post("/console/stations").with(csrf())
					.param("code", code)
					.param("name", "Đài truyền thanh huyện Diên Khánh")
					.param("level", "DISTRICT")
					.param("areaCode", "56-568")
					.param("wordsPerMinute", "150"))
			.andExpect(redirectedUrl("/console/stations/" + code));
		Station station = this.stations.findByCode(code).orElseThrow();
		assertThat(station.level()).isEqualTo(StationLevel.DISTRICT);
		assertThat(station.areaCode()).isEqualTo("56.568");
		assertThat(station.wordsPerMinute()).isEqualTo(150);

		as("editor", "EDITOR", get("/console/stations")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-station=\"" + code + "\""),
					containsString("Đài truyền thanh huyện Diên Khánh"), containsString(">Huyện</td>"),
					not(containsString("id=\"station-form\"")))));
		as("editor", "EDITOR", get("/console/stations/" + code)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("/feeds/radio/" + code + ".rss"),
					containsString("/feeds/radio/" + code + ".atom"), containsString("/feeds/radio/" + code + ".json"),
					containsString("Đài chưa có mã truy cập nào."), not(containsString("id=\"issue-token\"")))));
	}

	@Test
	void aBadStationShowsTheFieldErrorAndKeepsTheInput() throws Exception {
		String code = code("cam-lam");
		String page = html(as("admin", "ADMIN",
				post("/console/stations").with(csrf())
					.param("code", code)
					.param("name", "Đài truyền thanh huyện Cam Lâm")
					.param("level", "COMMUNE")
					.param("areaCode", "56/abc/!")
					.param("wordsPerMinute", "160"))
			.andExpect(status().isOk()));
		assertThat(page).contains("id=\"areaCode-error\"", "Mã địa bàn là các mã đơn vị hành chính từ tỉnh xuống",
				"aria-invalid=\"true\"", "value=\"56/abc/!\"", "value=\"" + code + "\"",
				"value=\"Đài truyền thanh huyện Cam Lâm\"", "value=\"160\"", "value=\"COMMUNE\" selected=\"selected\"");
		assertThat(page).doesNotContain("id=\"code-error\"", "id=\"name-error\"");

		page = html(as("admin", "ADMIN",
				post("/console/stations").with(csrf())
					.param("code", code)
					.param("name", "Đài Cam Lâm")
					.param("level", "DISTRICT")
					.param("areaCode", "56.569")
					.param("wordsPerMinute", "nhanh"))
			.andExpect(status().isOk()));
		assertThat(page).contains("id=\"wordsPerMinute-error\"", "Tốc độ đọc phải là số nguyên từ 60 đến 400",
				"value=\"nhanh\"", "value=\"56.569\"");

		page = html(as("admin", "ADMIN",
				post("/console/stations").with(csrf())
					.param("code", "Đài Cam Lâm")
					.param("name", "Đài Cam Lâm")
					.param("level", "DISTRICT")
					.param("areaCode", "56.569")
					.param("wordsPerMinute", "180"))
			.andExpect(status().isOk()));
		assertThat(page).contains("id=\"code-error\"", "Mã đài gồm 2 đến 63 chữ thường không dấu",
				"value=\"Đài Cam Lâm\"");
		assertThat(this.stations.findByCode(code)).isEmpty();

		this.stations.create(new Stations.NewStation(code, "Đài Cam Lâm", StationLevel.DISTRICT, "56.569", 180));
		page = html(as("admin", "ADMIN",
				post("/console/stations").with(csrf())
					.param("code", code)
					.param("name", "Đài khác")
					.param("level", "COMMUNE")
					.param("areaCode", "56.569.22")
					.param("wordsPerMinute", "180"))
			.andExpect(status().isOk()));
		assertThat(page).contains("id=\"code-error\"", "Đã có đài với mã " + code, "value=\"Đài khác\"");
	}

	@Test
	void anEditorSeesStationsButCannotCreateIssueOrRevoke() throws Exception {
		String code = station("ninh-hoa");
		long token = this.stations.issueToken(code).id();
		as("editor", "EDITOR",
				post("/console/stations").with(csrf())
					.param("code", code("van-ninh"))
					.param("name", "Đài Vạn Ninh")
					.param("level", "DISTRICT")
					.param("areaCode", "56.571")
					.param("wordsPerMinute", "180"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Không được phép")));
		as("approver", "APPROVER", post("/console/stations/" + code + "/tokens").with(csrf()))
			.andExpect(status().isForbidden());
		as("editor", "EDITOR", post("/console/stations/" + code + "/tokens").with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("loa_st_"))));
		as("editor", "EDITOR", post("/console/stations/" + code + "/tokens/" + token + "/revoke").with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.stations.tokens(code)).singleElement().satisfies((t) -> assertThat(t.revokedAt()).isNull());

		as("editor", "EDITOR", get("/console/stations/" + code)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"token-" + token + "\""),
					not(containsString("id=\"issue-token\"")), not(containsString("id=\"revoke-token-")))));
		as("editor", "EDITOR", get("/console/stations/no-such-station")).andExpect(status().isNotFound())
			.andExpect(
					content().string(allOf(containsString("Không tìm thấy"), containsString("id=\"current-user\""))));
	}

	@Test
	void anIssuedTokenIsShownOnceUncachedAndThenOnlyByItsPrefixUntilRevoked() throws Exception {
		String code = station("khanh-vinh");
		org.springframework.test.web.servlet.MvcResult issuedAnswer = as("admin", "ADMIN",
				post("/console/stations/" + code + "/tokens").with(csrf()))
			.andExpect(redirectedUrl("/console/stations/" + code))
			.andExpect(flash().attributeExists("issued"))
			.andReturn();
		assertThat(issuedAnswer.getResponse().getHeader("Location")).doesNotContain("loa_st_");
		String page = as("admin", "ADMIN", get("/console/stations/" + code).flashAttrs(issuedAnswer.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content()
				.string(allOf(containsString("id=\"new-token\""), containsString("Mã này chỉ hiển thị một lần"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher matcher = TOKEN.matcher(page);
		assertThat(matcher.find()).isTrue();
		String token = matcher.group();
		assertThat(matcher.find()).as("the token appears once on the page").isFalse();
		assertThat(this.stations.authenticate(code, token)).isPresent();

		List<StationToken> tokens = this.stations.tokens(code);
		assertThat(tokens).hasSize(1);
		StationToken issued = tokens.get(0);
		assertThat(token).startsWith(issued.prefix());
		as("admin", "ADMIN", get("/console/stations/" + code)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(issued.prefix() + "…"), not(containsString(token)),
					not(containsString("id=\"new-token\"")), containsString("id=\"revoke-token-" + issued.id() + "\""),
					containsString("Đang dùng"))));

		as("admin", "ADMIN", post("/console/stations/" + code + "/tokens/" + issued.id() + "/revoke").with(csrf()))
			.andExpect(redirectedUrl("/console/stations/" + code));
		assertThat(this.stations.tokens(code).get(0).revokedAt()).isNotNull();
		assertThat(this.stations.authenticate(code, token)).isEmpty();
		as("admin", "ADMIN", get("/console/stations/" + code)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-revoked=\"true\""),
					not(containsString("id=\"revoke-token-" + issued.id() + "\"")))));
		as("admin", "ADMIN", post("/console/stations/" + code + "/tokens/" + issued.id() + "/revoke").with(csrf()))
			.andExpect(redirectedUrl("/console/stations/" + code));
	}

	@Test
	void theStationPageShowsItsRadioRowsFromSentToAired() throws Exception {
		String code = station("dien-lam");
		String token = this.stations.issueToken(code).token();
		ContentItem item = this.contents.create(new ContentDraft("Lịch tiếp công dân " + code, "Tóm tắt",
				"UBND huyện tiếp công dân vào thứ 5 hằng tuần.", "cai-cach-hanh-chinh",
				List.of(Audience.CIVIL_SERVANTS), List.of("568"), List.of(), List.of()), "editor");
		this.contents.submit(item.id(), "editor");
		this.contents.approve(item.id(), "approver");
		Publication publication = this.publications.create(
				new PublicationRequest(item.id(), List.of(new Target("radio", code)), null, false, Map.of()),
				new PublicationService.Actor("approver", true));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.publications.get(publication.id()).state() == PublicationState.DISPATCHED);
		as("editor", "EDITOR", get("/console/stations/" + code)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-status=\"SENT\""),
					containsString("/console/publications/" + publication.id()),
					containsString("/console/contents/" + item.id()), containsString("Lịch tiếp công dân " + code))));

		this.mvc
			.perform(post("/api/v1/stations/" + code + "/aired").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"contentId\":" + item.id() + ",\"airedAt\":\"2026-11-24T17:30:00+07:00\"}"))
			.andExpect(status().isOk());
		as("editor", "EDITOR", get("/console/stations/" + code)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-status=\"AIRED\""), containsString("Đã phát sóng"),
					not(containsString("data-status=\"SENT\"")))));
	}

	@Test
	void formsWithoutTheirCsrfTokenAreRefused() throws Exception {
		String code = station("cam-ranh");
		as("admin", "ADMIN", post("/console/stations/" + code + "/tokens")).andExpect(status().isForbidden());
		assertThat(this.stations.tokens(code)).isEmpty();
	}

	private String station(String prefix) {
		String code = code(prefix);
		this.stations.create(new Stations.NewStation(code, "Đài " + code, StationLevel.DISTRICT, "56.568", 180));
		return code;
	}

	private static String code(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The page as a browser reads it (Thymeleaf writes some letters as entities). */
	static String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)));
	}

}
