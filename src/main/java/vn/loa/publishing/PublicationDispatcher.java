package vn.loa.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
import vn.loa.content.AuditTrail;
import vn.loa.content.ContentService;
import vn.loa.content.ContentVersion;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryOutcome;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.rendering.Renderer;
import vn.loa.rendering.Rendition;

/**
 * Fires one publication: claims it (a conditional update, so only one node fires it),
 * renders it once per channel and hands the dispatches to the flow. Every log line of a
 * dispatch carries the publication id.
 */
@Component
class PublicationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(PublicationDispatcher.class);

	private final PublicationRepository repository;

	private final ContentService contents;

	private final Renderer renderer;

	private final ChannelRegistry channels;

	private final DispatchGateway gateway;

	private final DeliveryLog deliveries;

	private final AuditTrail audit;

	private final PublishingProperties properties;

	private final Clock clock;

	PublicationDispatcher(PublicationRepository repository, ContentService contents, Renderer renderer,
			ChannelRegistry channels, DispatchGateway gateway, DeliveryLog deliveries, AuditTrail audit,
			PublishingProperties properties, Clock clock) {
		this.repository = repository;
		this.contents = contents;
		this.renderer = renderer;
		this.channels = channels;
		this.gateway = gateway;
		this.deliveries = deliveries;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A publication approved for a time that has come goes out now, not at the next tick.
	 */
	@Async
	@TransactionalEventListener
	void on(PublicationScheduled scheduled) {
		if (!scheduled.scheduledAt().isAfter(this.clock.instant())) {
			fire(scheduled.publicationId());
		}
		else {
			handAhead(scheduled.publicationId());
		}
	}

	/**
	 * Dispatches a publication approved for a later time to the channels whose provider
	 * keeps scheduled items itself, now and with its time, so that it goes out on time
	 * even if Loa is down then. When the publication fires, those channels find their
	 * delivery rows taken and send nothing twice; a hand-off the provider did not take
	 * (its rows left as a temporary failure) is sent again then.
	 * @return how many dispatches were handed over
	 */
	int handAhead(long id) {
		Publication publication = this.repository.find(id).orElse(null);
		if (publication == null || publication.state() != PublicationState.SCHEDULED
				|| !publication.scheduledAt().isAfter(this.clock.instant())) {
			return 0;
		}
		List<Target> ahead = publication.targets()
			.stream()
			.filter((t) -> this.channels.find(t.channel()).map(ChannelDescriptor::providerSchedules).orElse(false))
			.toList();
		if (ahead.isEmpty()) {
			return 0;
		}
		String previous = MDC.get("publicationId");
		MDC.put("publicationId", String.valueOf(id));
		try {
			ContentVersion content = this.contents.version(publication.contentId(), publication.contentVersion());
			List<ChannelDispatch> dispatches = dispatches(withTargets(publication, ahead), content);
			log.info("Handing publication {} to {} target(s) that schedule it themselves for {}", id, dispatches.size(),
					publication.scheduledAt());
			this.gateway.dispatch(dispatches);
			this.audit.record(PublicationService.AUDIT_SUBJECT, id, "HANDED_AHEAD", "loa",
					dispatches.size() + " dispatch(es)");
			return dispatches.size();
		}
		catch (RuntimeException ex) {
			// Whatever was not handed over goes out when the publication fires.
			log.warn("Publication {} could not be handed ahead to its providers; it goes out when due", id, ex);
			return 0;
		}
		finally {
			if (previous != null) {
				MDC.put("publicationId", previous);
			}
			else {
				MDC.remove("publicationId");
			}
		}
	}

	/**
	 * Sends some targets of a dispatched publication again, after their delivery rows
	 * were reopened for a retry: each channel claims its row as on the first send.
	 * @return how many dispatches were handed over
	 */
	int resend(Publication publication, List<Target> targets) {
		if (targets.isEmpty()) {
			return 0;
		}
		ContentVersion content = this.contents.version(publication.contentId(), publication.contentVersion());
		List<ChannelDispatch> dispatches = dispatches(withTargets(publication, targets), content);
		log.info("Sending {} target(s) of publication {} again", dispatches.size(), publication.id());
		this.gateway.dispatch(dispatches);
		return dispatches.size();
	}

	private static Publication withTargets(Publication publication, List<Target> targets) {
		return new Publication(publication.id(), publication.contentId(), publication.contentVersion(),
				publication.state(), publication.scheduledAt(), publication.urgent(), publication.options(), targets,
				publication.createdBy(), publication.createdAt(), publication.approvedBy(), publication.approvedAt(),
				publication.firedAt(), publication.completedAt(), publication.cancelledBy(), publication.cancelledAt());
	}

	void expireInterruptedSends() {
		Instant now = this.clock.instant();
		int expired = this.deliveries.expireStaleSending(now.minus(this.properties.staleDispatch()));
		if (expired > 0) {
			log.warn("{} delivery row(s) were left SENDING by an interruption and are marked OUTCOME_UNKNOWN", expired);
		}
	}

	void fireDue() {
		Instant now = this.clock.instant();
		for (long id : this.repository.due(now, now.minus(this.properties.staleDispatch()))) {
			fire(id);
		}
	}

	/** Returns whether this call dispatched the publication. */
	boolean fire(long id) {
		Instant now = this.clock.instant();
		boolean claimed = this.repository.transition(id, PublicationState.SCHEDULED, PublicationState.DISPATCHING,
				"fired_at", null, now) || this.repository.reclaim(id, now.minus(this.properties.staleDispatch()), now);
		if (!claimed) {
			return false;
		}
		String previous = MDC.get("publicationId");
		MDC.put("publicationId", String.valueOf(id));
		try {
			Publication publication = this.repository.find(id).orElseThrow();
			log.info("Dispatching publication {} to {} target(s)", id, publication.targets().size());
			ContentVersion content = this.contents.version(publication.contentId(), publication.contentVersion());
			List<ChannelDispatch> dispatches = dispatches(publication, content);
			try {
				this.gateway.dispatch(dispatches);
			}
			catch (RuntimeException ex) {
				log.error("Dispatch of publication {} was interrupted", id, ex);
				for (ChannelDispatch d : dispatches) {
					if (this.deliveries.find(id, d.channel(), d.target()).isEmpty()) {
						this.deliveries.record(
								DeliveryOutcome.failed(id, d.channel(), d.target(), DeliveryStatus.TECHNICAL_FAILURE,
										"loa", "DISPATCH_ABORTED", String.valueOf(ex.getMessage()), null));
					}
				}
			}
			this.repository.transition(id, PublicationState.DISPATCHING, PublicationState.DISPATCHED, "completed_at",
					null, this.clock.instant());
			this.contents.markPublished(publication.contentId(), "loa");
			this.audit.record(PublicationService.AUDIT_SUBJECT, id, "DISPATCHED", "loa",
					dispatches.size() + " dispatch(es)");
			log.info("Publication {} dispatched", id);
			return true;
		}
		finally {
			if (previous != null) {
				MDC.put("publicationId", previous);
			}
			else {
				MDC.remove("publicationId");
			}
		}
	}

	private List<ChannelDispatch> dispatches(Publication publication, ContentVersion content) {
		Map<String, Rendition> renditions = new HashMap<>();
		List<ChannelDispatch> dispatches = new ArrayList<>();
		for (Target target : publication.targets()) {
			ChannelDescriptor channel = this.channels.find(target.channel()).orElse(null);
			if (channel == null) {
				this.deliveries.record(DeliveryOutcome.failed(publication.id(), target.channel(), target.target(),
						DeliveryStatus.TECHNICAL_FAILURE, "loa", "UNKNOWN_CHANNEL",
						"channel " + target.channel() + " is not configured any more", null));
				continue;
			}
			Rendition rendition;
			try {
				rendition = renditions.computeIfAbsent(channel.id(),
						c -> this.renderer.render(content, c, channel.template(), Map.of(), publication.options()));
			}
			catch (RuntimeException ex) {
				this.deliveries.record(DeliveryOutcome.failed(publication.id(), target.channel(), target.target(),
						DeliveryStatus.TECHNICAL_FAILURE, "loa", "TEMPLATE", String.valueOf(ex.getMessage()), null));
				continue;
			}
			dispatches.add(new ChannelDispatch(publication.id(), channel.id(), target.target(), content, rendition,
					publication.options(), publication.urgent(), publication.scheduledAt()));
		}
		return dispatches;
	}

}
