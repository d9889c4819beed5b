package vn.loa.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.publishing.PublicationRequest;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.Target;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The deliveries charts' data and their tables for screen readers. */
@SpringBootTest
@AutoConfigureMockMvc
class DeliveryChartsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContentService contents;

	@Autowired
	PublicationService publications;

	@Autowired
	DeliveryLog deliveries;

	@Test
	void theDashboardAndAPublicationChartTheirRowsPerChannelAndStatusWithATable() throws Exception {
		ContentItem item = this.contents.create(new ContentDraft("Biểu đồ " + UUID.randomUUID(), "Tóm tắt", "Nội dung.",
				"cai-cach-hanh-chinh", List.of(Audience.CIVIL_SERVANTS), List.of("56"), List.of(), List.of()),
				"editor");
		this.contents.submit(item.id(), "editor");
		this.contents.approve(item.id(), "approver");
		long id = this.publications
			.create(new PublicationRequest(item.id(), List.of(new Target("portal", null)), null, false, Map.of(), null),
					new PublicationService.Actor("approver", true))
			.id();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.deliveries.progress(id)
				.getOrDefault("portal", Map.of())
				.containsKey(DeliveryStatus.SENT));

		this.mvc.perform(get("/console/charts/deliveries").with(user("editor").roles("EDITOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.labels", hasSize(30)))
			.andExpect(jsonPath("$.series[?(@.channel == 'portal' && @.status == 'SENT')].label")
				.value(hasItem("portal · Đã gửi")))
			.andExpect(jsonPath("$.series[?(@.channel == 'portal' && @.status == 'SENT')].data[29]")
				.value(hasItem(greaterThanOrEqualTo(1))));
		this.mvc.perform(get("/console/publications/" + id + "/chart").with(user("approver").roles("APPROVER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.series[0].channel").value("portal"))
			.andExpect(jsonPath("$.series[0].data[0]").value(1));
		this.mvc.perform(get("/console").with(user("editor").roles("EDITOR")))
			.andExpect(content().string(allOf(containsString("id=\"dashboard-chart\""),
					containsString("id=\"dashboard-chart-table\""), containsString("portal · Đã gửi"),
					containsString("/webjars/chart.js/4.5.1/dist/chart.umd.min.js"))));
		this.mvc
			.perform(get("/console/publications/" + id).param("lang", "en").with(user("approver").roles("APPROVER")))
			.andExpect(content().string(allOf(containsString("id=\"publication-chart\""),
					containsString("The numbers as a table"), containsString("portal · Sent"))));
	}

}
