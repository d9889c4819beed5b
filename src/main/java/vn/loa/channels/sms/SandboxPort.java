package vn.loa.channels.sms;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where the sandbox simulator listens: a configured port, else this Loa's own web server
 * port once it is known (tests run on a random port).
 */
@Component
public class SandboxPort {

	private final int configured;

	private volatile int local;

	SandboxPort(SmsProperties properties) {
		this.configured = properties.simulator().port();
	}

	@EventListener
	void onWebServer(WebServerInitializedEvent event) {
		this.local = event.getWebServer().getPort();
	}

	public int port() {
		if (this.configured > 0) {
			return this.configured;
		}
		if (this.local <= 0) {
			throw new IllegalStateException("The web server has not started: no sandbox port yet");
		}
		return this.local;
	}

}
