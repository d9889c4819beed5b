package vn.loa.channels.radio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.loa.audience.Station;
import vn.loa.common.LoaProperties;
import vn.loa.content.ContentWithdrawn;
import vn.loa.channels.radio.RadioFeedStore.FeedState;
import vn.loa.channels.radio.RadioFeedStore.Receipt;
import vn.loa.channels.radio.RadioFeedWriter.FeedStation;

/**
 * A station's feed: rendered once per version stamp and kept in memory, so that a station
 * polling every minute costs two indexed look-ups and, when nothing changed, no rendering
 * at all. Pulls and aired reports become receipts here and statuses in the delivery log.
 */
@Service
class RadioFeeds {

	enum Format {

		RSS("rss", "application/rss+xml;charset=UTF-8"), ATOM("atom", "application/atom+xml;charset=UTF-8"),
		JSON("json", "application/feed+json;charset=UTF-8");

		final String extension;

		final String contentType;

		Format(String extension, String contentType) {
			this.extension = extension;
			this.contentType = contentType;
		}

		/** The format for a feed URL's extension, or null if it names none. */
		static Format ofExtension(String extension) {
			for (Format format : values()) {
				if (format.extension.equals(extension)) {
					return format;
				}
			}
			return null;
		}

	}

	private final RadioFeedStore store;

	private final RadioFeedWriter writer = new RadioFeedWriter();

	private final DeliveryReceipts receipts;

	private final RadioChannelProperties properties;

	private final LoaProperties loa;

	private final Clock clock;

	private final Map<Long, CachedState> states = new ConcurrentHashMap<>();

	private final long stampTtlNanos;

	/** Rendered feeds by station and format, each valid for one version stamp. */
	private final Map<RenderKey, Rendered> rendered = new ConcurrentHashMap<>();

	private final org.springframework.context.ApplicationEventPublisher events;

	RadioFeeds(RadioFeedStore store, DeliveryReceipts receipts, RadioChannelProperties properties, LoaProperties loa,
			Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.receipts = receipts;
		this.properties = properties;
		this.loa = loa;
		this.clock = clock;
		this.stampTtlNanos = properties.stampTtl().toNanos();
	}

	/**
	 * The station's version stamp, read from the database at most once per
	 * {@code stamp-ttl}: a station polling every minute cannot tell, and under load the
	 * feed path then costs one indexed look-up (the token). This instance forgets a stamp
	 * as soon as it changes one; other instances see the change within the TTL.
	 */
	FeedState state(Station station) {
		long now = System.nanoTime();
		CachedState cached = this.states.get(station.id());
		if (cached != null && now - cached.readAt < this.stampTtlNanos) {
			return cached.state;
		}
		FeedState state = this.store.state(station.id());
		this.states.put(station.id(), new CachedState(state, now));
		return state;
	}

	/** Called when a station's feed changed (after the change is committed). */
	void forget(long stationId) {
		this.states.remove(stationId);
	}

	/**
	 * The feed for this version stamp, rendered (and gzipped) only if not already cached.
	 */
	Rendered render(Station station, Format format, FeedState state) {
		RenderKey key = new RenderKey(station.id(), format);
		Rendered cached = this.rendered.get(key);
		if (cached != null && cached.version == state.version()) {
			return cached;
		}
		List<FeedEntry> entries = this.store.newest(station.id(), state.version(), this.properties.feedSize());
		FeedStation feedStation = new FeedStation(station.code(), station.name());
		String baseUrl = this.loa.publicUrl("");
		String body = switch (format) {
			case RSS -> this.writer.rss(feedStation, entries, baseUrl, state.updatedAt());
			case ATOM -> this.writer.atom(feedStation, entries, baseUrl, state.updatedAt());
			case JSON -> this.writer.json(feedStation, entries, baseUrl);
		};
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		// The entries are those of this stamp's version, so the bytes match the ETag even
		// when a newer entry was added since the stamp was read.
		Rendered rendered = new Rendered(state.version(), bytes, gzip(bytes));
		this.rendered.put(key, rendered);
		return rendered;
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	Optional<FeedEntry> script(Station station, long entryId) {
		return this.store.entry(station.id(), entryId);
	}

	boolean withdrawn(Station station, long entryId) {
		return this.store.withdrawn(station.id(), entryId);
	}

	/**
	 * In the withdrawing transaction, so that the item's state and the feeds never
	 * disagree: its entries leave every feed, and this instance forgets the stamps of the
	 * stations concerned once that is committed (other instances within the stamp TTL).
	 */
	@EventListener
	void on(ContentWithdrawn withdrawn) {
		List<Long> stations = this.store.withdraw(withdrawn.contentId(), this.clock.instant());
		if (stations.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					stations.forEach(RadioFeeds.this::forget);
				}

			});
		}
		stations.forEach(this::forget);
	}

	/**
	 * Records that the station pulled its feed at this version stamp. Cheap when nothing
	 * is new: the stamp in hand already says everything was marked.
	 */
	@Transactional
	void pulled(Station station, FeedState state) {
		if (state.pulledVersion() >= state.version()) {
			return;
		}
		Instant now = this.clock.instant();
		List<Long> deliveries = this.store.markPulled(station.id(), state.version(), now);
		forget(station.id());
		if (!deliveries.isEmpty()) {
			this.receipts.pulled(deliveries, now);
		}
	}

	/**
	 * Records that the station aired an item or program: one more airing, unless the same
	 * airing was reported before (a retried report), and the delivery row AIRED.
	 * @return empty if that item was never sent to the station
	 */
	@Transactional
	Optional<Aired> aired(Station station, Long contentId, Long deliveryId, Instant airedAt, Integer seconds) {
		Optional<Receipt> receipt = (deliveryId != null) ? this.store.receiptByDelivery(station.id(), deliveryId)
				: this.store.receiptByContent(station.id(), contentId);
		if (receipt.isEmpty()) {
			return Optional.empty();
		}
		boolean added = this.store.addAiring(receipt.get(), station.id(), airedAt, seconds, this.clock.instant());
		if (receipt.get().deliveryId() != null) {
			this.receipts.aired(receipt.get().deliveryId(), airedAt, seconds);
		}
		if (added) {
			// plans count air time per station from this, not by reading the airings back
			this.events.publishEvent(new vn.loa.deliverylog.AirtimeReported(receipt.get().deliveryId(), station.code(),
					receipt.get().contentId(), airedAt,
					(seconds != null) ? seconds : this.store.scriptSeconds(receipt.get().entryId())));
		}
		return Optional.of(new Aired(receipt.get().contentId(), receipt.get().deliveryId(), added));
	}

	/**
	 * An aired report as recorded.
	 *
	 * @param added false when the same airing had been reported before
	 */
	record Aired(long contentId, Long deliveryId, boolean added) {
	}

	List<RadioFeedStore.Airing> airings(Long stationId, Instant from, Instant to, int limit) {
		return this.store.airings(stationId, from, to, limit);
	}

	List<RadioFeedStore.AiredTotal> airedTotals(Long stationId, Instant from, Instant to) {
		return this.store.airedTotals(stationId, from, to);
	}

	private record RenderKey(long stationId, Format format) {
	}

	/** A feed as rendered for one version stamp, plain and gzipped. */
	record Rendered(long version, byte[] body, byte[] gzipped) {
	}

	private record CachedState(FeedState state, long readAt) {
	}

}
