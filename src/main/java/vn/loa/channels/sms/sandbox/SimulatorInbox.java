package vn.loa.channels.sms.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What each test phone number "received" from the simulator, in bounded memory: the last
 * {@code keepPerNumber} messages for the {@code maxNumbers} most recently used numbers. A
 * total count and listeners let tests and the benchmark count every receipt without
 * keeping them.
 */
public final class SimulatorInbox {

	public record Received(String sid, String to, String from, String body, int segments, Instant at, String status) {

	}

	private final int keepPerNumber;

	private final Map<String, Deque<Received>> byNumber;

	private final AtomicLong total = new AtomicLong();

	private final List<Consumer<Received>> listeners = new CopyOnWriteArrayList<>();

	public SimulatorInbox(int keepPerNumber, int maxNumbers) {
		this.keepPerNumber = Math.max(1, keepPerNumber);
		this.byNumber = new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Deque<Received>> eldest) {
				return size() > maxNumbers;
			}

		};
	}

	public void add(Received received) {
		this.total.incrementAndGet();
		synchronized (this.byNumber) {
			Deque<Received> messages = this.byNumber.computeIfAbsent(received.to(), (key) -> new ArrayDeque<>());
			if (messages.size() >= this.keepPerNumber) {
				messages.removeFirst();
			}
			messages.addLast(received);
		}
		for (Consumer<Received> listener : this.listeners) {
			listener.accept(received);
		}
	}

	/**
	 * Records the status a message reached (delivered, undelivered …), so the sandbox
	 * view shows where each message ended up rather than the status it was accepted with.
	 */
	public void update(String to, String sid, String status) {
		synchronized (this.byNumber) {
			Deque<Received> messages = this.byNumber.get(to);
			if (messages == null) {
				return;
			}
			List<Received> updated = new ArrayList<>(messages.size());
			for (Received message : messages) {
				updated.add(message.sid().equals(sid) ? new Received(message.sid(), message.to(), message.from(),
						message.body(), message.segments(), message.at(), status) : message);
			}
			messages.clear();
			messages.addAll(updated);
		}
	}

	/** The messages kept for {@code phone}, oldest first. */
	public List<Received> receivedBy(String phone) {
		synchronized (this.byNumber) {
			Deque<Received> messages = this.byNumber.get(phone);
			return (messages != null) ? new ArrayList<>(messages) : List.of();
		}
	}

	public long total() {
		return this.total.get();
	}

	/** Registers a listener; closing the returned handle removes it. */
	public AutoCloseable listen(Consumer<Received> listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	public void clear() {
		synchronized (this.byNumber) {
			this.byNumber.clear();
		}
	}

}
