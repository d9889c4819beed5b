package vn.loa.plans;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.common.LoaClock;
import vn.loa.deliverylog.AirtimeReported;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Plans end to end: the sample plan, progress moved by publishing, by a row changing
 * status and by radio air time, manual entries, bad input, the reports read back, and the
 * console pages. Runs on H2 and on the local PostgreSQL.
 */
abstract class PlansJourney {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeliveryLog deliveryLog;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	final LocalDate today = LocalDate.now(LoaClock.ZONE);

	final String month = YearMonth.from(this.today).toString();

	@Test
	void theSamplePlanFromKhanhHoaIsLoadedWithItsUnits() throws Exception {
		String plans = as("editor", "EDITOR", get("/api/v1/plans")).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].document.number", hasItem("590/QĐ-UBND")))
			.andExpect(jsonPath("$[*].document.issuer", hasItem("Ủy ban nhân dân tỉnh Bình Định")))
			.andExpect(jsonPath("$[?(@.document.issuer == 'Ủy ban nhân dân tỉnh Bình Định')].tasks[*].channel",
					hasItem("NEWSPAPER")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Integer> ids = JsonPath.read(plans, "$[?(@.document.number == '590/QĐ-UBND')].id");
		long id = ids.get(0);
		as("editor", "EDITOR", get("/api/v1/plans/" + id)).andExpect(jsonPath("$.document.date").value("2021-03-11"))
			.andExpect(jsonPath("$.document.issuer").value("Ủy ban nhân dân tỉnh Khánh Hòa"))
			.andExpect(jsonPath("$.tasks[0].code").value("III.1.a"))
			.andExpect(jsonPath("$.tasks[0].dueDay").value(25))
			.andExpect(jsonPath("$.tasks[1].measure").value("MINUTES"));
		// the demo editor belongs to Sở Nội vụ: its lines only
		as("editor", "EDITOR", get("/api/v1/plans/" + id + "/progress")).andExpect(status().isOk())
			.andExpect(jsonPath("$.tasks[*].unit", hasItem("snv-kh")))
			.andExpect(jsonPath("$.tasks[*].unit", not(hasItem("ubnd-cam-ranh"))));
		as("admin", "ADMIN", get("/api/v1/plans/" + id + "/progress"))
			.andExpect(jsonPath("$.tasks[*].unit", hasItem("ubnd-cam-ranh")));
		if (this.today.getMonthValue() > 1) {
			// a few months of sample work before this one, each item on its own day
			String last = YearMonth.from(this.today).minusMonths(1).toString();
			String answer = as("admin", "ADMIN",
					get("/api/v1/plans/" + id + "/progress?period=" + last + "&items=true"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<Integer> portal = JsonPath.read(answer, "$.tasks[?(@.code == 'III.1.a')].achieved");
			List<Integer> minutes = JsonPath.read(answer, "$.tasks[?(@.code == 'II.3.d')].achieved");
			List<String> days = JsonPath.read(answer, "$.tasks[?(@.code == 'III.1.a')].items[*].date");
			assertThat(portal.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(5);
			assertThat(minutes).allSatisfy((m) -> assertThat(m).isBetween(14, 20));
			assertThat(days).isNotEmpty().allSatisfy((d) -> assertThat(d).startsWith(last));
		}
	}

	@Test
	void publishingAStatusChangeAndAirtimeMoveProgress() throws Exception {
		String p = "p" + UUID.randomUUID().toString().substring(0, 6) + "-";
		units(p);
		long plan = createPlan(p);
		String progress = "/api/v1/plans/" + plan + "/progress?period=" + this.month;
		as("admin", "ADMIN", get(progress)).andExpect(jsonPath("$.period.key").value(this.month))
			.andExpect(jsonPath("$.tasks.length()").value(4))
			.andExpect(jsonPath("$.tasks[0].unit").value(p + "a"))
			.andExpect(jsonPath("$.tasks[0].target").value(2))
			.andExpect(jsonPath("$.tasks[0].achieved").value(0));

		long item = approvedItem("Tin cải cách hành chính " + p, "cai-cach-hanh-chinh");
		long other = approvedItem("Tin dịch vụ công " + p, "dich-vu-cong");
		long publication = publish(item, p + "xa");
		publish(other, p + "xa");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> as("admin", "ADMIN", get(progress + "&items=true"))
				.andExpect(jsonPath("$.tasks[0].achieved").value(1))
				.andExpect(jsonPath("$.tasks[0].items[0].contentId").value((int) item))
				.andExpect(jsonPath("$.tasks[0].items[0].title").value("Tin cải cách hành chính " + p))
				.andExpect(jsonPath("$.tasks[1].achieved").value(0)));
		// the same item again on the same channel is not a second item
		publish(item, p + "xa");

		// a row that fails after SENT no longer counts
		long delivery = this.jdbc.sql("select id from delivery where publication_id = :p and channel = 'portal'")
			.param("p", publication)
			.query(Long.class)
			.single();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("select count(*) from delivery where publication_id in "
						+ "(select id from publication where content_id = :c) and status = 'SENT'")
				.param("c", item)
				.query(Long.class)
				.single() == 2);
		as("admin", "ADMIN", get(progress)).andExpect(jsonPath("$.tasks[0].achieved").value(1));
		assertThat(this.deliveryLog.transition(delivery, DeliveryStatus.PERMANENT_FAILURE, "bounced")).isTrue();
		as("admin", "ADMIN", get(progress)).andExpect(jsonPath("$.tasks[0].achieved").value(1));
		long second = this.jdbc
			.sql("select d.id from delivery d join publication p on p.id = d.publication_id where p.content_id = :c "
					+ "and d.status = 'SENT'")
			.param("c", item)
			.query(Long.class)
			.single();
		assertThat(this.deliveryLog.transition(second, DeliveryStatus.PERMANENT_FAILURE, "bounced")).isTrue();
		as("admin", "ADMIN", get(progress)).andExpect(jsonPath("$.tasks[0].achieved").value(0))
			.andExpect(jsonPath("$.tasks[0].status").value(org.hamcrest.Matchers.not("DONE")));

		// air time a station of the unit reports, once per airing
		as("admin", "ADMIN", put("/api/v1/units/members/station/" + p + "dai").contentType(MediaType.APPLICATION_JSON)
			.content("{\"unit\":\"" + p + "a\"}")).andExpect(status().isOk());
		Instant aired = this.today.atTime(7, 0).atZone(LoaClock.ZONE).toInstant();
		AirtimeReported report = new AirtimeReported(null, p + "dai", item, aired, 600);
		this.transactions.executeWithoutResult((s) -> this.events.publishEvent(report));
		this.transactions.executeWithoutResult((s) -> this.events.publishEvent(report));
		this.transactions.executeWithoutResult((s) -> this.events
			.publishEvent(new AirtimeReported(null, p + "dai", item, aired.plusSeconds(3600), 330)));
		as("admin", "ADMIN", get(progress + "&items=true")).andExpect(jsonPath("$.tasks[3].code").value("R1"))
			.andExpect(jsonPath("$.tasks[3].achieved").value(16))
			.andExpect(jsonPath("$.tasks[3].target").value(15))
			.andExpect(jsonPath("$.tasks[3].status").value("DONE"))
			.andExpect(jsonPath("$.tasks[3].items.length()").value(2));
	}

	@Test
	void manualEntriesCountAndFutureOrClosedDatesAreRefused() throws Exception {
		String p = "m" + UUID.randomUUID().toString().substring(0, 6) + "-";
		units(p);
		long plan = createPlan(p);
		String entries = "/api/v1/plans/" + plan + "/entries";
		as("officer", "EDITOR",
				post(entries).contentType(MediaType.APPLICATION_JSON)
					.content(entry("M1", p + "a", this.today.plusDays(1), 1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
		as("officer", "EDITOR",
				post(entries).contentType(MediaType.APPLICATION_JSON)
					.content(entry("M1", p + "a", this.today.minusYears(1), 1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("closed")));
		as("officer", "EDITOR",
				post(entries).contentType(MediaType.APPLICATION_JSON).content(entry("M1", p + "a", this.today, 0)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		as("officer", "EDITOR",
				post(entries).contentType(MediaType.APPLICATION_JSON).content(entry("NOPE", p + "a", this.today, 1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("task"));
		as("officer", "EDITOR",
				post(entries).contentType(MediaType.APPLICATION_JSON).content(entry("M1", p + "a", this.today, 2)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.recordedBy").value("officer"));
		as("admin", "ADMIN", get("/api/v1/plans/" + plan + "/progress?period=" + this.today.getYear()))
			.andExpect(jsonPath("$.tasks[2].code").value("M1"))
			.andExpect(jsonPath("$.tasks[2].achieved").value(2))
			.andExpect(jsonPath("$.tasks[2].manual").value(2))
			.andExpect(jsonPath("$.tasks[2].status").value("DONE"));
	}

	@Test
	void badPlansAndPeriodsNameTheFieldAndSaveNothing() throws Exception {
		String p = "b" + UUID.randomUUID().toString().substring(0, 6) + "-";
		units(p);
		long before = this.jdbc.sql("select count(*) from plan").query(Long.class).single();
		bad(p, "\"quota\":0", "tasks[0].quota");
		bad(p, "\"quota\":2,\"dueDay\":30", "tasks[0].dueDay");
		bad(p, "\"quota\":2,\"channel\":\"TELEGRAM\"", "tasks[0].channel");
		bad(p, "\"quota\":2,\"leadUnit\":\"" + p + "nowhere\"", "tasks[0].leadUnit");
		bad(p, "\"quota\":2,\"cadence\":\"DAILY\"", "tasks[0].cadence");
		bad(p, "\"quota\":2,\"measure\":\"MINUTES\"", "tasks[0].measure");
		assertThat(this.jdbc.sql("select count(*) from plan").query(Long.class).single()).isEqualTo(before);
		long plan = createPlan(p);
		as("admin", "ADMIN", get("/api/v1/plans/" + plan + "/progress?period=2026-Q5"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("period"));
		as("admin", "ADMIN", get("/api/v1/plans/" + plan + "/reports/2026-13.pdf")).andExpect(status().isBadRequest());
		as("editor", "EDITOR", post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).content(plan(p, "")))
			.andExpect(status().isForbidden());
	}

	@Test
	void plansImportFromYamlOrCsvWholeOrNotAtAll() throws Exception {
		String p = "i" + UUID.randomUUID().toString().substring(0, 6) + "-";
		units(p);
		int year = this.today.getYear();
		String yaml = """
				name: Kế hoạch tuyên truyền nhập từ tệp %1$s
				document: {number: 12/KH-UBND, date: 2026-02-03, issuer: Ủy ban nhân dân tỉnh Bình Định}
				year: %2$d
				units: [%1$sa, %1$sb]
				tasks:
				  - {code: "1", title: Chuyên mục trên Đài tỉnh, leadUnit: %1$sa, channel: RADIO, measure: MINUTES, quota: 10, cadence: MONTHLY}
				  - code: "2"
				    title: Ít nhất 10 tin, bài trên mỗi trang thông tin điện tử
				    leadUnit: %1$sa
				    channel: WORDPRESS
				    quota: 10
				    cadence: YEARLY
				    perUnit: true
				"""
			.formatted(p, year);
		String created = as("admin", "ADMIN",
				post("/api/v1/plans/import").contentType("application/yaml").content(yaml))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.applied").value(true))
			.andExpect(jsonPath("$.plan.document.issuer").value("Ủy ban nhân dân tỉnh Bình Định"))
			.andExpect(jsonPath("$.plan.document.date").value("2026-02-03"))
			.andExpect(jsonPath("$.plan.tasks[1].perUnit").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.plan.id")).longValue();
		as("admin", "ADMIN", get("/api/v1/plans/" + id + "/progress?period=" + year))
			.andExpect(jsonPath("$.tasks.length()").value(3));

		long before = this.jdbc.sql("select count(*) from plan").query(Long.class).single();
		as("admin", "ADMIN",
				post("/api/v1/plans/import").contentType("application/yaml")
					.content(yaml.replace("quota: 10, cadence", "quota: -1, cadence")
						.replace("perUnit: true", "perUnit: maybe")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.applied").value(false))
			.andExpect(jsonPath("$.rejected[*].field", hasItem("tasks[0].quota")))
			.andExpect(jsonPath("$.rejected[*].field", hasItem("tasks[1].perUnit")));

		String header = "plan,document_number,document_date,issuer,year,plan_units,code,title,lead_unit,units,channel,"
				+ "topic,measure,quota,cadence,due_day,per_unit\n";
		String first = "Kế hoạch CSV " + p + ",590/QĐ-UBND,11/3/2021,Ủy ban nhân dân tỉnh Khánh Hòa," + year + "," + p
				+ "a " + p + "b,III.1.a,Gửi tin trước ngày 25," + p + "a," + p + "a|" + p + "b,PORTAL,"
				+ "cai-cach-hanh-chinh,ITEMS,1,MONTHLY,25,yes\n";
		String bad = header + first + ",,,,,,II.3.g,Tin nhắn,nowhere-" + p + ",,SMS,,ITEMS,không,YEARLY,30,\n"
				+ ",,,,,,III.6.a,Hội nghị," + p + "a,,FAX,,ITEMS,1,DAILY,,\n";
		as("admin", "ADMIN", post("/api/v1/plans/import").contentType("text/csv").content(bad))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rejected[?(@.row == 3 && @.field == 'lead_unit')]").exists())
			.andExpect(jsonPath("$.rejected[?(@.row == 3 && @.field == 'quota' && @.value == 'không')]").exists())
			.andExpect(jsonPath("$.rejected[?(@.row == 4 && @.field == 'channel')]").exists());
		assertThat(this.jdbc.sql("select count(*) from plan").query(Long.class).single()).isEqualTo(before);

		as("admin", "ADMIN",
				post("/api/v1/plans/import").contentType("text/csv")
					.content(header + first + ",,,,,,III.6.a,Hội nghị đối thoại doanh nghiệp," + p
							+ "b,,MANUAL,,ITEMS,1,YEARLY,,\n"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.tasksRead").value(2))
			.andExpect(jsonPath("$.plan.document.date").value("2021-03-11"))
			.andExpect(jsonPath("$.plan.tasks[0].dueDay").value(25))
			.andExpect(jsonPath("$.plan.tasks[0].units.length()").value(2))
			.andExpect(jsonPath("$.plan.tasks[1].leadUnit").value(p + "b"));
		as("editor", "EDITOR", post("/api/v1/plans/import").contentType("text/csv").content(header + first))
			.andExpect(status().isForbidden());
	}

	@Test
	void officersOfAUnitBehindAreRemindedBeforeTheDueDate() throws Exception {
		String p = "n" + UUID.randomUUID().toString().substring(0, 6) + "-";
		units(p);
		// due today (or at the month's end, at most 3 days away, after the 28th)
		String due = (this.today.getDayOfMonth() <= 28) ? String.valueOf(this.today.getDayOfMonth()) : "null";
		long plan = createPlan(p, "\"quota\":2,\"dueDay\":" + due);
		String officer = p + "officer";
		as("admin", "ADMIN", put("/api/v1/units/members/user/" + officer).contentType(MediaType.APPLICATION_JSON)
			.content("{\"unit\":\"" + p + "a\"}")).andExpect(status().isOk());
		as(officer, "EDITOR", get("/console/plans")).andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Nhắc việc: nhiệm vụ T1 (Đăng tin cải cách hành chính) của Sở Nội vụ thử nghiệm "
						+ p + " mới đạt 0/2")))
			.andExpect(content().string(containsString("/console/plans/" + plan + "?period=" + this.month)));
		as(officer, "EDITOR", get("/console/plans?lang=en"))
			.andExpect(content().string(containsString("Reminder: task T1")));
		// an officer of another unit is not reminded of it
		as("officer", "EDITOR", get("/console/plans"))
			.andExpect(content().string(not(containsString("Sở Nội vụ thử nghiệm " + p + " mới đạt"))));
		// done: the notice goes
		as(officer, "EDITOR", post("/api/v1/plans/" + plan + "/entries").contentType(MediaType.APPLICATION_JSON)
			.content(entry("T1", p + "a", this.today, 2))).andExpect(status().isCreated());
		as(officer, "EDITOR", get("/console/plans"))
			.andExpect(content().string(not(containsString("Sở Nội vụ thử nghiệm " + p + " mới đạt"))));
	}

	@Test
	void reportsReadBackWithTheirFiguresAndDiacritics() throws Exception {
		String p = "r" + UUID.randomUUID().toString().substring(0, 6) + "-";
		units(p);
		long plan = createPlan(p);
		as("officer", "EDITOR", post("/api/v1/plans/" + plan + "/entries").contentType(MediaType.APPLICATION_JSON)
			.content(entry("M1", p + "a", this.today, 3))).andExpect(status().isCreated());
		String quarter = Period.quarterOf(this.today).key();
		String base = "/api/v1/plans/" + plan + "/reports/" + quarter;

		byte[] pdf = as("admin", "ADMIN", get(base + ".pdf")).andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Báo cáo kết quả thực hiện Kế hoạch thử nghiệm " + p)
				.contains(Period.quarterOf(this.today).vietnamese())
				.contains("Hội nghị đối thoại doanh nghiệp")
				.contains("Sở Nội vụ thử nghiệm")
				.contains("Hoàn thành")
				.contains("300%")
				.contains("Ký, ghi rõ họ tên")
				.doesNotContain("#");
			// the chart, drawn on the server, is a picture on the page
			List<java.awt.image.BufferedImage> images = new ArrayList<>();
			for (var page : document.getPages()) {
				for (var name : page.getResources().getXObjectNames()) {
					if (page.getResources()
						.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
						images.add(image.getImage());
					}
				}
			}
			assertThat(images).hasSize(1);
			assertThat(images.get(0).getWidth()).isEqualTo(PlanChart.WIDTH);
		}

		byte[] xlsx = as("admin", "ADMIN", get(base + ".xlsx")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getFirstSheet();
			List<Row> rows = new ArrayList<>();
			try (var stream = sheet.openStream()) {
				stream.forEach(rows::add);
			}
			assertThat(rows.get(0).getCellText(0)).startsWith("Báo cáo kết quả thực hiện Kế hoạch thử nghiệm");
			Row m1 = rows.stream().filter((r) -> "M1".equals(r.getCellText(0))).findFirst().orElseThrow();
			assertThat(m1.getCellText(3)).isEqualTo("Sở Nội vụ thử nghiệm " + p);
			assertThat(m1.getCellAsNumber(6).orElseThrow().intValue()).isEqualTo(1);
			assertThat(m1.getCellAsNumber(7).orElseThrow().intValue()).isEqualTo(3);
			assertThat(m1.getCellText(10)).isEqualTo("Hoàn thành");
			assertThat(workbook.getSheets().count()).isEqualTo(2);
		}
		// and in the sheet
		java.nio.file.Path file = java.nio.file.Files.createTempFile("plan-report", ".xlsx");
		try {
			java.nio.file.Files.write(file, xlsx);
			try (var zip = new java.util.zip.ZipFile(file.toFile())) {
				var media = zip.stream().filter((e) -> e.getName().matches("xl/media/.*\\.png")).toList();
				assertThat(media).hasSize(1);
				java.awt.image.BufferedImage chart = javax.imageio.ImageIO.read(zip.getInputStream(media.get(0)));
				assertThat(chart.getHeight()).isEqualTo(PlanChart.height(4));
			}
		}
		finally {
			java.nio.file.Files.delete(file);
		}

		byte[] csv = as("admin", "ADMIN", get(base + ".csv")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] again = as("admin", "ADMIN", get(base + ".csv")).andReturn().getResponse().getContentAsByteArray();
		assertThat(again).isEqualTo(csv);
		String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).contains("M1,Hội nghị đối thoại doanh nghiệp," + p + "a,Sở Nội vụ thử nghiệm " + p
				+ ",MANUAL,\"tin, bài\",1,3,3,300,Hoàn thành");
	}

	@Test
	void theConsoleShowsProgressItemsAndTakesManualEntries() throws Exception {
		String p = "c" + UUID.randomUUID().toString().substring(0, 6) + "-";
		units(p);
		long plan = createPlan(p);
		as("editor", "EDITOR", get("/console/plans")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Kế hoạch thử nghiệm " + p)))
			.andExpect(content().string(containsString("590/QĐ-UBND")));
		as("admin", "ADMIN", get("/console/plans/" + plan + "?period=" + this.month)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"progress-grid\"")))
			.andExpect(content().string(containsString("Sở Nội vụ thử nghiệm " + p)))
			.andExpect(content().string(containsString("/reports/" + this.month + ".pdf")))
			.andExpect(content().string(containsString("0/2")));
		as("admin", "ADMIN", get("/console/plans/" + plan + "?period=" + this.month + "&lang=en"))
			.andExpect(content().string(containsString("Achieved against target")));
		as("officer", "EDITOR",
				post("/console/plans/" + plan + "/entries").with(csrf())
					.param("task", "M1")
					.param("unit", p + "a")
					.param("date", this.today.plusDays(3).toString())
					.param("amount", "1")
					.param("note", "Hội nghị"))
			.andExpect(flash().attribute("formError", containsString("future")));
		as("officer", "EDITOR",
				post("/console/plans/" + plan + "/entries").with(csrf())
					.param("task", "M1")
					.param("unit", p + "a")
					.param("date", this.today.toString())
					.param("amount", "1")
					.param("note", "Hội nghị tập huấn cải cách hành chính")
					.param("evidence", "https://example.vn/bien-ban.pdf"))
			.andExpect(flash().attribute("saved", true));
		as("officer", "EDITOR", get("/console/plans/" + plan + "/entries")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Hội nghị tập huấn cải cách hành chính")));
		as("officer", "EDITOR",
				get("/console/plans/" + plan + "/items?period=" + this.month + "&task=M1&unit=" + p + "a"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("https://example.vn/bien-ban.pdf")));
	}

	void bad(String p, String task, String field) throws Exception {
		as("admin", "ADMIN", post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).content(plan(p, task)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	void units(String p) throws Exception {
		String csv = "code,name,parent,kind,area\n" + p + "tinh,UBND tỉnh thử nghiệm,,PEOPLES_COMMITTEE,56\n" + p
				+ "a,Sở Nội vụ thử nghiệm " + p + "," + p + "tinh,DEPARTMENT,\n" + p + "xa,Phòng thuộc sở " + p + ","
				+ p + "a,OTHER,\n" + p + "b,Sở Tư pháp thử nghiệm " + p + "," + p + "tinh,DEPARTMENT,\n";
		as("admin", "ADMIN", post("/api/v1/units/import").contentType("text/csv").content(csv))
			.andExpect(status().isOk());
	}

	long createPlan(String p) throws Exception {
		return createPlan(p, "\"quota\":2");
	}

	long createPlan(String p, String firstTask) throws Exception {
		String answer = as("admin", "ADMIN",
				post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).content(plan(p, firstTask)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(answer, "$.id")).longValue();
	}

	static String plan(String p, String firstTask) {
		String base = "{\"code\":\"T1\",\"title\":\"Đăng tin cải cách hành chính\",\"leadUnit\":\"" + p
				+ "a\",\"units\":[\"" + p + "a\",\"" + p
				+ "b\"],\"channel\":\"PORTAL\",\"topic\":\"cai-cach-hanh-chinh\","
				+ "\"measure\":\"ITEMS\",\"cadence\":\"MONTHLY\",\"dueDay\":25,\"perUnit\":true";
		String first = base;
		for (String pair : firstTask.split(",(?=\")")) {
			if (pair.isEmpty()) {
				continue;
			}
			String key = pair.substring(0, pair.indexOf(':') + 1);
			first = first.contains(key) ? first.replaceAll(java.util.regex.Pattern.quote(key) + "(\"[^\"]*\"|\\d+)",
					java.util.regex.Matcher.quoteReplacement(pair)) : first + "," + pair;
		}
		return "{\"name\":\"Kế hoạch thử nghiệm " + p + "\",\"document\":{\"number\":\"590/QĐ-UBND\",\"date\":"
				+ "\"2021-03-11\",\"issuer\":\"Ủy ban nhân dân tỉnh Khánh Hòa\"},\"year\":" + LocalDate.now().getYear()
				+ ",\"units\":[\"" + p + "a\",\"" + p + "b\"],\"tasks\":[" + first + "},"
				+ "{\"code\":\"M1\",\"title\":\"Hội nghị đối thoại doanh nghiệp\",\"leadUnit\":\"" + p
				+ "a\",\"channel\":\"MANUAL\",\"quota\":1,\"cadence\":\"YEARLY\",\"perUnit\":false},"
				+ "{\"code\":\"R1\",\"title\":\"Chuyên mục cải cách hành chính trên đài\",\"leadUnit\":\"" + p
				+ "a\",\"channel\":\"RADIO\",\"topic\":\"cai-cach-hanh-chinh\",\"measure\":\"MINUTES\",\"quota\":15,"
				+ "\"cadence\":\"MONTHLY\",\"perUnit\":false}]}";
	}

	static String entry(String task, String unit, LocalDate date, int amount) {
		return "{\"task\":\"" + task + "\",\"unit\":\"" + unit + "\",\"date\":\"" + date + "\",\"amount\":" + amount
				+ ",\"note\":\"Hội nghị đối thoại doanh nghiệp, nhà đầu tư\",\"evidence\":\"https://example.vn/hn\"}";
	}

	long publish(long item, String unit) throws Exception {
		String answer = as("admin", "ADMIN", post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
			.content("{\"contentId\":" + item + ",\"targets\":[{\"channel\":\"portal\"}],\"unit\":\"" + unit + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(answer, "$.id")).longValue();
	}

	long approvedItem(String title, String topic) throws Exception {
		String json = "{\"title\":\"" + title + "\",\"summary\":\"Tóm tắt\",\"body\":\"Nội dung\",\"topic\":\"" + topic
				+ "\",\"audiences\":[\"CIVIL_SERVANTS\"],\"areas\":[\"56\"]}";
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

	ResultActions as(String name, String role, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

}
