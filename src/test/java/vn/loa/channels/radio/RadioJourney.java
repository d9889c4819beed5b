package vn.loa.channels.radio;

import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The radio story end to end: an admin creates a district station and its token; an
 * officer publishes two items and a program to it; the station pulls its feeds (RSS,
 * Atom, JSON, plain text) and reports one item aired; the delivery log shows PULLED and
 * AIRED.
 */
abstract class RadioJourney {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@MockitoSpyBean
	RadioFeedStore store;

	@Test
	void aStationPullsItsScriptsAndReportsWhatItAired() throws Exception {
		String code = "dien-khanh-" + UUID.randomUUID().toString().substring(0, 8);
		as("editor", "EDITOR", post("/api/v1/stations").contentType(MediaType.APPLICATION_JSON).content(station(code)))
			.andExpect(status().isForbidden());
		as("admin", "ADMIN", post("/api/v1/stations").contentType(MediaType.APPLICATION_JSON).content(station(code)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.level").value("DISTRICT"))
			.andExpect(jsonPath("$.areaCode").value("56.568"));
		String token = issueToken(code);
		as("admin", "ADMIN", get("/api/v1/stations/" + code)).andExpect(jsonPath("$.tokens[0].prefix").exists())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));

		long first = approvedItem("Nộp hồ sơ trực tuyến " + code,
				"UBND huyện khuyến khích nộp hồ sơ qua DVCTT; 81,5% hồ sơ đã nộp trực tuyến.");
		long second = approvedItem("Đường dây nóng " + code, "Phản ánh về TTHC xin gọi 0262.8552255.");
		long unsent = approvedItem("Không gửi đài " + code, "Nội dung không gửi cho đài.");
		publishAndWait(first, code);
		publishAndWait(second, code);

		String program = as("editor", "EDITOR",
				post("/api/v1/programs").contentType(MediaType.APPLICATION_JSON)
					.content("{\"title\":\"Chuyên mục cải cách hành chính " + code + "\",\"contentIds\":[" + first + ","
							+ second + "],\"targetMinutes\":12,\"airDate\":\"2026-11-30\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.verdict").value("UNDER"))
			.andExpect(jsonPath("$.targetSeconds").value(720))
			.andExpect(jsonPath("$.differenceSeconds").value(org.hamcrest.Matchers.lessThan(-600)))
			.andExpect(
					jsonPath("$.parts[*].kind").value(org.hamcrest.Matchers.contains("INTRO", "ITEM", "ITEM", "OUTRO")))
			.andExpect(jsonPath("$.script").value(containsString("ngày ba mươi tháng mười một")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long programContent = ((Number) JsonPath.read(program, "$.contentId")).longValue();
		as("editor", "EDITOR", post("/api/v1/contents/" + programContent + "/submit")).andExpect(status().isOk());
		as("approver", "APPROVER", post("/api/v1/contents/" + programContent + "/approve")).andExpect(status().isOk());
		publishAndWait(programContent, "area:56");

		// RSS: newest first, read-aloud text, durations at the station's pace.
		MvcResult rss = this.mvc
			.perform(get("/feeds/radio/" + code + ".rss").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/rss+xml")))
			.andExpect(header().exists("ETag"))
			.andExpect(header().exists("Last-Modified"))
			.andReturn();
		SyndFeed feed = new SyndFeedInput()
			.build(new StringReader(rss.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
			.containsExactly("Chuyên mục cải cách hành chính " + code, "Đường dây nóng " + code,
					"Nộp hồ sơ trực tuyến " + code);
		assertThat(feed.getEntries().get(2).getDescription().getValue())
			.contains("Ủy ban nhân dân huyện khuyến khích nộp hồ sơ qua dịch vụ công trực tuyến")
			.contains("tám mươi mốt phẩy năm phần trăm");
		assertThat(feed.getEntries().get(1).getDescription().getValue())
			.contains("không hai sáu hai, tám năm năm, hai hai năm năm");
		assertThat(feed.getEntries().get(0).getForeignMarkup())
			.anySatisfy((e) -> assertThat(e.getText()).isEqualTo("PROGRAM"));
		assertThat(statuses(code)).containsOnly("PULLED").hasSize(3);
		Object pulledAt = firstPull(code);

		// 304: nothing rendered, nothing read but the stamp; the first pull time is kept.
		clearInvocations(this.store);
		this.mvc
			.perform(get("/feeds/radio/" + code + ".rss").header("Authorization", "Bearer " + token)
				.header("If-None-Match", rss.getResponse().getHeader("ETag")))
			.andExpect(status().isNotModified())
			.andExpect(content().string(""));
		verify(this.store, never()).newest(anyLong(), anyLong(), anyInt());
		assertThat(firstPull(code)).isEqualTo(pulledAt);

		String atom = this.mvc.perform(get("/feeds/radio/" + code + ".atom").param("token", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(new SyndFeedInput().build(new StringReader(atom)).getEntries()).hasSize(3);
		String json = this.mvc.perform(get("/feeds/radio/" + code + ".json").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value("https://jsonfeed.org/version/1.1"))
			.andExpect(jsonPath("$.items.length()").value(3))
			.andExpect(jsonPath("$.items[2]._loa.contentId").value(first))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String scriptUrl = JsonPath.read(json, "$.items[2].url");
		this.mvc.perform(get(scriptUrl.substring(scriptUrl.indexOf("/feeds/"))).param("token", token))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/plain")))
			.andExpect(content().string(containsString("tám mươi mốt phẩy năm phần trăm")));

		// Aired receipts.
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
		String firstAiring = "{\"contentId\":" + first + ",\"airedAt\":\"" + now.minusMinutes(5)
				+ "\",\"durationSeconds\":95}";
		this.mvc
			.perform(post("/api/v1/stations/" + code + "/aired").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(firstAiring))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("AIRED"))
			.andExpect(jsonPath("$.contentId").value(first))
			.andExpect(jsonPath("$.deliveryId").isNumber())
			.andExpect(jsonPath("$.repeated").value(false));
		this.mvc
			.perform(post("/api/v1/stations/" + code + "/aired").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"contentId\":" + unsent + ",\"airedAt\":\"2026-11-24T08:00:00+07:00\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("contentId"));
		this.mvc
			.perform(post("/api/v1/stations/" + code + "/aired").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"contentId\":" + first + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("airedAt"));
		assertThat(statuses(code)).containsExactlyInAnyOrder("AIRED", "PULLED", "PULLED");
		assertThat(this.jdbc.sql("select aired_seconds from radio_feed_entry where content_id = ?")
			.param(first)
			.query(Integer.class)
			.single()).isEqualTo(95);

		// The same report again (a retry) counts once; a re-broadcast is air time too.
		this.mvc
			.perform(post("/api/v1/stations/" + code + "/aired").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(firstAiring))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.repeated").value(true));
		this.mvc
			.perform(post("/api/v1/stations/" + code + "/aired").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"contentId\":" + first + ",\"airedAt\":\"" + now.minusMinutes(2)
						+ "\",\"durationSeconds\":90}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.repeated").value(false));
		this.mvc
			.perform(post("/api/v1/stations/" + code + "/aired").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"contentId\":" + programContent + ",\"airedAt\":\"" + now.minusMinutes(1) + "\"}"))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("select aired_seconds from radio_feed_entry where content_id = ?")
			.param(first)
			.query(Integer.class)
			.single()).isEqualTo(95);
		assertThat(statuses(code)).containsExactlyInAnyOrder("AIRED", "PULLED", "AIRED");
		String today = now.toLocalDate().toString();
		String yesterday = now.toLocalDate().minusDays(1).toString();
		int programSeconds = this.jdbc
			.sql("select e.seconds from radio_feed_entry e join radio_station s on s.id = e.station_id"
					+ " where s.code = ? and e.content_id = ?")
			.params(code, programContent)
			.query(Integer.class)
			.single();
		as("editor", "EDITOR",
				get("/api/v1/radio/airings").param("station", code).param("from", yesterday).param("to", today))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.length()").value(1))
			.andExpect(jsonPath("$.totals[0].station").value(code))
			.andExpect(jsonPath("$.totals[0].airings").value(3))
			// Reported durations, and the estimated reading time where none was reported.
			.andExpect(jsonPath("$.totals[0].seconds").value(95 + 90 + programSeconds))
			.andExpect(jsonPath("$.airings.length()").value(3))
			.andExpect(jsonPath("$.airings[0].contentId").value(first))
			.andExpect(jsonPath("$.airings[0].reported").value(true))
			.andExpect(jsonPath("$.airings[2].kind").value("PROGRAM"))
			.andExpect(jsonPath("$.airings[2].reported").value(false));
		as("editor", "EDITOR", get("/api/v1/radio/airings").param("from", "30/11/2026"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		as("editor", "EDITOR", get("/api/v1/radio/airings").param("from", today).param("to", yesterday))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		this.mvc.perform(get("/api/v1/radio/airings")).andExpect(status().isUnauthorized());

		// A withdrawn item leaves the feed at once and its script says not to air it.
		String beforeWithdrawal = this.mvc
			.perform(get("/feeds/radio/" + code + ".rss").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		String secondScript = this.jdbc
			.sql("select e.id from radio_feed_entry e join radio_station s on s.id = e.station_id"
					+ " where s.code = ? and e.content_id = ?")
			.params(code, second)
			.query(Long.class)
			.single()
			.toString();
		as("approver", "APPROVER",
				post("/api/v1/contents/" + second + "/withdraw").contentType(MediaType.APPLICATION_JSON)
					.content("{\"reason\":\"Sai số điện thoại\"}"))
			.andExpect(status().isOk());
		MvcResult afterWithdrawal = this.mvc
			.perform(get("/feeds/radio/" + code + ".rss").header("Authorization", "Bearer " + token)
				.header("If-None-Match", beforeWithdrawal))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(afterWithdrawal.getResponse().getHeader("ETag")).isNotEqualTo(beforeWithdrawal);
		assertThat(new SyndFeedInput()
			.build(new StringReader(
					afterWithdrawal.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)))
			.getEntries()).extracting(SyndEntry::getTitle)
			.containsExactly("Chuyên mục cải cách hành chính " + code, "Nộp hồ sơ trực tuyến " + code);
		this.mvc.perform(get("/feeds/radio/" + code + "/scripts/" + secondScript + ".txt").param("token", token))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.detail").value(containsString("thu hồi")));

		// Unknown station and wrong token look the same; a revoked token stops at once.
		String wrongToken = this.mvc
			.perform(get("/feeds/radio/" + code + ".rss").header("Authorization", "Bearer nope"))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknownStation = this.mvc
			.perform(get("/feeds/radio/khong-co-" + code + ".rss").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// Same answer apart from the path it was asked for.
		assertThat(unknownStation.replace("khong-co-", "")).isEqualTo(wrongToken);
		this.mvc.perform(get("/feeds/radio/" + code + ".rss")).andExpect(status().isUnauthorized());
		long tokenId = this.jdbc
			.sql("select t.id from radio_station_token t join radio_station s on s.id = t.station_id where s.code = ?")
			.param(code)
			.query(Long.class)
			.single();
		as("admin", "ADMIN", delete("/api/v1/stations/" + code + "/tokens/" + tokenId))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/feeds/radio/" + code + ".rss").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/stations/" + code + "/aired").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"contentId\":" + second + ",\"airedAt\":\"2026-11-24T08:00:00+07:00\"}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void badStationsAreRefusedWithTheFieldNamed() throws Exception {
		as("admin", "ADMIN",
				post("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"Có dấu\",\"name\":\"Đài\",\"level\":\"COMMUNE\",\"areaCode\":\"56\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("code"));
		as("admin", "ADMIN",
				post("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"xa-a\",\"name\":\"Đài\",\"level\":\"VILLAGE\",\"areaCode\":\"56\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("level"));
		String code = "trung-" + UUID.randomUUID().toString().substring(0, 8);
		as("admin", "ADMIN", post("/api/v1/stations").contentType(MediaType.APPLICATION_JSON).content(station(code)))
			.andExpect(status().isCreated());
		as("admin", "ADMIN", post("/api/v1/stations").contentType(MediaType.APPLICATION_JSON).content(station(code)))
			.andExpect(status().isConflict());
		as("editor", "EDITOR",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + approvedItem("Sai đài " + code, "Nội dung")
							+ ",\"targets\":[{\"channel\":\"radio\",\"target\":\"khong-co-dai-nay\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("targets[0].target"));
	}

	private static String station(String code) {
		return "{\"code\":\"" + code + "\",\"name\":\"Đài truyền thanh huyện Diên Khánh\",\"level\":\"district\","
				+ "\"areaCode\":\"56-568\",\"wordsPerMinute\":150}";
	}

	private String issueToken(String code) throws Exception {
		String issued = as("admin", "ADMIN", post("/api/v1/stations/" + code + "/tokens"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(issued, "$.token");
	}

	private List<String> statuses(String code) {
		return this.jdbc.sql("select status from delivery where channel = 'radio' and target = ?")
			.param(code)
			.query(String.class)
			.list();
	}

	private Object firstPull(String code) {
		return this.jdbc
			.sql("select min(e.pulled_at) from radio_feed_entry e join radio_station s on s.id = e.station_id"
					+ " where s.code = ?")
			.param(code)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.single();
	}

	private void publishAndWait(long contentId, String target) throws Exception {
		String created = as("approver", "APPROVER",
				post("/api/v1/publications").contentType(MediaType.APPLICATION_JSON)
					.content("{\"contentId\":" + contentId + ",\"targets\":[{\"channel\":\"radio\",\"target\":\""
							+ target + "\"}]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long publication = ((Number) JsonPath.read(created, "$.id")).longValue();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.sql("select state from publication where id = ?")
				.param(publication)
				.query(String.class)
				.single()).isEqualTo("DISPATCHED"));
	}

	long approvedItem(String title, String body) throws Exception {
		String json = "{\"title\":\"" + title + "\",\"summary\":\"Tóm tắt\",\"body\":\"" + body
				+ "\",\"topic\":\"cchc\",\"audiences\":[\"CITIZENS_AND_BUSINESSES\"],\"areas\":[\"568\"]}";
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

	ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

}
