package vn.loa.publishing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.config.GlobalChannelInterceptor;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.test.context.ActiveProfiles;

import vn.loa.content.ContentDraft;
import vn.loa.content.ContentService;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * The cluster shape: dispatches cross the real RabbitMQ between the split and the
 * channels.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "pgtest", "cluster" })
class ClusterDispatchTests {

	@Autowired
	ContentService contents;

	@Autowired
	PublicationService publications;

	@Autowired
	DeliveryLog deliveries;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	List<Message<?>> portalInputs;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void aPublicationTravelsOverRabbitMqAndIsLogged() throws Exception {
		var item = this.contents.create(new ContentDraft("Cụm máy chủ " + UUID.randomUUID(), "", "Nội dung thử.",
				"cai-cach-hanh-chinh", List.of(), List.of("56"), List.of(), List.of()), "editor");
		this.contents.submit(item.id(), "editor");
		this.contents.approve(item.id(), "approver");
		Publication publication = this.publications.create(
				new PublicationRequest(item.id(), List.of(new Target("portal", null)), null, false, Map.of()),
				new PublicationService.Actor("approver", true));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.deliveries.find(publication.id(), "portal", "portal"))
				.hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT)));
		assertThat(this.portalInputs).anySatisfy(message -> {
			assertThat(message.getHeaders()).containsEntry("amqp_consumerQueue", DispatchConfiguration.QUEUE);
			assertThat(((vn.loa.channels.ChannelDispatch) message.getPayload()).publicationId())
				.isEqualTo(publication.id());
		});
		assertThat(this.admin.getQueueProperties(DispatchConfiguration.DEAD_LETTERS)).isNotNull();
		this.mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN")))
			.andExpect(jsonPath("$.components.rabbit.status").value("UP"));
	}

	@TestConfiguration
	static class Spy {

		@Bean
		List<Message<?>> portalInputs() {
			return new CopyOnWriteArrayList<>();
		}

		@Bean
		@GlobalChannelInterceptor(patterns = "portal.input")
		ChannelInterceptor portalInputSpy(List<Message<?>> portalInputs) {
			return new ChannelInterceptor() {

				@Override
				public Message<?> preSend(Message<?> message, MessageChannel channel) {
					portalInputs.add(message);
					return message;
				}

			};
		}

	}

}
