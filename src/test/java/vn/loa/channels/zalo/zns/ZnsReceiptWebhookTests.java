package vn.loa.channels.zalo.zns;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import vn.loa.audience.SegmentSpec;
import vn.loa.audience.Subscribers;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.bulk.BulkPacing;
import vn.loa.channels.zalo.ZaloAccessTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Receipts the whole way: the simulator posts signed, delayed
 * {@code user_received_message} events ({@code X-ZEvent-Server: ZNS}) to
 * {@code /webhooks/zalo}, the webhook checks the signature and publishes a
 * {@code ZnsReceipt}, and the rows become DELIVERED.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loa.channels.zalo-zns.mode=sandbox", "loa.channels.zalo-zns.poll-interval=1h",
				"loa.channels.zalo-zns.simulator.callbacks=true", "loa.channels.zalo-zns.simulator.callback-delay=50ms",
				"loa.channels.zalo.mode=sandbox" })
class ZnsReceiptWebhookTests {

	@Autowired
	Subscribers subscribers;

	@Autowired
	BulkJobs jobs;

	@Autowired
	ZnsBroadcastWorker worker;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void signedCallbacksFromTheSimulatorMoveRowsToDelivered() {
		String area = "R" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		int base = ThreadLocalRandom.current().nextInt(0, 9_000_000);
		for (int i = 0; i < 3; i++) {
			this.subscribers.subscribe("+8492" + String.format("%07d", base + i), area, List.of(), "vi", "test");
		}
		long publication = ThreadLocalRandom.current().nextLong(6_000_000_000L, 7_000_000_000L);
		Map<String, String> data = new LinkedHashMap<>();
		data.put("ten_thong_bao", "Thông báo");
		data.put("noi_dung", "Nộp hồ sơ trực tuyến");
		data.put("duong_dan", "https://loa.example.gov.vn/s/abc");
		data.put("hotline", "0258 3822 222");
		data.put("co_quan", "Sở Nội vụ");
		long job = this.jobs.enqueue(ZnsChannel.ID, publication, "area=" + area, SegmentSpec.of(null, area),
				new ZnsPayload("355330", data, false, null, null).toJson(), "v1", false, Instant.now());

		this.worker.run(job, BulkPacing.CHANNEL);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"select count(*) from delivery where publication_id = ? and channel = 'zalo-zns' and status = "
							+ "'DELIVERED'",
					Long.class, publication))
				.isEqualTo(3));
	}

	@TestConfiguration
	static class Tokens {

		@Bean
		@Primary
		ZaloAccessTokens testZaloAccessTokens() {
			return () -> "test-oa-access-token";
		}

	}

}
