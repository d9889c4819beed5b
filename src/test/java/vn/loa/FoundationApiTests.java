package vn.loa;

import java.util.Base64;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Authentication, images, templates and the operational endpoints on the embedded
 * default.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FoundationApiTests {

	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@Autowired
	MockMvc mvc;

	@Test
	void theApiAsksForCredentialsAsAProblem() throws Exception {
		this.mvc.perform(get("/api/v1/contents"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(get("/api/v1/contents").with(httpBasic("editor", "wrong")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/contents").with(httpBasic("editor", "loa-demo"))).andExpect(status().isOk());
	}

	@Test
	void aPersonalTokenWorksAsBearerUntilRevoked() throws Exception {
		String answer = this.mvc
			.perform(post("/api/v1/me/tokens").with(httpBasic("editor2", "loa-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"script\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = JsonPath.read(answer, "$.token");
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("editor2"));
		this.mvc.perform(post("/api/v1/me/tokens").with(httpBasic("editor2", "loa-demo")).with(r -> {
			r.setMethod("DELETE");
			return r;
		})).andExpect(jsonPath("$.revoked").value(1));
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void rolesAreEnforced() throws Exception {
		this.mvc.perform(get("/api/v1/users").with(user("editor").roles("EDITOR")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(get("/api/v1/users").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
		this.mvc
			.perform(put("/api/v1/templates/portal/article.html").with(user("editor").roles("EDITOR"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"source\":\"x\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void imagesAreCheckedByTheirBytesAndServed() throws Exception {
		String item = this.mvc
			.perform(post("/api/v1/contents").with(user("editor").roles("EDITOR"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Ảnh minh họa\",\"body\":\"Nội dung\",\"topic\":\"cchc\",\"audiences\":[],"
						+ "\"areas\":[]}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(item, "$.id")).longValue();

		this.mvc
			.perform(multipart("/api/v1/contents/" + id + "/images")
				.file(new MockMultipartFile("file", "virus.png", "image/png", "MZ not an image".getBytes()))
				.with(user("editor").roles("EDITOR"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		String image = this.mvc
			.perform(multipart("/api/v1/contents/" + id + "/images")
				.file(new MockMultipartFile("file", "anh.bin", "application/octet-stream", PNG))
				.param("alt", "Bộ phận một cửa")
				.with(user("editor").roles("EDITOR"))
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mediaType").value("image/png"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String file = JsonPath.read(image, "$.fileName");
		this.mvc.perform(get("/media/" + file)).andExpect(status().isOk()).andExpect(content().bytes(PNG));
		this.mvc.perform(get("/media/../../etc/passwd")).andExpect(status().is4xxClientError());
	}

	@Test
	void aTemplateWithAnErrorIsRefusedWithItsLineAndNotSaved() throws Exception {
		this.mvc
			.perform(put("/api/v1/templates/portal/broken.html").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"source\":\"<h1>{{title}}</h1>\\n<p>{{#links}}</p>\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.template").value("portal/broken.html"))
			.andExpect(jsonPath("$.line").value(2));
		this.mvc.perform(get("/api/v1/templates/portal/broken.html").with(user("admin").roles("ADMIN")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/templates/portal/article.html/preview").with(user("editor").roles("EDITOR"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"source\":\"<p>{{tieu_de}}</p>\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("tieu_de")));
	}

	@Test
	void healthShowsItsStatusToAllAndItsDetailsToAdminsOnly() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist())
			.andExpect(content().string(not(containsString("diskSpace"))));
		this.mvc.perform(get("/actuator/health").with(httpBasic("editor", "loa-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health").with(httpBasic("admin", "loa-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.diskSpace.details.path").exists())
			.andExpect(jsonPath("$.components.channels.details.portal.mode").exists());
	}

	@Test
	void healthMetricsAndOpenApiAreServed() throws Exception {
		this.mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.channels.details.portal.status").value("UP"))
			.andExpect(jsonPath("$.components.templates.status").value("UP"))
			.andExpect(jsonPath("$.components.rabbit").doesNotExist());
		this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")));
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/publications']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/contents/{id}/approve']").exists());
	}

}
