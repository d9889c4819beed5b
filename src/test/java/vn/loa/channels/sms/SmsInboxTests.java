package vn.loa.channels.sms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.loa.channels.sms.sandbox.SimulatorCallbacks;
import vn.loa.channels.sms.sandbox.SimulatorInbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A citizen's SMS that is not a keyword lands in the inbox (once, however often Twilio
 * posts it) and an officer's reply goes back through the real Twilio SDK to the
 * simulator; keywords stay out of the inbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loa.channels.sms.mode=sandbox", "loa.channels.sms.public-base-url=https://loa.example.gov.vn",
				"loa.channels.sms.simulator.callback-delay=20ms" })
@AutoConfigureMockMvc
class SmsInboxTests {

	private static final String INBOUND = "https://loa.example.gov.vn/webhooks/twilio/inbound";

	@LocalServerPort
	int port;

	@Autowired
	SmsProperties properties;

	@Autowired
	SimulatorInbox simulator;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	private SimulatorCallbacks twilio;

	@AfterEach
	void close() {
		if (this.twilio != null) {
			this.twilio.close();
		}
	}

	@Test
	void aQuestionBySmsIsAnsweredFromTheInbox() throws Exception {
		this.twilio = new SimulatorCallbacks(this.properties.effectiveAuthToken(), () -> this.port);
		String phone = "+8490" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
		Map<String, String> question = inbound(phone, "Cho hỏi lịch tiếp công dân tháng 12?");
		this.twilio.post(INBOUND, question);
		this.twilio.post(INBOUND, question);
		this.twilio.post(INBOUND, inbound(phone, "HUY"));

		JsonNode conversation = conversation(phone);
		assertThat(conversation.path("messages")).hasSize(1);
		assertThat(conversation.path("messages").get(0).path("text").asString())
			.isEqualTo("Cho hỏi lịch tiếp công dân tháng 12?");

		String answer = this.mvc
			.perform(post("/api/v1/inbox/" + conversation.path("id").asLong() + "/reply")
				.with(user("editor").roles("EDITOR"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"Lich tiep cong dan: thu Tu hang tuan tai tru so UBND.\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode reply = this.json.readTree(answer).path("conversation").path("messages").get(1);
		assertThat(reply.path("status").asString()).isEqualTo("SENT");
		String sid = reply.path("externalId").asString();
		assertThat(sid).startsWith("SM");
		assertThat(this.simulator.receivedBy(phone)).anySatisfy((received) -> {
			assertThat(received.sid()).isEqualTo(sid);
			assertThat(received.body()).isEqualTo("Lich tiep cong dan: thu Tu hang tuan tai tru so UBND.");
		});
	}

	private JsonNode conversation(String phone) throws Exception {
		String list = this.mvc
			.perform(get("/api/v1/inbox").param("channel", "sms").with(user("editor").roles("EDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (JsonNode c : this.json.readTree(list).path("conversations")) {
			if (phone.equals(c.path("citizen").asString(null))) {
				return c;
			}
		}
		throw new AssertionError("no SMS conversation with " + phone + " in " + list);
	}

	private Map<String, String> inbound(String phone, String body) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("MessageSid", "SM" + String.format("%032x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)));
		form.put("AccountSid", this.properties.accountSid());
		form.put("From", phone);
		form.put("To", "LOA");
		form.put("Body", body);
		return form;
	}

}
