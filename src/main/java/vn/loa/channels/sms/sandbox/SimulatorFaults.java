package vn.loa.channels.sms.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import vn.loa.channels.sms.SmsProperties;

/**
 * Faults the simulator injects: a share of 429/5xx/21211 answers, of connections closed
 * after the message was taken but before the answer was whole, added latency, numbers
 * that are always invalid or never delivered, and "the next n requests for this number
 * fail" for deterministic tests. Changeable at run time.
 */
public final class SimulatorFaults {

	public enum Fault {

		NONE, TOO_MANY_REQUESTS, SERVER_ERROR, INVALID_NUMBER,

		/**
		 * The message is taken, then the connection closes in the middle of the answer:
		 * the sender cannot know whether it went.
		 */
		CONNECTION_RESET

	}

	private volatile Duration latency;

	private volatile double share429;

	private volatile double share5xx;

	private volatile double share21211;

	private volatile double shareTimeout;

	private volatile double shareReset;

	private volatile Duration timeoutDelay = Duration.ZERO;

	private final Set<String> invalidNumbers = ConcurrentHashMap.newKeySet();

	private final Set<String> undeliverableNumbers = ConcurrentHashMap.newKeySet();

	private final Map<String, Scripted> scripted = new ConcurrentHashMap<>();

	private volatile double enforcedRate;

	private final Map<String, long[]> buckets = new ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicLong rejectedForRate = new java.util.concurrent.atomic.AtomicLong();

	private record Scripted(Fault fault, AtomicInteger remaining) {

	}

	public SimulatorFaults(SmsProperties.SimulatorSettings settings) {
		this.latency = settings.latency();
		this.share429 = settings.share429();
		this.share5xx = settings.share5xx();
		this.share21211 = settings.share21211();
		this.invalidNumbers.addAll(settings.invalidNumbers());
		this.undeliverableNumbers.addAll(settings.undeliverableNumbers());
	}

	public Fault next(String to) {
		Scripted script = this.scripted.get(to);
		if (script != null && script.remaining().getAndDecrement() > 0) {
			return script.fault();
		}
		if (this.invalidNumbers.contains(to)) {
			return Fault.INVALID_NUMBER;
		}
		double shares = this.share429 + this.share5xx + this.share21211 + this.shareReset;
		if (shares <= 0) {
			return Fault.NONE;
		}
		double roll = ThreadLocalRandom.current().nextDouble();
		if (roll < this.share429) {
			return Fault.TOO_MANY_REQUESTS;
		}
		if (roll < this.share429 + this.share5xx) {
			return Fault.SERVER_ERROR;
		}
		if (roll < this.share429 + this.share5xx + this.share21211) {
			return Fault.INVALID_NUMBER;
		}
		return (roll < shares) ? Fault.CONNECTION_RESET : Fault.NONE;
	}

	/**
	 * Answers 429 like Twilio when a sender goes over {@code perSecond} (a token bucket
	 * holding one second of messages); 0 switches it off.
	 */
	public void enforceRate(double perSecond) {
		this.enforcedRate = perSecond;
		this.buckets.clear();
		this.rejectedForRate.set(0);
	}

	public boolean overRate(String sender) {
		double rate = this.enforcedRate;
		if (rate <= 0) {
			return false;
		}
		long capacity = (long) (rate * 1_000_000);
		// {last refill nanos, tokens in millionths}, starting full
		long[] bucket = this.buckets.computeIfAbsent(sender, (key) -> new long[] { System.nanoTime(), capacity });
		synchronized (bucket) {
			long now = System.nanoTime();
			long refill = (long) ((now - bucket[0]) / 1_000_000_000.0 * rate * 1_000_000);
			bucket[1] = Math.min(capacity, bucket[1] + refill);
			bucket[0] = now;
			if (bucket[1] >= 1_000_000) {
				bucket[1] -= 1_000_000;
				return false;
			}
		}
		this.rejectedForRate.incrementAndGet();
		return true;
	}

	public long rejectedForRate() {
		return this.rejectedForRate.get();
	}

	/**
	 * A share of requests answered only after {@code delay}: longer than the client's
	 * read timeout, the message is taken but the sender never hears so (0 switches it
	 * off).
	 */
	public void timeouts(double share, Duration delay) {
		this.shareTimeout = share;
		this.timeoutDelay = delay;
	}

	/** How long this request waits before its answer: zero, or the timeout delay. */
	public Duration answerDelay() {
		double share = this.shareTimeout;
		return (share > 0 && ThreadLocalRandom.current().nextDouble() < share) ? this.timeoutDelay : this.latency;
	}

	/**
	 * A share of requests whose message is taken and whose connection then closes before
	 * the answer is whole, as a provider or a proxy dropping it would (0 switches it
	 * off).
	 */
	public void resets(double share) {
		this.shareReset = share;
	}

	public boolean undeliverable(String to) {
		return this.undeliverableNumbers.contains(to);
	}

	public Duration latency() {
		return this.latency;
	}

	/** The next {@code count} requests to {@code to} get {@code fault}. */
	public void failNext(String to, int count, Fault fault) {
		this.scripted.put(to, new Scripted(fault, new AtomicInteger(count)));
	}

	public void shares(double share429, double share5xx, double share21211, Duration latency) {
		this.share429 = share429;
		this.share5xx = share5xx;
		this.share21211 = share21211;
		this.latency = latency;
	}

	public void undeliverable(String to, boolean undeliverable) {
		if (undeliverable) {
			this.undeliverableNumbers.add(to);
		}
		else {
			this.undeliverableNumbers.remove(to);
		}
	}

	public void reset(SmsProperties.SimulatorSettings settings) {
		timeouts(0, Duration.ZERO);
		resets(0);
		shares(settings.share429(), settings.share5xx(), settings.share21211(), settings.latency());
		this.scripted.clear();
		this.invalidNumbers.clear();
		this.invalidNumbers.addAll(settings.invalidNumbers());
		this.undeliverableNumbers.clear();
		this.undeliverableNumbers.addAll(settings.undeliverableNumbers());
	}

}
