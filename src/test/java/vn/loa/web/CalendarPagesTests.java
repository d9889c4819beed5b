package vn.loa.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.loa.common.LoaClock;
import vn.loa.content.Audience;
import vn.loa.content.AuditEvent;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.publishing.Publication;
import vn.loa.publishing.PublicationRequest;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.PublicationState;
import vn.loa.publishing.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The publishing calendar, its moves and cancels, and the per-user iCalendar feed. */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContentService contents;

	@Autowired
	PublicationService publications;

	@Test
	void theMonthShowsAScheduledPublicationAndAnApproverMovesItThroughTheAuditedService() throws Exception {
		String title = "Lịch tiếp công dân " + UUID.randomUUID();
		LocalDateTime at = LocalDate.now(LoaClock.ZONE).plusDays(3).atTime(9, 30);
		Publication scheduled = schedule(title, at);
		String month = YearMonth.from(at).toString();

		as("editor", "EDITOR", get("/console/calendar").param("month", month)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(title), containsString("Lịch phát hành"),
					not(containsString("/console/calendar/" + scheduled.id() + "/move")))));
		as("approver", "APPROVER", get("/console/calendar").param("month", month).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Publishing calendar"),
					containsString("/console/calendar/" + scheduled.id() + "/move"))));
		as("approver", "APPROVER",
				get("/console/calendar/events").param("start", at.toLocalDate() + "T00:00:00Z")
					.param("end", at.toLocalDate().plusDays(1) + "T00:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$[?(@.groupId == '" + scheduled.id() + "')].start").value(at.toLocalDate() + "T09:30:00"))
			.andExpect(jsonPath("$[?(@.groupId == '" + scheduled.id() + "')].editable").value(true))
			.andExpect(jsonPath("$[?(@.groupId == '" + scheduled.id() + "')].backgroundColor")
				.value(ChannelColours.of("portal")));

		String later = at.plusDays(1).withHour(14).toString();
		as("editor", "EDITOR",
				post("/console/calendar/" + scheduled.id() + "/move").with(csrf()).param("scheduledAt", later))
			.andExpect(status().isForbidden());
		as("approver", "APPROVER",
				post("/console/calendar/" + scheduled.id() + "/move").with(csrf()).param("scheduledAt", later))
			.andExpect(status().is3xxRedirection());
		assertThat(this.publications.get(scheduled.id()).scheduledAt())
			.isEqualTo(at.plusDays(1).withHour(14).atZone(LoaClock.ZONE).toInstant());
		assertThat(this.publications.history(scheduled.id())).extracting(AuditEvent::action, AuditEvent::actor)
			.contains(org.assertj.core.groups.Tuple.tuple("RESCHEDULED", "approver"));

		// a drag to the past is refused in Vietnamese and moves nothing
		as("approver", "APPROVER",
				post("/console/calendar/" + scheduled.id() + "/drop").with(csrf())
					.param("scheduledAt", "2020-01-01T08:00:00"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("Thời điểm gửi đã qua."));
		as("approver", "APPROVER", post("/console/calendar/" + scheduled.id() + "/drop").with(csrf())
			.param("scheduledAt", at.plusDays(2) + ":00")).andExpect(status().isOk());
		assertThat(this.publications.get(scheduled.id()).scheduledAt())
			.isEqualTo(at.plusDays(2).atZone(LoaClock.ZONE).toInstant());

		as("approver", "APPROVER", post("/console/calendar/" + scheduled.id() + "/cancel").with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.publications.get(scheduled.id()).state()).isEqualTo(PublicationState.CANCELLED);
		assertThat(this.publications.history(scheduled.id())).extracting(AuditEvent::action).contains("CANCELLED");
	}

	@Test
	void theFeedAddressShowsTheCalendarUntilItIsRevoked() throws Exception {
		String title = "Hội nghị đối thoại; doanh nghiệp, " + UUID.randomUUID();
		Publication scheduled = schedule(title, LocalDate.now(LoaClock.ZONE).plusDays(2).atTime(8, 0));
		String token = (String) as("editor", "EDITOR", post("/console/calendar/feed").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("feedToken");
		assertThat(token).startsWith("cal_");
		String ics = this.mvc.perform(get("/feeds/calendar/" + token + ".ics"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n")
			.contains("UID:loa-publication-" + scheduled.id() + "-portal@")
			.contains("Hội nghị đối thoại\\; doanh nghiệp\\,")
			.endsWith("END:VCALENDAR\r\n");
		assertThat(ics.split("\r\n"))
			.allSatisfy((line) -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
				.isLessThanOrEqualTo(75));
		as("editor", "EDITOR", get("/console/calendar")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(token.substring(0, 10)), not(containsString(token)))));

		as("editor", "EDITOR", post("/console/calendar/feed/revoke").with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/feeds/calendar/" + token + ".ics")).andExpect(status().isNotFound());
		this.mvc.perform(get("/feeds/calendar/cal_guessed.ics")).andExpect(status().isNotFound());
	}

	/**
	 * For the editor's unit (the demo editor's, below the approver's), so both see it.
	 */
	private Publication schedule(String title, LocalDateTime at) {
		ContentItem item = this.contents.create(new ContentDraft(title, "Tóm tắt", "Nội dung.", "cai-cach-hanh-chinh",
				List.of(Audience.CIVIL_SERVANTS), List.of("56"), List.of(), List.of()), "editor");
		this.contents.submit(item.id(), "editor");
		this.contents.approve(item.id(), "approver");
		OffsetDateTime when = at.atZone(LoaClock.ZONE).toOffsetDateTime();
		return this.publications.create(new PublicationRequest(item.id(), List.of(new Target("portal", null)), when,
				false, java.util.Map.of(), "snv-kh"), new PublicationService.Actor("approver", true));
	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)));
	}

}
