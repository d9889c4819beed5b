package vn.loa.audience;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The subscriber and segment API on the whole application and the local PostgreSQL
 * ({@code loa_test}), signed in as an editor.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "pgtest" })
@WithMockUser(roles = "EDITOR")
class SubscriberApiIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void empty() {
		this.jdbc.update("delete from subscriber_segment");
		this.jdbc.update("delete from subscriber_topic");
		this.jdbc.update("delete from subscriber");
	}

	@Test
	void importsAMultipartFileAndReportsEveryRow() throws Exception {
		String csv = "\uFEFFHọ tên,Số điện thoại,Mã địa bàn,Chủ đề\n" + "Nguyễn Văn An,0905 123 456,48.490.20194,CCHC\n"
				+ "Nguyễn Văn An,+84 90 512 3456,,Dịch vụ công\n" + "UBND phường,024 3825 1234,48,\n"
				+ "Lê Thị Cúc,0912345678,48.491,cchc\n";
		MockMultipartFile file = new MockMultipartFile("file", "danh-sach-da-nang.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(multipart("/api/v1/subscribers/import").file(file).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.source").value("danh-sach-da-nang.csv"))
			.andExpect(jsonPath("$.rowsRead").value(4))
			.andExpect(jsonPath("$.accepted").value(3))
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.duplicatesMerged").value(1))
			.andExpect(jsonPath("$.duplicates[0].row").value(3))
			.andExpect(jsonPath("$.duplicates[0].mergedIntoRow").value(2))
			.andExpect(jsonPath("$.rejectedCount").value(1))
			.andExpect(jsonPath("$.rejected[0].row").value(4))
			.andExpect(jsonPath("$.rejected[0].column").value("Số điện thoại"))
			.andExpect(jsonPath("$.rejected[0].reason").value(org.hamcrest.Matchers.containsString("fixed line")));

		this.mvc.perform(get("/api/v1/subscribers").param("area", "48.490"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].phone").value("+84905123456"))
			.andExpect(jsonPath("$.items[0].topics", hasSize(2)));
		this.mvc.perform(get("/api/v1/subscribers/0905123456"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.optInSource").value("danh-sach-da-nang.csv"));
		assertThat(this.jdbc.queryForObject("select count(*) from subscriber", Long.class)).isEqualTo(2);
	}

	@Test
	void importsACsvBodyAndCountsSegments() throws Exception {
		this.mvc
			.perform(post("/api/v1/subscribers/import").param("source", "phong-van-hoa")
				.with(csrf())
				.contentType("text/csv")
				.content("sdt;ma_tinh;ma_xa;chu_de\n0905123456;48;20194;cchc\n0912345678;48;20195;y te\n"
					.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2));
		this.mvc.perform(post("/api/v1/subscribers/0912345678/opt-out").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.optedOut").value(true));

		this.mvc
			.perform(post("/api/v1/segments").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Đà Nẵng\",\"areaPrefixes\":[\"48\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.recipients").value(2))
			.andExpect(jsonPath("$.optedOut").value(1))
			.andExpect(jsonPath("$.reachable").value(1));
		this.mvc
			.perform(post("/api/v1/segments").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Đà Nẵng CCHC\",\"areaPrefixes\":[\"48\"],\"topic\":\"CCHC\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.topic").value("cchc"))
			.andExpect(jsonPath("$.recipients").value(1));
		this.mvc.perform(get("/api/v1/segments"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].name").value("Đà Nẵng"));
	}

	@Test
	void answersProblemDetailsNamingTheField() throws Exception {
		this.mvc
			.perform(post("/api/v1/subscribers").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"phone\":\"024 3825 1234\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("phone"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("fixed line")));
		this.mvc
			.perform(post("/api/v1/subscribers").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"phone\":\"0905123456\",\"area\":\"Hải Châu\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("area"));
		this.mvc
			.perform(post("/api/v1/subscribers/import").with(csrf())
				.contentType("text/csv")
				.content("ho_ten,dia_chi\nAn,Hai Chau\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		this.mvc
			.perform(post("/api/v1/segments").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"A\",\"areaPrefixes\":[\"48\"]}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/v1/segments").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"A\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
	}

}
