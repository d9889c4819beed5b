package vn.loa.channels.radio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.audience.Station;
import vn.loa.audience.Stations;
import vn.loa.channels.ChannelDispatch;
import vn.loa.common.LoaProperties;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.rendering.RadioScriptWriter;

/**
 * Puts one dispatch's script into the feed of each station it targets. Each station gets
 * its own delivery row, claimed before its feed entry is written (in one transaction), so
 * a station reached by two targets of the same publication gets the script once.
 */
@Component
class RadioPublisher {

	private final Stations stations;

	private final DeliveryLog deliveries;

	private final RadioFeedStore feeds;

	private final RadioPrograms programs;

	private final RadioFeeds feedCache;

	private final LoaProperties loa;

	private final TransactionTemplate transactions;

	private final java.time.Clock clock;

	RadioPublisher(Stations stations, DeliveryLog deliveries, RadioFeedStore feeds, RadioPrograms programs,
			RadioFeeds feedCache, LoaProperties loa, TransactionTemplate transactions, java.time.Clock clock) {
		this.feedCache = feedCache;
		this.stations = stations;
		this.deliveries = deliveries;
		this.feeds = feeds;
		this.programs = programs;
		this.loa = loa;
		this.transactions = transactions;
		this.clock = clock;
	}

	List<DeliveryOutcome> publish(ChannelDispatch dispatch) {
		String template = dispatch.rendition().templateVersion();
		List<Station> targeted = RadioTargets.resolve(dispatch.target(), dispatch.content(), this.stations);
		if (targeted.isEmpty()) {
			// Visible in the delivery log rather than silently dropped.
			return List.of(DeliveryOutcome.failed(dispatch.publicationId(), RadioChannel.ID, dispatch.target(),
					DeliveryStatus.SKIPPED, RadioChannel.PROVIDER, "NO_STATION",
					"No radio station matches target '" + dispatch.target() + "'", template));
		}
		String script = dispatch.rendition().text();
		int words = RadioScriptWriter.countWords(script);
		long contentId = dispatch.content().contentId();
		String kind = this.programs.isProgram(contentId) ? "PROGRAM" : "ITEM";
		List<DeliveryOutcome> outcomes = new ArrayList<>(targeted.size());
		for (Station station : targeted) {
			Optional<DeliveryOutcome> outcome = this.transactions.execute((status) -> {
				Optional<Long> delivery = this.deliveries.claim(dispatch.publicationId(), RadioChannel.ID,
						station.code(), RadioChannel.PROVIDER, template);
				if (delivery.isEmpty()) {
					return Optional.<DeliveryOutcome>empty();
				}
				long entry = this.feeds.addEntry(station.id(), delivery.get(), contentId, kind,
						dispatch.content().title(), script,
						RadioScriptWriter.readingSeconds(words, station.wordsPerMinute()), template,
						this.clock.instant());
				return Optional.of(DeliveryOutcome.sent(dispatch.publicationId(), RadioChannel.ID, station.code(),
						RadioChannel.PROVIDER, "feed-entry:" + entry,
						this.loa.publicUrl("/feeds/radio/" + station.code() + "/scripts/" + entry + ".txt"), template));
			});
			outcome.ifPresent(outcomes::add);
			this.feedCache.forget(station.id());
		}
		return outcomes;
	}

}
