package vn.loa.users;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page on another site cannot make a logged-in approver's browser approve content: an
 * API call riding on the console session needs the CSRF token, while API clients that
 * send their own credentials (Basic, personal Bearer token) need none.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiCsrfTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aSessionCallWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		long id = itemInReview("Lịch tiếp công dân tháng 12");
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin("/login").user("approver").password("loa-demo"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc.perform(post("/api/v1/contents/" + id + "/approve").session(session))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/contents/" + id).session(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("IN_REVIEW"));
		this.mvc.perform(post("/api/v1/contents/" + id + "/approve").session(session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"));
	}

	@Test
	void aCallWithoutCredentialsIsToldToLogIn() throws Exception {
		this.mvc.perform(post("/api/v1/contents/1/approve")).andExpect(status().isUnauthorized());
	}

	@Test
	void clientsWithTheirOwnCredentialsNeedNoCsrfToken() throws Exception {
		long basic = itemInReview("Thông báo nộp hồ sơ trực tuyến");
		this.mvc.perform(post("/api/v1/contents/" + basic + "/approve").with(httpBasic("approver", "loa-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"));

		String issued = this.mvc.perform(post("/api/v1/me/tokens").with(httpBasic("approver", "loa-demo")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = JsonPath.read(issued, "$.token");
		long bearer = itemInReview("Lịch cắt điện");
		this.mvc.perform(post("/api/v1/contents/" + bearer + "/approve").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"));
	}

	private long itemInReview(String title) throws Exception {
		String created = this.mvc
			.perform(post("/api/v1/contents").with(httpBasic("editor", "loa-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"" + title + "\",\"body\":\"UBND xã thông báo.\",\"topic\":\"cchc\","
						+ "\"audiences\":[],\"areas\":[\"568\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		this.mvc.perform(post("/api/v1/contents/" + id + "/submit").with(httpBasic("editor", "loa-demo")))
			.andExpect(status().isOk());
		return id;
	}

}
