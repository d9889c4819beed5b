package vn.loa.channels.zalo.zns.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What each phone number "received" from the ZNS simulator, in bounded memory; listeners
 * let tests and the benchmark count every message without keeping them.
 */
public final class ZnsInbox {

	/** One template message a number received. */
	public record Received(String phone, String msgId, String templateId, Map<String, String> data, String trackingId,
			Instant at) {

	}

	private final int keepPerNumber;

	private final Map<String, Deque<Received>> byNumber;

	private final List<Consumer<Received>> listeners = new CopyOnWriteArrayList<>();

	public ZnsInbox(int keepPerNumber, int maxNumbers) {
		this.keepPerNumber = Math.max(1, keepPerNumber);
		this.byNumber = new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Deque<Received>> eldest) {
				return size() > maxNumbers;
			}

		};
	}

	void add(Received received) {
		synchronized (this.byNumber) {
			Deque<Received> messages = this.byNumber.computeIfAbsent(received.phone(), (key) -> new ArrayDeque<>());
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
	 * The messages kept for a number, oldest first; {@code +84905…}, {@code 84905…} and
	 * {@code 0905…} name the same number.
	 */
	public List<Received> receivedBy(String phone) {
		synchronized (this.byNumber) {
			Deque<Received> messages = this.byNumber.get(normalise(phone));
			return (messages != null) ? new ArrayList<>(messages) : List.of();
		}
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

	/** Zalo's spelling of a Vietnamese number: {@code 84…}, digits only. */
	static String normalise(String phone) {
		String digits = phone.replaceAll("[^0-9]", "");
		return digits.startsWith("0") ? "84" + digits.substring(1) : digits;
	}

}
