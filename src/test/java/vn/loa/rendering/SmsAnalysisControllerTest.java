package vn.loa.rendering;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SmsAnalysisController.class)
@WithMockUser(roles = "EDITOR")
class SmsAnalysisControllerTest {

	@Autowired
	MockMvc mvc;

	@Test
	void analysesWithDiacriticsAsUcs2() throws Exception {
		this.mvc
			.perform(post("/api/v1/sms/analysis").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"Đường dây nóng CCHC: 1022\",\"diacritics\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value("Đường dây nóng CCHC: 1022"))
			.andExpect(jsonPath("$.encoding").value("UCS_2"))
			.andExpect(jsonPath("$.characters").value(25))
			.andExpect(jsonPath("$.parts").value(1))
			.andExpect(jsonPath("$.charactersLeft").value(45));
	}

	@Test
	void answersTheTextThatWouldBeSentWithoutDiacritics() throws Exception {
		this.mvc
			.perform(post("/api/v1/sms/analysis").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"Đường dây nóng CCHC: 1022 – “miễn phí”\",\"diacritics\":false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value("Duong day nong CCHC: 1022 - \"mien phi\""))
			.andExpect(jsonPath("$.encoding").value("GSM_7"))
			.andExpect(jsonPath("$.characters").value(38))
			.andExpect(jsonPath("$.parts").value(1))
			.andExpect(jsonPath("$.charactersLeft").value(122));
	}

	@Test
	void refusesAMissingText() throws Exception {
		this.mvc
			.perform(post("/api/v1/sms/analysis").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"diacritics\":false}"))
			.andExpect(status().isBadRequest());
	}

}
