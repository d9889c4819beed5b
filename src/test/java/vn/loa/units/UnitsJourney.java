package vn.loa.units;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Units through the API, the CSV import and the console, and how a unit narrows what an
 * editor sees and publishes for. Runs on H2 and on the local PostgreSQL.
 */
abstract class UnitsJourney {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void adminsManageUnitsAndBadInputNamesTheField() throws Exception {
		String p = prefix();
		as("admin", "ADMIN", post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + p + "tinh\",\"name\":\"UBND tỉnh Khánh Hòa\",\"kind\":\"PEOPLES_COMMITTEE\","
					+ "\"areaPath\":\"56\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("UBND tỉnh Khánh Hòa"));
		as("admin", "ADMIN",
				post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + p + "snv\",\"name\":\"Sở Nội vụ\",\"parent\":\"" + p
							+ "tinh\",\"kind\":\"department\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.parent").value(p + "tinh"))
			.andExpect(jsonPath("$.kind").value("DEPARTMENT"));
		as("editor", "EDITOR",
				post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + p + "x\",\"name\":\"X\",\"kind\":\"OTHER\"}"))
			.andExpect(status().isForbidden());

		long before = count();
		as("admin", "ADMIN",
				post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + p + "y\",\"name\":\"Y\",\"kind\":\"PLANET\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		as("admin", "ADMIN",
				post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + p + "y\",\"name\":\"Y\",\"kind\":\"OTHER\",\"parent\":\"" + p
							+ "nowhere\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("parent"));
		as("admin", "ADMIN",
				post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + p + "y\",\"name\":\"Y\",\"kind\":\"OTHER\",\"areaPath\":\"56.568.1.2\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("areaPath"));
		as("admin", "ADMIN",
				post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + p + "snv\",\"name\":\"Lặp\",\"kind\":\"OTHER\"}"))
			.andExpect(status().isConflict());
		assertThat(count()).isEqualTo(before);

		as("admin", "ADMIN",
				put("/api/v1/units/" + p + "tinh").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"UBND tỉnh\",\"parent\":\"" + p + "snv\",\"kind\":\"PEOPLES_COMMITTEE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("parent"));
		as("admin", "ADMIN", delete("/api/v1/units/" + p + "tinh")).andExpect(status().isConflict());
		as("editor", "EDITOR", get("/api/v1/units/" + p + "tinh")).andExpect(status().isOk())
			.andExpect(jsonPath("$.below[0]").value(p + "snv"));
		as("admin", "ADMIN", delete("/api/v1/units/" + p + "snv")).andExpect(status().isNoContent());
		as("editor", "EDITOR", get("/api/v1/units")).andExpect(jsonPath("$[*].code", hasItem(p + "tinh")))
			.andExpect(jsonPath("$[*].code", not(hasItem(p + "snv"))));
	}

	@Test
	void aCsvWithBadRowsIsReportedRowByRowAndNothingIsWritten() throws Exception {
		String p = prefix();
		long before = count();
		String bad = "code,name,parent,kind,area\n" + p + "tinh,UBND tỉnh,,PEOPLES_COMMITTEE,56\n" + p
				+ "snv,Sở Nội vụ," + p + "tinh,DEPARTMENT,\n" + p + "x,Không loại,," + ",\n" + p
				+ "snv,Lặp lại,,DEPARTMENT,\n" + p + "h,Huyện,," + "DISTRICT,56.568.1.9\n" + p + "c,Xã," + p
				+ "khong-co,COMMUNE,\n";
		as("admin", "ADMIN", post("/api/v1/units/import").contentType("text/csv").content(bad))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.applied").value(false))
			.andExpect(jsonPath("$.rejected[0].row").value(4))
			.andExpect(jsonPath("$.rejected[0].column").value("kind"))
			.andExpect(jsonPath("$.rejected[1].row").value(5))
			.andExpect(jsonPath("$.rejected[1].reason").value(containsString("row 3")))
			.andExpect(jsonPath("$.rejected[2].column").value("area"))
			.andExpect(jsonPath("$.rejected[3].row").value(7))
			.andExpect(jsonPath("$.rejected[3].column").value("parent"));
		assertThat(count()).isEqualTo(before);

		// a parent may come after its child
		String good = "mã;tên;đơn vị cấp trên;loại;địa bàn\n" + p + "snv;Sở Nội vụ tỉnh Khánh Hòa;" + p
				+ "tinh;DEPARTMENT;\n" + p + "tinh;Ủy ban nhân dân tỉnh Khánh Hòa;;PEOPLES_COMMITTEE;56\n";
		as("admin", "ADMIN", post("/api/v1/units/import").contentType("text/csv").content(good))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2));
		as("admin", "ADMIN", get("/api/v1/units/" + p + "snv")).andExpect(jsonPath("$.unit.parent").value(p + "tinh"))
			.andExpect(jsonPath("$.unit.name").value("Sở Nội vụ tỉnh Khánh Hòa"));
	}

	@Test
	void anEditorSeesAndPublishesForTheirOwnUnitAndTheUnitsBelowIt() throws Exception {
		String p = prefix();
		String csv = "code,name,parent,kind,area\n" + p + "tinh,UBND tỉnh,,PEOPLES_COMMITTEE,56\n" + p
				+ "nt,UBND thành phố Nha Trang," + p + "tinh,DISTRICT,56.568\n" + p + "xa,UBND phường Lộc Thọ," + p
				+ "nt,COMMUNE,\n" + p + "cr,UBND thành phố Cam Ranh," + p + "tinh,DISTRICT,56.569\n";
		as("admin", "ADMIN", post("/api/v1/units/import").contentType("text/csv").content(csv))
			.andExpect(status().isOk());
		String nhaTrang = "ed-nt-" + p;
		String camRanh = "ed-cr-" + p;
		member("user", nhaTrang, p + "nt");
		member("user", camRanh, p + "cr");

		long item = approvedItem("Tin cải cách hành chính " + UUID.randomUUID());
		long own = publish(nhaTrang, item, null);
		long forCommune = publish(nhaTrang, item, p + "xa");
		as(nhaTrang, "EDITOR",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON).content(body(item, p + "cr")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("unit"));

		as("admin", "ADMIN", get("/api/v1/units/members/publication"))
			.andExpect(jsonPath("$['" + own + "']").value(p + "nt"))
			.andExpect(jsonPath("$['" + forCommune + "']").value(p + "xa"));
		as(nhaTrang, "EDITOR", get("/api/v1/publications?contentId=" + item))
			.andExpect(jsonPath("$[*].id", hasItem((int) own)))
			.andExpect(jsonPath("$[*].id", hasItem((int) forCommune)));
		as(camRanh, "EDITOR", get("/api/v1/publications?contentId=" + item))
			.andExpect(jsonPath("$[*].id", not(hasItem((int) own))));
		as(camRanh, "EDITOR", get("/api/v1/publications/" + own)).andExpect(status().isNotFound());
		as("admin", "ADMIN", get("/api/v1/publications/" + own)).andExpect(status().isOk());
		for (String path : List.of("/api/v1/publications/" + own + "/deliveries",
				"/api/v1/publications/" + own + "/deliveries.csv", "/api/v1/publications/" + own + "/progress",
				"/api/v1/deliveries?publication=" + own)) {
			as(camRanh, "EDITOR", get(path)).andExpect(status().isNotFound());
			as(nhaTrang, "EDITOR", get(path)).andExpect(status().isOk());
		}
		as(camRanh, "EDITOR", post("/api/v1/publications/" + own + "/cancel")).andExpect(status().isNotFound());
		// its bulk jobs, stopping them and the console's live part of its page too
		as(camRanh, "EDITOR", get("/api/v1/publications/" + own + "/jobs")).andExpect(status().isNotFound());
		as(nhaTrang, "EDITOR", get("/api/v1/publications/" + own + "/jobs")).andExpect(status().isOk());
		as(camRanh, "EDITOR", post("/api/v1/publications/" + own + "/stop")).andExpect(status().isNotFound());
		as(camRanh, "EDITOR", get("/console/publications/" + own + "/live")).andExpect(status().isNotFound());
		as(nhaTrang, "EDITOR", get("/console/publications/" + own + "/live")).andExpect(status().isOk());
		// the console's approve and cancel buttons: refused, and the publication
		// untouched
		as(camRanh, "APPROVER", post("/console/publications/" + own + "/approve"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("failure"));
		as(camRanh, "EDITOR", post("/console/publications/" + own + "/cancel")).andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("failure"));
		as(nhaTrang, "EDITOR", get("/api/v1/publications/" + own))
			.andExpect(jsonPath("$.state").value("AWAITING_APPROVAL"));
		as(camRanh, "EDITOR", get("/api/v1/deliveries?limit=5000"))
			.andExpect(jsonPath("$[*].publicationId", not(hasItem((int) own))));
		as(camRanh, "EDITOR", get("/console/publications/" + own)).andExpect(status().isNotFound());
		as(nhaTrang, "EDITOR", get("/console/publications")).andExpect(status().isOk())
			.andExpect(content().string(containsString("/console/publications/" + own)));
		as(camRanh, "EDITOR", get("/console/publications")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/console/publications/" + own + "\""))));
	}

	@Test
	void theConsoleListsUnitsAndShowsEachRejectedRowOfAnImport() throws Exception {
		String p = prefix();
		as("admin", "ADMIN",
				post("/console/units").with(csrf())
					.param("code", p + "bao")
					.param("name", "Báo Khánh Hòa")
					.param("kind", "NEWSPAPER"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("saved", p + "bao"));
		as("admin", "ADMIN",
				post("/console/units").with(csrf()).param("code", "Sai mã!").param("name", "X").param("kind", "OTHER"))
			.andExpect(flash().attribute("formError", containsString("code")));
		as("editor", "EDITOR",
				post("/console/units").with(csrf()).param("code", p + "z").param("name", "Z").param("kind", "OTHER"))
			.andExpect(status().isForbidden());

		as("admin", "ADMIN", get("/console/units")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Báo Khánh Hòa")))
			.andExpect(content().string(containsString("id=\"unit-import\"")));
		as("editor", "EDITOR", get("/console/units")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Báo Khánh Hòa")))
			.andExpect(content().string(not(containsString("id=\"unit-form\""))));
		as("admin", "ADMIN", get("/console/units?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Organisational units")));

		MockMultipartFile file = new MockMultipartFile("file", "units.csv", "text/csv",
				("code,name,parent,kind\n" + p + "q,Quận,,GALAXY\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		as("admin", "ADMIN", multipart("/console/units/import").file(file).with(csrf())).andExpect((result) -> {
			UnitImportReport report = (UnitImportReport) result.getFlashMap().get("report");
			assertThat(report.applied()).isFalse();
			assertThat(report.rejected()).extracting(UnitImportReport.RejectedRow::column).containsExactly("kind");
		});
	}

	long publish(String editor, long item, String unit) throws Exception {
		String answer = as(editor, "EDITOR",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON).content(body(item, unit)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(answer, "$.id")).longValue();
	}

	static String body(long item, String unit) {
		String later = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(2).withNano(0).toString();
		return "{\"contentId\":" + item + ",\"targets\":[{\"channel\":\"portal\"}],\"scheduledAt\":\"" + later + "\""
				+ ((unit != null) ? ",\"unit\":\"" + unit + "\"" : "") + "}";
	}

	void member(String kind, String key, String unit) throws Exception {
		as("admin", "ADMIN",
				put("/api/v1/units/members/" + kind + "/" + key).contentType(MediaType.APPLICATION_JSON)
					.content("{\"unit\":\"" + unit + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit").value(unit));
	}

	long approvedItem(String title) throws Exception {
		String json = "{\"title\":\"" + title + "\",\"summary\":\"Tóm tắt\",\"body\":\"Nội dung cải cách hành chính\","
				+ "\"topic\":\"cai-cach-hanh-chinh\",\"audiences\":[\"CIVIL_SERVANTS\"],\"areas\":[\"56\"]}";
		String answer = as("editor", "EDITOR",
				post("/api/v1/contents").contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(answer, "$.id")).longValue();
		as("editor", "EDITOR", post("/api/v1/contents/" + id + "/submit")).andExpect(status().isOk());
		as("approver", "APPROVER", post("/api/v1/contents/" + id + "/approve")).andExpect(status().isOk());
		return id;
	}

	static String prefix() {
		return "t" + UUID.randomUUID().toString().substring(0, 6) + "-";
	}

	long count() {
		return this.jdbc.sql("select count(*) from org_unit").query(Long.class).single();
	}

	ResultActions as(String name, String role,
			org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

}
