package vn.loa.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.loa.channels.ChannelDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The channels page: admins only, each channel's facts, the states that need an admin.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChannelsPageTests {

	@Autowired
	MockMvc mvc;

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
	void aChannelsHealthNamesTheStateAnAdminMustClear() {
		ChannelDescriptor zalo = ChannelDescriptor.builder("zalo", "Zalo OA").template("message.txt").build();
		assertThat(ChannelsPage.state(zalo,
				ChannelDescriptor.ChannelHealth.unhealthy("NEEDS_REAUTHORISATION: refresh token expired")))
			.isEqualTo("NEEDS_REAUTHORISATION");
		assertThat(ChannelsPage.state(zalo, ChannelDescriptor.ChannelHealth.unhealthy("Page X (1) needs a new token")))
			.isEqualTo("PAUSED");
		assertThat(ChannelsPage.state(zalo, ChannelDescriptor.ChannelHealth.unhealthy("template zalo/x is missing")))
			.isEqualTo("TEMPLATE_MISSING");
		assertThat(ChannelsPage.state(zalo, ChannelDescriptor.ChannelHealth.healthy())).isEqualTo("OK");
		ChannelDescriptor off = ChannelDescriptor.builder("sms", "SMS").template("a.txt").enabled(false).build();
		assertThat(ChannelsPage.state(off, ChannelDescriptor.ChannelHealth.healthy())).isEqualTo("DISABLED");
	}

}
