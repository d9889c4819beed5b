package vn.loa.web;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.loa.audience.Subscribers;
import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's search and the other daily-work queries whose SQL must mean the same on
 * H2 and on PostgreSQL (diacritics folded in SQL, time buckets, the calendar's range).
 */
abstract class SearchJourney {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContentService contents;

	@Autowired
	Subscribers subscribers;

	@Test
	void oneBoxFindsContentWithOrWithoutDiacriticsAndNumbersOnlyForOfficers() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ContentItem item = this.contents.create(new ContentDraft("Đơn giản hóa thủ tục hành chính đất đai " + tag,
				"Giảm thời gian giải quyết", "Người dân **Đắk Lắk** nộp hồ sơ trực tuyến.", "cai-cach-hanh-chinh",
				List.of(Audience.CITIZENS_AND_BUSINESSES), List.of("56"), List.of(), List.of()), "editor");
		String local = "09" + String.format("%08d", new Random().nextInt(100_000_000));
		this.subscribers.subscribe(local, "48", List.of(), "vi", "test");

		this.mvc
			.perform(get("/console/search").param("q", "thu tuc hanh chinh dat dai " + tag)
				.with(user("editor").roles("EDITOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/console/contents/" + item.id() + "\"")));
		this.mvc.perform(get("/console/search").param("q", "DAK LAK").with(user("editor").roles("EDITOR")))
			.andExpect(content().string(containsString("/console/contents/" + item.id() + "\"")));
		this.mvc.perform(get("/console/search").param("q", "Thủ Tục " + tag).with(user("editor").roles("EDITOR")))
			.andExpect(content().string(containsString("/console/contents/" + item.id() + "\"")));
		this.mvc.perform(get("/console/search").param("q", "thu_tuc " + tag).with(user("editor").roles("EDITOR")))
			.andExpect(content().string(not(containsString("/console/contents/" + item.id() + "\""))));

		String e164 = "+84" + local.substring(1);
		this.mvc.perform(get("/console/search").param("q", local.substring(2, 9)).with(user("editor").roles("EDITOR")))
			.andExpect(content().string(allOf(containsString(e164), containsString("id=\"search-subscribers\""))));
		this.mvc.perform(get("/console/search").param("q", local.substring(0, 8)).with(user("editor").roles("EDITOR")))
			.andExpect(content().string(allOf(containsString(e164), containsString("id=\"search-subscribers\""))));
		this.mvc.perform(get("/console/search").param("q", local).with(user("approver").roles("APPROVER")))
			.andExpect(content().string(containsString(e164)));
		// an admin who is not an officer runs Loa but does not read citizens' numbers
		this.mvc.perform(get("/console/search").param("q", local).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString(e164)), not(containsString("search-subscribers")))));
	}

	@Test
	void theChartsChannelsAndCalendarQueriesRun() throws Exception {
		this.mvc.perform(get("/console/charts/deliveries").with(user("editor").roles("EDITOR")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/console/channels").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
		this.mvc
			.perform(get("/console/calendar/events").param("start", "2026-11-30T00:00:00Z")
				.param("end", "2027-01-11T00:00:00Z")
				.with(user("approver").roles("APPROVER")))
			.andExpect(status().isOk());
	}

}
