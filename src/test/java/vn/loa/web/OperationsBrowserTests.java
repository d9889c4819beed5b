package vn.loa.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loa.bench.LoaNodes;
import vn.loa.content.AuditTrail;
import vn.loa.publishing.DeadLetters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /console/operations} in a real browser, on a node of the cluster shape against
 * the local RabbitMQ (a virtual host of this test): an admin sees a dead letter with its
 * reason, puts it back on the queue (it dies again and says it was requeued once), then
 * discards it; the page lists both actions, and the audit trail has them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loa.publishing.dispatch=amqp" })
class OperationsBrowserTests {

	private static final String VHOST = "loa_opsb" + System.getenv().getOrDefault("LOA_TEST_DB_SUFFIX", "");

	static ConsoleBrowser chromium;

	@DynamicPropertySource
	static void ownVirtualHost(DynamicPropertyRegistry registry) {
		registry.add("spring.rabbitmq.virtual-host", () -> {
			LoaNodes.virtualHost(VHOST);
			return VHOST;
		});
	}

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	AuditTrail audit;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = ConsoleBrowser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void anAdminSeesADeadLetterWithItsReasonRequeuesAndDiscardsItAudited() throws Exception {
		this.rabbit.execute((channel) -> channel.queuePurge("loa.dispatch.dead"));
		// A dispatch no node can read: the listener rejects it, RabbitMQ dead-letters it.
		this.rabbit.send("", "loa.dispatch",
				MessageBuilder
					.withBody("{\"publicationId\":4343,\"channel\":\"khong-co\",\"target\":\"area=56\"}"
						.getBytes(StandardCharsets.UTF_8))
					.setContentType("application/json")
					.build());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.deadLetters.list().size() == 1);
		String id = this.deadLetters.list().get(0).id();
		String row = "tr[data-dead-letter='" + id + "']";
		WebDriver browser = chromium.driver();

		chromium.logIn(url(""), "admin");
		browser.get(url("/console/operations"));
		assertThat(chromium.text("h1")).isEqualTo("Vận hành cụm máy chủ");
		assertThat(chromium.text(row + " .dead-reason")).isEqualTo("bị từ chối khi xử lý");
		assertThat(chromium.text(row)).contains("4343").contains("khong-co").contains("area=56");
		assertThat(browser.findElements(By.cssSelector("tr[data-queue='loa.dispatch.dead']"))).hasSize(1);
		chromium.screenshot("console-operations.png");

		chromium.click(By.cssSelector(row + " button.requeue"));
		chromium.awaitText(".notice-ok", "Đã đưa thư trở lại hàng đợi phát hành.");
		// Back on the queue, rejected again: dead once more, and the page says so.
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			browser.get(url("/console/operations"));
			return !browser.findElements(By.cssSelector(row)).isEmpty()
					&& chromium.text(row + " .dead-reason").contains("(đã đưa lại 1 lần)");
		});

		chromium.click(By.cssSelector(row + " button.discard"));
		chromium.awaitText(".notice-ok", "Đã bỏ thư chết.");
		assertThat(chromium.text("main")).contains("Không có thư chết.");
		assertThat(browser.findElements(By.cssSelector(row))).isEmpty();
		assertThat(chromium.text("#dead-letter-actions")).contains("REQUEUED").contains("DISCARDED").contains("admin");
		assertThat(this.audit.events("dead-letter", 0)).extracting((e) -> e.action() + " " + e.actor())
			.containsSubsequence("REQUEUED admin", "DISCARDED admin");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
