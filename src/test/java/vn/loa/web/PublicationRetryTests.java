package vn.loa.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.deliverylog.Delivery;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.publishing.Publication;
import vn.loa.publishing.PublicationRequest;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.PublicationState;
import vn.loa.publishing.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Retrying a publication's failed rows from its page: only what may safely be sent again
 * (a temporary failure or a refused connection, no provider reference), never an
 * OUTCOME_UNKNOWN row, each retry in the row's history.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicationRetryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContentService contents;

	@Autowired
	PublicationService publications;

	@Autowired
	DeliveryLog deliveries;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anApproverRetriesOnlyTheRowsThatMaySafelyBeSentAgain() throws Exception {
		ContentItem item = this.contents.create(new ContentDraft("Gửi lại " + UUID.randomUUID(), "Tóm tắt", "Nội dung.",
				"cai-cach-hanh-chinh", List.of(Audience.CIVIL_SERVANTS), List.of("56"), List.of(), List.of()),
				"editor");
		this.contents.submit(item.id(), "editor");
		this.contents.approve(item.id(), "approver");
		Publication publication = this.publications.create(new PublicationRequest(item.id(),
				List.of(new Target("portal", null), new Target("wordpress", null)), null, false, Map.of(), null),
				new PublicationService.Actor("approver", true));
		long id = publication.id();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.publications.get(id).state() == PublicationState.DISPATCHED
					&& this.deliveries.progress(id)
						.values()
						.stream()
						.noneMatch((c) -> c.containsKey(DeliveryStatus.SENDING)));
		// the portal row failed before the provider took it; the WordPress row's outcome
		// is
		// unknown: it may have been posted
		this.jdbc
			.sql("update delivery set status = 'TECHNICAL_FAILURE', error_code = 'ConnectException', "
					+ "error_message = 'Connection refused', provider_reference = null where publication_id = :id "
					+ "and channel = 'portal'")
			.param("id", id)
			.update();
		this.jdbc
			.sql("update delivery set status = 'TECHNICAL_FAILURE', error_code = 'OUTCOME_UNKNOWN', "
					+ "provider_reference = null where publication_id = :id and channel = 'wordpress'")
			.param("id", id)
			.update();
		assertThat(this.publications.retryable(id)).extracting(Delivery::channel).containsExactly("portal");

		this.mvc.perform(get("/console/publications/" + id).with(user("editor").roles("EDITOR")))
			.andExpect(content().string(not(containsString("id=\"retry-publication\""))));
		this.mvc.perform(get("/console/publications/" + id).with(user("approver").roles("APPROVER")))
			.andExpect(content()
				.string(allOf(containsString("id=\"retry-publication\""), containsString("Gửi lại 1 dòng lỗi"))));
		this.mvc
			.perform(post("/console/publications/" + id + "/retry").with(csrf()).with(user("editor").roles("EDITOR")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/console/publications/" + id + "/retry").with(csrf())
				.with(user("approver").roles("APPROVER")))
			.andExpect(status().is3xxRedirection());

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.deliveries.find(id, "portal", "portal").orElseThrow().status() == DeliveryStatus.SENT);
		Delivery portal = this.deliveries.find(id, "portal", "portal").orElseThrow();
		assertThat(portal.attempts()).isEqualTo(2);
		assertThat(this.deliveries
			.find(id, "wordpress",
					publication.targets()
						.stream()
						.filter((t) -> t.channel().equals("wordpress"))
						.findFirst()
						.orElseThrow()
						.target())
			.orElseThrow()
			.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(this.deliveries.events(List.of(portal.id())).get(portal.id())).singleElement().satisfies((e) -> {
			assertThat(e.action()).isEqualTo("RETRY_REQUESTED");
			assertThat(e.actor()).isEqualTo("approver");
			assertThat(e.detail()).contains("ConnectException");
		});
		assertThat(this.publications.history(id)).anySatisfy((e) -> assertThat(e.action()).isEqualTo("RETRIED"));
		this.mvc.perform(get("/console/publications/" + id).with(user("approver").roles("APPROVER")))
			.andExpect(content().string(allOf(containsString("Gửi lại theo yêu cầu của approver"),
					not(containsString("id=\"retry-publication\"")))));
		// nothing left that may be retried
		this.mvc
			.perform(
					post("/api/v1/publications/" + id + "/retry").with(csrf()).with(user("approver").roles("APPROVER")))
			.andExpect(status().isConflict());
	}

}
