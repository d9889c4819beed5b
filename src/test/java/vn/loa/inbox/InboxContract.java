package vn.loa.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.channels.ChannelException;
import vn.loa.channels.CitizenReplies;
import vn.loa.common.CitizenMessageReceived;
import vn.loa.deliverylog.DeliveryStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox through its API, fed by {@link CitizenMessageReceived} events as channels
 * publish them, with a recording channel ({@code test-channel}) that answers replies and
 * refuses those that contain "từ chối". Each test has its own citizens, so the database
 * may hold earlier runs. Runs on H2 and PostgreSQL.
 */
abstract class InboxContract {

	static final String CHANNEL = "test-channel";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	RecordingReplies replies;

	@Test
	void aRedeliveredMessageIsStoredOnceAndASecondMessageJoinsTheConversation() throws Exception {
		String citizen = citizen();
		Instant first = Instant.parse("2026-12-01T02:00:00Z");
		publish(message(citizen, "m1-" + citizen, "Xin hỏi thủ tục cấp đổi CCCD?", first, 42L));
		publish(message(citizen, "m1-" + citizen, "Xin hỏi thủ tục cấp đổi CCCD?", first, 42L));
		publish(message(citizen, "m2-" + citizen, "Cảm ơn", first.plusSeconds(60), null));

		JsonNode conversation = conversationOf(citizen, "editor", "EDITOR");
		assertThat(conversation.path("messages")).hasSize(2);
		assertThat(conversation.path("messages").get(0).path("text").asString())
			.isEqualTo("Xin hỏi thủ tục cấp đổi CCCD?");
		assertThat(conversation.path("contentItemId").asLong()).isEqualTo(42L);
		assertThat(conversation.path("senderName").asString()).isEqualTo("Nguyễn Thị Hoa");
		assertThat(conversation.path("state").asString()).isEqualTo("OPEN");
		assertThat(conversation.path("waitingSince").asString()).isNotEmpty();
	}

	@Test
	void aMessagePublishedInARolledBackTransactionIsNotInTheInbox() throws Exception {
		String citizen = citizen();
		this.transactions.executeWithoutResult((tx) -> {
			this.events.publishEvent(message(citizen, "rb-" + citizen, "Không lưu", Instant.now(), null));
			tx.setRollbackOnly();
		});
		assertThat(list("editor", "EDITOR", "?channel=" + CHANNEL + "&limit=200").path("conversations")
			.findValuesAsString("citizen")).doesNotContain(citizen);
	}

	@Test
	void editorsAndApproversSeeWhatCitizensWroteAdminsWithoutThoseRolesDoNot() throws Exception {
		String citizen = citizen();
		publish(message(citizen, "v-" + citizen, "Số điện thoại của tôi là 0905123456", Instant.now(), null));

		assertThat(conversationOf(citizen, "approver", "APPROVER").path("messages").get(0).path("text").asString())
			.contains("0905123456");

		JsonNode forAdmin = list("admin", "ADMIN", "?channel=" + CHANNEL + "&limit=200");
		assertThat(forAdmin.path("personalData").asBoolean()).isFalse();
		assertThat(forAdmin.toString()).doesNotContain(citizen).doesNotContain("0905123456");
		assertThat(forAdmin.path("conversations").size()).isPositive();
		JsonNode hidden = forAdmin.path("conversations").get(0);
		assertThat(hidden.path("citizen").isNull()).isTrue();
		assertThat(hidden.path("messages").get(0).path("text").isNull()).isTrue();

		long id = conversationOf(citizen, "editor", "EDITOR").path("id").asLong();
		as("admin", "ADMIN", get("/api/v1/inbox/" + id)).andExpect(status().isOk());
		assertThat(body(as("admin", "ADMIN", get("/api/v1/inbox/" + id)))).doesNotContain("0905123456");
		as("admin", "ADMIN", post("/api/v1/inbox/" + id + "/reply").contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Chào anh\"}")).andExpect(status().isForbidden());
		as("admin", "ADMIN", post("/api/v1/inbox/" + id + "/close")).andExpect(status().isForbidden());
		assertThat(this.replies.sent).noneMatch((r) -> r.contains("Chào anh"));

		// The console page hides them the same way.
		String page = body(as("admin", "ADMIN", get("/console/inbox").param("channel", CHANNEL)));
		assertThat(page).contains("inbox-no-personal-data").doesNotContain("0905123456").doesNotContain(citizen);
		assertThat(body(as("editor", "EDITOR", get("/console/inbox").param("channel", CHANNEL)))).contains("0905123456")
			.contains(citizen);
	}

	@Test
	void anOfficerRepliesThroughTheChannelAndTheReplyIsLoggedWithWhoSentIt() throws Exception {
		String citizen = citizen();
		publish(message(citizen, "r-" + citizen, "Bao giờ có kết quả?", Instant.now(), null));
		long id = conversationOf(citizen, "editor", "EDITOR").path("id").asLong();

		JsonNode answer = this.json.readTree(body(as("editor", "EDITOR",
				post("/api/v1/inbox/" + id + "/reply").contentType(MediaType.APPLICATION_JSON)
					.content("{\"text\":\"Hồ sơ của anh/chị sẽ có kết quả trong 3 ngày làm việc.\"}"))
			.andExpect(status().isCreated())));
		assertThat(this.replies.sent)
			.contains("reply-to-" + citizen + "|Hồ sơ của anh/chị sẽ có kết quả trong 3 ngày làm việc.");
		JsonNode reply = answer.path("conversation").path("messages").get(1);
		assertThat(reply.path("direction").asString()).isEqualTo("OUT");
		assertThat(reply.path("status").asString()).isEqualTo("SENT");
		assertThat(reply.path("author").asString()).isEqualTo("editor");
		assertThat(reply.path("externalId").asString()).startsWith("ref-");

		// The channel refuses: the reply is kept FAILED with the provider's own words.
		JsonNode refused = this.json.readTree(body(
				as("editor", "EDITOR", post("/api/v1/inbox/" + id + "/reply").contentType(MediaType.APPLICATION_JSON)
					.content("{\"text\":\"từ chối\"}")).andExpect(status().isBadGateway())));
		assertThat(refused.path("error").asString()).isEqualTo("551: Recipient is not reachable");
		assertThat(refused.path("conversation").path("messages").get(2).path("status").asString()).isEqualTo("FAILED");

		as("editor", "EDITOR",
				post("/api/v1/inbox/" + id + "/reply").contentType(MediaType.APPLICATION_JSON)
					.content("{\"text\":\"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
				.value("text"));
	}

	@Test
	void assignCloseAndAWriteAgainReopens() throws Exception {
		String citizen = citizen();
		publish(message(citizen, "a-" + citizen, "Phản ánh đường hỏng", Instant.now(), null));
		long id = conversationOf(citizen, "editor", "EDITOR").path("id").asLong();

		JsonNode assigned = this.json.readTree(body(as("approver", "APPROVER",
				post("/api/v1/inbox/" + id + "/assign").contentType(MediaType.APPLICATION_JSON)
					.content("{\"assignee\":\"editor2\"}"))
			.andExpect(status().isOk())));
		assertThat(assigned.path("assignee").asString()).isEqualTo("editor2");
		as("editor", "EDITOR", post("/api/v1/inbox/" + id + "/close")).andExpect(status().isOk());
		assertThat(list("editor", "EDITOR", "?channel=" + CHANNEL + "&state=OPEN&limit=200").path("conversations")
			.findValuesAsString("citizen")).doesNotContain(citizen);
		assertThat(list("editor", "EDITOR", "?channel=" + CHANNEL + "&state=CLOSED&limit=200").path("conversations")
			.findValuesAsString("citizen")).contains(citizen);

		publish(message(citizen, "a2-" + citizen, "Vẫn chưa sửa", Instant.now(), null));
		assertThat(conversationOf(citizen, "editor", "EDITOR").path("state").asString()).isEqualTo("OPEN");
		as("editor", "EDITOR", get("/api/v1/inbox?state=SOMETIMES")).andExpect(status().isBadRequest());
	}

	@Test
	void theAgeFilterTellsLongWaitsFromNewMessages() throws Exception {
		String old = citizen();
		String fresh = citizen();
		publish(message(old, "o-" + old, "Chờ lâu", Instant.now().minus(Duration.ofDays(3)), null));
		publish(message(fresh, "f-" + fresh, "Mới", Instant.now(), null));

		List<String> waitingLong = list("editor", "EDITOR", "?channel=" + CHANNEL + "&olderThan=2d&limit=200")
			.path("conversations")
			.findValuesAsString("citizen");
		assertThat(waitingLong).contains(old).doesNotContain(fresh);
		List<String> recent = list("editor", "EDITOR", "?channel=" + CHANNEL + "&newerThan=PT1H&limit=200")
			.path("conversations")
			.findValuesAsString("citizen");
		assertThat(recent).contains(fresh).doesNotContain(old);
		as("editor", "EDITOR", get("/api/v1/inbox?olderThan=soon")).andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
				.value("olderThan"));
	}

	private void publish(CitizenMessageReceived message) {
		this.events.publishEvent(message);
	}

	private static CitizenMessageReceived message(String citizen, String id, String text, Instant at, Long content) {
		return new CitizenMessageReceived(CHANNEL, id, citizen, "Nguyễn Thị Hoa", text, content, "reply-to-" + citizen,
				at);
	}

	private static String citizen() {
		return "citizen-" + UUID.randomUUID();
	}

	private JsonNode conversationOf(String citizen, String user, String role) throws Exception {
		for (JsonNode c : list(user, role, "?channel=" + CHANNEL + "&limit=200").path("conversations")) {
			if (citizen.equals(c.path("citizen").asString(null))) {
				return c;
			}
		}
		throw new AssertionError("no conversation with " + citizen);
	}

	private JsonNode list(String user, String role, String query) throws Exception {
		return this.json.readTree(body(as(user, role, get("/api/v1/inbox" + query)).andExpect(status().isOk())));
	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)).with(csrf()));
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

	/** A channel that keeps what it was asked to send. */
	static class RecordingReplies implements CitizenReplies {

		final List<String> sent = new CopyOnWriteArrayList<>();

		@Override
		public String channel() {
			return CHANNEL;
		}

		@Override
		public String reply(String replyTo, String text) {
			if (text.contains("từ chối")) {
				throw new ChannelException(DeliveryStatus.PERMANENT_FAILURE, "test", "551",
						"Recipient is not reachable", null);
			}
			this.sent.add(replyTo + "|" + text);
			return "ref-" + UUID.randomUUID();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Replies {

		@Bean
		RecordingReplies recordingReplies() {
			return new RecordingReplies();
		}

	}

}
