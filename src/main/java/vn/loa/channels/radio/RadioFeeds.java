package vn.loa.channels.radio;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.audience.Station;
import vn.loa.common.LoaProperties;
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

		RSS("application/rss+xml;charset=UTF-8"), ATOM("application/atom+xml;charset=UTF-8"),
		JSON("application/feed+json;charset=UTF-8");

		final String contentType;

		Format(String contentType) {
			this.contentType = contentType;
		}

	}

	private final RadioFeedStore store;

	private final RadioFeedWriter writer = new RadioFeedWriter();

	private final DeliveryReceipts receipts;

	private final RadioChannelProperties properties;

	private final LoaProperties loa;

	private final Clock clock;

	/** Rendered feeds by station and format, each valid for one version stamp. */
	private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

	RadioFeeds(RadioFeedStore store, DeliveryReceipts receipts, RadioChannelProperties properties, LoaProperties loa,
			Clock clock) {
		this.store = store;
		this.receipts = receipts;
		this.properties = properties;
		this.loa = loa;
		this.clock = clock;
	}

	FeedState state(Station station) {
		return this.store.state(station.id());
	}

	/** The feed's bytes for this version stamp, rendered only if not already cached. */
	byte[] render(Station station, Format format, FeedState state) {
		String key = station.id() + ":" + format;
		Rendered cached = this.rendered.get(key);
		if (cached != null && cached.version == state.version()) {
			return cached.body;
		}
		List<FeedEntry> entries = this.store.newest(station.id(), this.properties.feedSize());
		FeedStation feedStation = new FeedStation(station.code(), station.name());
		String baseUrl = this.loa.publicUrl("");
		String body = switch (format) {
			case RSS -> this.writer.rss(feedStation, entries, baseUrl, state.updatedAt());
			case ATOM -> this.writer.atom(feedStation, entries, baseUrl, state.updatedAt());
			case JSON -> this.writer.json(feedStation, entries, baseUrl);
		};
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		// Only cache what matches the stamp that was read before the entries: a newer
		// stamp will simply render again.
		this.rendered.put(key, new Rendered(state.version(), bytes));
		return bytes;
	}

	Optional<FeedEntry> script(Station station, long entryId) {
		return this.store.entry(station.id(), entryId);
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
		if (!deliveries.isEmpty()) {
			this.receipts.pulled(deliveries, now);
		}
	}

	/**
	 * Records that the station aired an item or program.
	 * @return false if that item was never sent to the station
	 */
	@Transactional
	boolean aired(Station station, Long contentId, Long deliveryId, Instant airedAt, Integer seconds) {
		Optional<Receipt> receipt = (deliveryId != null) ? this.store.receiptByDelivery(station.id(), deliveryId)
				: this.store.receiptByContent(station.id(), contentId);
		if (receipt.isEmpty()) {
			return false;
		}
		this.store.markAired(receipt.get().entryId(), airedAt, seconds);
		if (receipt.get().deliveryId() != null) {
			this.receipts.aired(receipt.get().deliveryId(), airedAt, seconds);
		}
		return true;
	}

	private record Rendered(long version, byte[] body) {
	}

}
