package vn.loa.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loa.audience.SegmentSpec;
import vn.loa.channels.ChannelCheck;
import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelsHealth;
import vn.loa.channels.bulk.BulkJobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The channels page: admins only, each channel's facts, the states that need an admin.
 */
@SpringBootTest
@AutoConfigureMockMvc
@SuppressWarnings("unchecked")
class ChannelsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	BulkJobs jobs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ChannelsHealth health;

	@Autowired
	List<ChannelDescriptor> descriptors;

	@Test
	void onlyAnAdminSeesEachChannelsModeHealthRateAndDay() throws Exception {
		this.mvc.perform(get("/console/channels").with(user("approver").roles("APPROVER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/console/channels/sms/test").with(csrf()).with(user("editor").roles("EDITOR")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/channels").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-channel=\"sms\""),
					containsString("thử nghiệm (trình mô phỏng)"), containsString("rate-per-second"),
					containsString("id=\"test-send-sms\""), containsString("Tình trạng các kênh"))));
		this.mvc.perform(get("/console/channels").param("lang", "en").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("Channel status"), containsString("sandbox (simulator)"))));
		this.mvc.perform(
				post("/console/channels/sms/test").with(csrf()).param("to", "12ab").with(user("admin").roles("ADMIN")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("failure"));
	}

	@Test
	void eachChannelNamesItsOwnStateAndThePageThatClearsIt() throws Exception {
		String pageId = "99" + (System.nanoTime() % 1_000_000_000L);
		this.mvc
			.perform(post("/api/v1/facebook/pages").with(csrf())
				.with(user("admin").roles("ADMIN"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"pageId\":\"" + pageId + "\",\"name\":\"Trang thử trạng thái\",\"token\":\"page-token-"
						+ pageId + "\"}"))
			.andExpect(status().is2xxSuccessful());
		long publication = 7_000_000_000L + (System.nanoTime() % 1_000_000L);
		long job = this.jobs.enqueue("zalo-zns", publication, "area=X", SegmentSpec.of(null, "X"), "{}", "v1", false,
				Instant.now().plusSeconds(3600));
		try {
			// Graph refused the Page's token (as the publisher records it); the ZNS quota
			// is spent until tomorrow
			this.jdbc.update("update facebook_page set state = 'NEEDS_REAUTHORISATION', state_reason = 'token "
					+ "expired' where page_id = ?", pageId);
			this.jobs.waitUntil(job, Instant.now().plusSeconds(3600), "QUOTA");

			Map<String, ChannelDescriptor.ChannelHealth> states = new java.util.HashMap<>();
			this.descriptors.forEach((d) -> states.put(d.id(), this.health.probe(d)));
			assertThat(states.get("facebook").state()).isEqualTo(ChannelDescriptor.ChannelHealth.State.PAUSED);
			assertThat(states.get("facebook").action()).isEqualTo("/console/facebook");
			assertThat(states.get("zalo-zns").state()).isEqualTo(ChannelDescriptor.ChannelHealth.State.QUOTA_WAIT);
			assertThat(states.get("zalo-zns").up()).isTrue();
			assertThat(states.get("zalo-zns").action()).isEqualTo("/console/operations");
			assertThat(states.get("sms").state()).isEqualTo(ChannelDescriptor.ChannelHealth.State.OK);

			String page = this.mvc.perform(get("/console/channels").with(user("admin").roles("ADMIN")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).contains("data-channel=\"facebook\" data-state=\"PAUSED\"")
				.contains("href=\"/console/facebook\"")
				.contains("Cập nhật mã truy cập Trang")
				.contains("data-channel=\"zalo-zns\" data-state=\"QUOTA_WAIT\"")
				.contains("href=\"/console/operations\"")
				.contains("Chờ hạn mức");
			this.mvc.perform(get("/console/channels").param("lang", "en").with(user("admin").roles("ADMIN")))
				.andExpect(content().string(allOf(containsString("Waiting for quota"), containsString("Paused"),
						containsString("Update the Page tokens"))));
			this.mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN")))
				.andExpect(jsonPath("$.components.channels.details.facebook.state").value("PAUSED"))
				.andExpect(jsonPath("$.components.channels.details['zalo-zns'].state").value("QUOTA_WAIT"));
		}
		finally {
			this.jdbc.update("delete from facebook_page where page_id = ?", pageId);
			this.jobs.cancel(publication);
		}
		// no OA was ever connected in this context: the ZNS channel says so once nothing
		// waits
		assertThat(this.health
			.probe(this.descriptors.stream().filter((d) -> d.id().equals("zalo-zns")).findFirst().orElseThrow())
			.state()).isEqualTo(ChannelDescriptor.ChannelHealth.State.NOT_CONNECTED);
	}

	@Test
	void zaloChannelsNeverConnectedSayHowToConnectThem() throws Exception {
		for (String channel : List.of("zalo", "zalo-zns")) {
			ChannelDescriptor.ChannelHealth state = this.health
				.probe(this.descriptors.stream().filter((d) -> d.id().equals(channel)).findFirst().orElseThrow());
			assertThat(state.state()).as(channel).isEqualTo(ChannelDescriptor.ChannelHealth.State.NOT_CONNECTED);
			assertThat(state.up()).as(channel + " is not broken, only not set up").isTrue();
			assertThat(state.action()).as(channel).isEqualTo("/console/zalo");
		}
		this.mvc.perform(get("/console/channels").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(allOf(containsString("data-channel=\"zalo\" data-state=\"NOT_CONNECTED\""),
					containsString("data-channel=\"zalo-zns\" data-state=\"NOT_CONNECTED\""),
					containsString("Chưa kết nối"), containsString("Kết nối Zalo OA"))));
		this.mvc.perform(get("/console/channels").param("lang", "en").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(allOf(containsString("Not connected"), containsString("Connect Zalo OA"))));
		this.mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN")))
			.andExpect(jsonPath("$.components.channels.details.zalo.state").value("NOT_CONNECTED"))
			.andExpect(jsonPath("$.components.channels.details['zalo-zns'].state").value("NOT_CONNECTED"));
	}

	@Test
	void aTestZnsNeedsTheOaConnectedAndSaysSo() throws Exception {
		this.mvc.perform(
				post("/console/channels/zalo-zns/test").with(csrf()).param("to", "").with(user("admin").roles("ADMIN")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("failure"));
		assertThat(this.jdbc.queryForList(
				"select detail from audit_event where subject_type = 'channel-test' and " + "action = 'TEST_FAILED'",
				String.class))
			.anySatisfy((detail) -> assertThat(detail).startsWith("zalo-zns → +84900000001: NEEDS_REAUTHORISATION"));
	}

	@Test
	void anAdminChecksAChannelsConnectionWithoutSendingAnything() throws Exception {
		this.mvc.perform(post("/console/channels/sms/check").with(csrf()).with(user("admin").roles("ADMIN")))
			.andExpect(flash().attributeExists("failure"));
		this.mvc.perform(post("/console/channels/wordpress/check").with(csrf()).with(user("editor").roles("EDITOR")))
			.andExpect(status().isForbidden());
		List<ChannelCheck.Finding> wordpress = (List<ChannelCheck.Finding>) this.mvc
			.perform(post("/console/channels/wordpress/check").with(csrf()).with(user("admin").roles("ADMIN")))
			.andExpect(flash().attribute("checkChannel", "wordpress"))
			.andReturn()
			.getFlashMap()
			.get("checkFindings");
		assertThat(wordpress).isNotEmpty();
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where subject_type = 'channel-test' " + "and detail like 'wordpress:%'",
				String.class))
			.isNotEmpty()
			.allSatisfy((action) -> assertThat(action).isIn("CHECK_OK", "CHECK_FAILED"));
		String page = this.mvc
			.perform(get("/console/channels").with(user("admin").roles("ADMIN"))
				.flashAttr("checkChannel", "wordpress")
				.flashAttr("checkOk", true)
				.flashAttr("checkFindings", List.of(new ChannelCheck.Finding("demo", true, "tài khoản loa"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"check-result\"")
			.contains("Kênh wordpress: kết nối tốt")
			.contains("id=\"check-wordpress\"")
			.contains("id=\"check-facebook\"");
	}

}
