package vn.loa.audience;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The embedded default (H2) with its demo users and sample audience, reached through the
 * real security rules.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SubscriberDemoDataTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theEmbeddedDefaultHasASampleAudienceEditorsCanRead() throws Exception {
		this.mvc.perform(get("/api/v1/segments").with(httpBasic("editor", "loa-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].name").value("Khánh Hòa – Cải cách hành chính"))
			.andExpect(jsonPath("$[0].recipients").value(5))
			.andExpect(jsonPath("$[1].name").value("Nha Trang"))
			.andExpect(jsonPath("$[1].recipients").value(4));
		this.mvc.perform(get("/api/v1/subscribers").param("area", "56.569").with(httpBasic("approver", "loa-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(3)));
	}

	@Test
	void theApiNeedsASignedInOfficer() throws Exception {
		this.mvc.perform(get("/api/v1/subscribers")).andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/sms/analysis").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"Hủy\",\"diacritics\":false}"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/sms/analysis").with(httpBasic("editor", "loa-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"Hủy\",\"diacritics\":false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value("Huy"))
			.andExpect(jsonPath("$.parts").value(1));
	}

}
