package vn.loa.channels.sms.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What each number "received" from a simulator (Twilio's, ZNS's), in bounded memory: the
 * last {@code keepPerNumber} messages for the {@code maxNumbers} most recently used
 * numbers. A total count and listeners let tests and the benchmarks count every message
 * without keeping them.
 *
 * @param <R> one received message
 */
public class SandboxInbox<R> {

	private final int keepPerNumber;

	private final Function<R, String> number;

	private final Map<String, Deque<R>> byNumber;

	private final AtomicLong total = new AtomicLong();

	private final List<Consumer<R>> listeners = new CopyOnWriteArrayList<>();

	protected SandboxInbox(int keepPerNumber, int maxNumbers, Function<R, String> number) {
		this.keepPerNumber = Math.max(1, keepPerNumber);
		this.number = number;
		this.byNumber = new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Deque<R>> eldest) {
				return size() > maxNumbers;
			}

		};
	}

	public void add(R received) {
		this.total.incrementAndGet();
		synchronized (this.byNumber) {
			Deque<R> messages = this.byNumber.computeIfAbsent(this.number.apply(received), (key) -> new ArrayDeque<>());
			if (messages.size() >= this.keepPerNumber) {
				messages.removeFirst();
			}
			messages.addLast(received);
		}
		for (Consumer<R> listener : this.listeners) {
			listener.accept(received);
		}
	}

	/** The messages kept for {@code number}, oldest first. */
	public List<R> receivedBy(String number) {
		synchronized (this.byNumber) {
			Deque<R> messages = this.byNumber.get(number);
			return (messages != null) ? new ArrayList<>(messages) : List.of();
		}
	}

	/**
	 * Replaces the messages kept for {@code number} by what {@code change} makes of them.
	 */
	protected void change(String number, UnaryOperator<R> change) {
		synchronized (this.byNumber) {
			Deque<R> messages = this.byNumber.get(number);
			if (messages == null) {
				return;
			}
			List<R> changed = new ArrayList<>(messages.size());
			for (R message : messages) {
				changed.add(change.apply(message));
			}
			messages.clear();
			messages.addAll(changed);
		}
	}

	public long total() {
		return this.total.get();
	}

	/** Registers a listener; closing the returned handle removes it. */
	public AutoCloseable listen(Consumer<R> listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	public void clear() {
		synchronized (this.byNumber) {
			this.byNumber.clear();
		}
	}

}
