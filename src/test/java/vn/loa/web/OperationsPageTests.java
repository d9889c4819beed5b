package vn.loa.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.loa.bench.LoaNodes;
import vn.loa.content.AuditTrail;
import vn.loa.publishing.DeadLetters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
 * The operations page on a node of the cluster shape, against the local RabbitMQ (a
 * virtual host of this test): a dispatch no node can handle lands in the dead letters
 * with RabbitMQ's reason; an admin sees it, puts it back on the queue (it is
 * dead-lettered again, a second time) and discards it; both are audited.
 */
@SpringBootTest(properties = { "loa.publishing.dispatch=amqp" })
@AutoConfigureMockMvc
class OperationsPageTests {

	private static final String VHOST = "loa_ops" + System.getenv().getOrDefault("LOA_TEST_DB_SUFFIX", "");

	@DynamicPropertySource
	static void ownVirtualHost(DynamicPropertyRegistry registry) {
		registry.add("spring.rabbitmq.virtual-host", () -> {
			LoaNodes.virtualHost(VHOST);
			return VHOST;
		});
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	AuditTrail audit;

	@Test
	void anAdminSeesADeadLetterWithItsReasonRequeuesAndDiscardsItAudited() throws Exception {
		this.rabbit.execute((channel) -> channel.queuePurge("loa.dispatch.dead"));
		this.mvc.perform(get("/console/operations").with(user("editor").roles("EDITOR")))
			.andExpect(status().isForbidden());
		// A dispatch no node can read: the listener rejects it, RabbitMQ dead-letters it.
		this.rabbit.send("", "loa.dispatch",
				MessageBuilder
					.withBody("{\"publicationId\":4242,\"channel\":\"khong-co\",\"target\":\"area=56\"}"
						.getBytes(StandardCharsets.UTF_8))
					.setContentType("application/json")
					.build());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.deadLetters.list().size() == 1);
		DeadLetters.DeadLetter letter = this.deadLetters.list().get(0);
		assertThat(letter.reason()).isEqualTo("rejected");
		assertThat(letter.publicationId()).isEqualTo(4242L);

		this.mvc.perform(get("/console/operations").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-dead-letter=\"" + letter.id() + "\""),
					containsString("bị từ chối khi xử lý"), containsString("khong-co"),
					containsString("data-queue=\"loa.dispatch.dead\""), containsString("Vận hành cụm máy chủ"),
					containsString("data-leader=\"true\""))));
		this.mvc.perform(get("/console/operations").param("lang", "en").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(allOf(containsString("Cluster operations"),
					containsString("rejected by its handler"), containsString("Put back on the queue"))));

		this.mvc
			.perform(post("/console/operations/dead-letters/" + letter.id() + "/requeue").with(csrf())
				.with(user("admin").roles("ADMIN")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "notice.deadLetterRequeued"));
		// Back on the queue, rejected again: dead once more, requeued once.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.deadLetters.list().stream().anyMatch((d) -> d.requeued() == 1));
		assertThat(this.deadLetters.list()).hasSize(1);

		this.mvc
			.perform(post("/console/operations/dead-letters/" + letter.id() + "/discard").with(csrf())
				.with(user("admin").roles("ADMIN")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "notice.deadLetterDiscarded"));
		assertThat(this.deadLetters.list()).isEmpty();
		QueueInformation dead = this.admin.getQueueInfo("loa.dispatch.dead");
		assertThat(dead.getMessageCount()).isZero();
		assertThat(this.deadLetters.depths()).containsEntry("loa.dispatch.dead", 0L);
		assertThat(this.audit.events("dead-letter", 0)).extracting((e) -> e.action() + " " + e.actor())
			.containsSubsequence("REQUEUED admin", "DISCARDED admin");
		this.mvc
			.perform(post("/console/operations/dead-letters/" + letter.id() + "/discard").with(csrf())
				.with(user("admin").roles("ADMIN")))
			.andExpect(flash().attributeExists("failure"));
	}

}
