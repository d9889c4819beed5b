package vn.loa.channels.sms.sandbox;

import java.time.Instant;

/** What each test phone number "received" from the Twilio simulator. */
public final class SimulatorInbox extends SandboxInbox<SimulatorInbox.Received> {

	public record Received(String sid, String to, String from, String body, int segments, Instant at, String status) {

	}

	public SimulatorInbox(int keepPerNumber, int maxNumbers) {
		super(keepPerNumber, maxNumbers, Received::to);
	}

	/**
	 * Records the status a message reached (delivered, undelivered …), so the sandbox
	 * view shows where each message ended up rather than the status it was accepted with.
	 */
	public void update(String to, String sid, String status) {
		change(to, (message) -> message.sid().equals(sid) ? new Received(message.sid(), message.to(), message.from(),
				message.body(), message.segments(), message.at(), status) : message);
	}

}
