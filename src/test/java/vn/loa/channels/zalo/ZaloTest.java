package vn.loa.channels.zalo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import vn.loa.common.CitizenMessageReceived;

/**
 * The application on a real port (the Zalo simulator and the webhook are reached over
 * HTTP) in sandbox mode, with the events the Zalo webhook publishes recorded. The token
 * refresher is left to the tests, which make tokens expire on purpose.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loa.channels.zalo.mode=sandbox", "loa.channels.zalo.refresh-check=1h",
				"loa.channels.zalo.poll-interval=300ms" })
@AutoConfigureMockMvc
@Import(ZaloTest.Recorder.class)
@interface ZaloTest {

	/** What the webhook published, in order. */
	class Recorder {

		final List<CitizenMessageReceived> messages = new CopyOnWriteArrayList<>();

		final List<ZnsReceipt> receipts = new CopyOnWriteArrayList<>();

		@EventListener
		void on(CitizenMessageReceived message) {
			this.messages.add(message);
		}

		@EventListener
		void on(ZnsReceipt receipt) {
			this.receipts.add(receipt);
		}

	}

}
