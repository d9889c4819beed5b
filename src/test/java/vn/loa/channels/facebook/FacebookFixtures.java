package vn.loa.channels.facebook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the Facebook tests set up through the API, as officers would: a Page registered by
 * an admin, an item written, submitted and approved.
 */
final class FacebookFixtures {

	private final MockMvc mvc;

	private final JsonMapper json;

	FacebookFixtures(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	/** Registers a Page with a new random id. @return its id */
	String page(String name, String areaCode, String token) throws Exception {
		String pageId = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
		as("admin", "ADMIN",
				post("/api/v1/facebook/pages").contentType(MediaType.APPLICATION_JSON)
					.content(this.json.writeValueAsString(
							Map.of("pageId", pageId, "name", name, "areaCode", areaCode, "token", token))))
			.andExpect(status().isCreated());
		return pageId;
	}

	/**
	 * @return the id of an item an approver has approved
	 */
	long approvedItem(String title, String summary) throws Exception {
		long id = create(draft(title, summary));
		approve(id);
		return id;
	}

	/** An approved item and the file name of its one image. */
	record Item(long id, String image) {
	}

	/** An item written with an uploaded image (a PNG), then approved. */
	Item approvedItemWithImage(String title) throws Exception {
		Map<String, Object> draft = draft(title, "Người dân được hướng dẫn cài ứng dụng VNeID.");
		long id = create(draft);
		String image = this.json
			.readTree(body(as("editor", "EDITOR",
					multipart("/api/v1/contents/" + id + "/images")
						.file(new MockMultipartFile("file", "ngay-hoi.png", "image/png", png())))
				.andExpect(status().isCreated())))
			.path("fileName")
			.asString();
		draft.put("imageFiles", List.of(image));
		as("editor", "EDITOR", put("/api/v1/contents/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(draft))).andExpect(status().isOk());
		approve(id);
		return new Item(id, image);
	}

	private static Map<String, Object> draft(String title, String summary) {
		return new LinkedHashMap<>(Map.of("title", title, "summary", summary, "body",
				"Từ ngày 01/12 **nộp hồ sơ trực tuyến**.", "topic", "cai-cach-hanh-chinh", "audiences",
				List.of("CITIZENS_AND_BUSINESSES"), "areas", List.of("56")));
	}

	private long create(Map<String, Object> draft) throws Exception {
		return this.json
			.readTree(body(as("editor", "EDITOR",
					post("/api/v1/contents").contentType(MediaType.APPLICATION_JSON)
						.content(this.json.writeValueAsString(draft)))
				.andExpect(status().isCreated())))
			.path("id")
			.asLong();
	}

	/** Submitted by its editor and approved by an approver. */
	private void approve(long id) throws Exception {
		as("editor", "EDITOR", post("/api/v1/contents/" + id + "/submit")).andExpect(status().isOk());
		as("approver", "APPROVER", post("/api/v1/contents/" + id + "/approve")).andExpect(status().isOk());
	}

	private static byte[] png() throws java.io.IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB),
				"png", out);
		return out.toByteArray();
	}

	ResultActions as(String name, String role, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

	static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
