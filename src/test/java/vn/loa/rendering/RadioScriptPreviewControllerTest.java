package vn.loa.rendering;

import org.junit.jupiter.api.Test;

import vn.loa.common.LoaProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(RadioScriptPreviewController.class)
@Import(RadioScriptPreviewControllerTest.Config.class)
class RadioScriptPreviewControllerTest {

	@Autowired
	MockMvc mvc;

	@Test
	void previewsTheScriptAndItsReadingTime() throws Exception {
		this.mvc
			.perform(post("/api/v1/radio/script-preview").with(user("editor"))
				.with(csrf())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"text": "**UBND** xã thông báo: 30% hồ sơ nộp trực tuyến.", "wordsPerMinute": 120}
						"""))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$.script").value("Ủy ban nhân dân xã thông báo: ba mươi phần trăm hồ sơ nộp trực tuyến."))
			.andExpect(jsonPath("$.words").value(16))
			.andExpect(jsonPath("$.seconds").value(8))
			.andExpect(jsonPath("$.wordsPerMinute").value(120));
	}

	@Test
	void usesTheDefaultPaceWhenNoneIsGiven() throws Exception {
		this.mvc
			.perform(post("/api/v1/radio/script-preview").with(user("editor"))
				.with(csrf())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"Xin chào\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.wordsPerMinute").value(RadioScriptWriter.DEFAULT_WORDS_PER_MINUTE))
			.andExpect(jsonPath("$.seconds").value(1));
	}

	@Test
	void namesTheFieldOfBadInput() throws Exception {
		this.mvc
			.perform(post("/api/v1/radio/script-preview").with(user("editor"))
				.with(csrf())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"x\", \"wordsPerMinute\": 5}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("wordsPerMinute"))
			.andExpect(jsonPath("$.status").value(400));
		this.mvc
			.perform(post("/api/v1/radio/script-preview").with(user("editor"))
				.with(csrf())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"wordsPerMinute\": 150}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("text"));
		this.mvc
			.perform(post("/api/v1/radio/script-preview").with(user("editor"))
				.with(csrf())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("body"));
	}

	@TestConfiguration
	@EnableConfigurationProperties({ RadioScriptProperties.class, RenderingProperties.class, LoaProperties.class })
	@Import({ RadioScriptWriter.class, TemplateStore.class })
	static class Config {

	}

}
