package vn.loa.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.ErrorResponseException;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ScheduleChange;
import vn.loa.channels.bulk.BulkRetries;
import vn.loa.channels.bulk.BulkStops;
import vn.loa.common.Problems;
import vn.loa.content.AuditEvent;
import vn.loa.deliverylog.Delivery;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.content.AuditTrail;
import vn.loa.content.ContentService;
import vn.loa.content.ContentVersion;
import vn.loa.content.ContentWithdrawn;
import vn.loa.rendering.Renderer;
import vn.loa.rendering.TemplateProblem;
import vn.loa.units.MemberKind;
import vn.loa.units.Unit;
import vn.loa.units.UnitScope;
import vn.loa.units.Units;

/**
 * Creates, approves, reschedules and cancels publications. A publication made by an
 * editor waits for an approver other than its creator; one made by an approver is
 * approved by that act. Every target's rendition is tried when the publication is made,
 * so a template or length problem is reported now and not at send time.
 */
@Service
public class PublicationService {

	static final String AUDIT_SUBJECT = "publication";

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	/** How many retryable rows {@link #retryable} lists (the retry itself takes all). */
	static final int RETRYABLE_SHOWN = 1000;

	private final PublicationRepository repository;

	private final ContentService contents;

	private final Renderer renderer;

	private final ChannelRegistry channels;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Units units;

	private final DeliveryLog deliveries;

	private final PublicationDispatcher dispatcher;

	private final BulkRetries bulkRetries;

	private final BulkStops bulkStops;

	PublicationService(PublicationRepository repository, ContentService contents, Renderer renderer,
			ChannelRegistry channels, AuditTrail audit, ApplicationEventPublisher events, Clock clock, Units units,
			DeliveryLog deliveries, PublicationDispatcher dispatcher, BulkRetries bulkRetries, BulkStops bulkStops) {
		this.bulkRetries = bulkRetries;
		this.bulkStops = bulkStops;
		this.units = units;
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
		this.repository = repository;
		this.contents = contents;
		this.renderer = renderer;
		this.channels = channels;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Who acts: an approver's publications need no second approval; an admin may publish
	 * for any unit, anyone else for their own unit and the units below it.
	 */
	public record Actor(String name, boolean approver, boolean admin) {

		public Actor(String name, boolean approver) {
			this(name, approver, false);
		}

	}

	@Transactional
	public Publication create(PublicationRequest request, Actor actor) {
		Instant now = this.clock.instant();
		Instant at = (request.scheduledAt() != null) ? request.scheduledAt().toInstant() : now;
		if (at.isBefore(now.minus(CLOCK_SKEW))) {
			throw Problems.invalid("scheduledAt", "is in the past", "scheduledAt");
		}
		if (request.urgent() && !actor.approver()) {
			throw Problems.invalid("urgent", "only an approver may send in quiet hours", "urgent");
		}
		Unit unit = unitFor(request, actor);
		ContentVersion version = this.contents.publishableVersion(request.contentId());
		List<Target> targets = expand(request.targets());
		for (String channel : targets.stream()
			.map(Target::channel)
			.collect(Collectors.toCollection(LinkedHashSet::new))) {
			ChannelDescriptor descriptor = this.channels.find(channel).orElseThrow();
			try {
				this.renderer.render(version, channel, descriptor.template(), Map.of(), request.options());
			}
			catch (ErrorResponseException ex) {
				throw refusedBy(channel, ex);
			}
			catch (TemplateProblem ex) {
				throw Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "template-problem", "Template problem",
						channel + ": " + ex.getMessage(),
						Map.of("channel", channel, "template", ex.template(), "line", ex.line()),
						"problem.template-problem", channel, ex.template(), ex.line(), ex.getMessage());
			}
		}
		PublicationState state = actor.approver() ? PublicationState.SCHEDULED : PublicationState.AWAITING_APPROVAL;
		long id = this.repository.insert(version.contentId(), version.version(), state, at, request.urgent(),
				request.options(), targets, actor.name(), now, actor.approver() ? actor.name() : null);
		this.audit.record(AUDIT_SUBJECT, id, "CREATED", actor.name(),
				"content " + version.contentId() + " v" + version.version() + " at " + at);
		if (unit != null) {
			this.units.assign(MemberKind.PUBLICATION, String.valueOf(id), unit.code(), actor.name());
		}
		if (state == PublicationState.SCHEDULED) {
			this.audit.record(AUDIT_SUBJECT, id, "APPROVED", actor.name(), "approved by its creator, an approver");
			this.events.publishEvent(new PublicationScheduled(id, at));
		}
		return get(id);
	}

	@Transactional
	public Publication approve(long id, String approver) {
		Publication publication = get(id);
		if (publication.createdBy().equals(approver)) {
			throw Problems.forbidden("own-publication",
					"Publication " + id + " was made by " + approver + "; someone else must approve it",
					String.valueOf(id));
		}
		this.contents.publishableVersion(publication.contentId());
		if (!this.repository.transition(id, PublicationState.AWAITING_APPROVAL, PublicationState.SCHEDULED,
				"approved_at", approver, this.clock.instant())) {
			throw Problems.conflict("publication-state",
					"Publication " + id + " is " + publication.state() + " and cannot be approved", String.valueOf(id),
					Problems.term("pubstate." + publication.state(), publication.state().name()));
		}
		this.audit.record(AUDIT_SUBJECT, id, "APPROVED", approver, null);
		this.events.publishEvent(new PublicationScheduled(id, publication.scheduledAt()));
		return get(id);
	}

	@Transactional
	public Publication cancel(long id, String actor) {
		Publication publication = get(id);
		boolean cancelled = this.repository.transition(id, PublicationState.AWAITING_APPROVAL,
				PublicationState.CANCELLED, "cancelled_at", actor, this.clock.instant())
				|| this.repository.transition(id, PublicationState.SCHEDULED, PublicationState.CANCELLED,
						"cancelled_at", actor, this.clock.instant());
		if (!cancelled) {
			throw Problems.conflict("publication-state",
					"Publication " + id + " is " + publication.state() + "; only one not yet sent can be cancelled",
					String.valueOf(id), Problems.term("pubstate." + publication.state(), publication.state().name()));
		}
		this.audit.record(AUDIT_SUBJECT, id, "CANCELLED", actor, null);
		this.events.publishEvent(ScheduleChange.cancelled(id, publication.contentId()));
		return get(id);
	}

	/**
	 * Stops the publication's broadcasts while they go out (an SMS or ZNS job with a
	 * mistake in it): see {@link BulkStops}. What was sent stays sent; the rest is not
	 * sent, on any node. A publication not sent yet is cancelled instead.
	 * @return the channels stopped and how many rows written were left unsent
	 */
	@Transactional
	public BulkStops.Stopped stop(long id, String actor) {
		Publication publication = get(id);
		BulkStops.Stopped stopped = this.bulkStops.stop(id, actor);
		if (stopped.channels().isEmpty()) {
			throw Problems.conflict("nothing-to-stop",
					"Publication " + id + " has no broadcast going out; one not sent yet is cancelled instead",
					String.valueOf(id), Problems.term("pubstate." + publication.state(), publication.state().name()));
		}
		this.audit.record(AUDIT_SUBJECT, id, "STOPPED", actor,
				String.join(", ", stopped.channels()) + "; " + stopped.skipped() + " row(s) not sent");
		return stopped;
	}

	/**
	 * Moves a publication that has not gone out yet to another time. What was handed to
	 * providers that schedule themselves follows (see {@link ScheduleChange}); a time
	 * that has come fires the publication at once.
	 * @param at the new time, with its offset
	 */
	@Transactional
	public Publication reschedule(long id, OffsetDateTime at, String actor) {
		if (at == null) {
			throw Problems.invalid("scheduledAt", "is required");
		}
		Publication publication = get(id);
		Instant now = this.clock.instant();
		Instant when = at.toInstant();
		if (when.isBefore(now.minus(CLOCK_SKEW))) {
			throw Problems.invalid("scheduledAt", "is in the past");
		}
		if (!this.repository.reschedule(id, when)) {
			throw Problems.conflict("publication-state",
					"Publication " + id + " is " + publication.state() + "; only one not yet sent can be rescheduled",
					String.valueOf(id), Problems.term("pubstate." + publication.state(), publication.state().name()));
		}
		this.audit.record(AUDIT_SUBJECT, id, "RESCHEDULED", actor, publication.scheduledAt() + " → " + when);
		this.events.publishEvent(ScheduleChange.moved(id, publication.contentId(), when));
		Publication moved = get(id);
		if (moved.state() == PublicationState.SCHEDULED) {
			this.events.publishEvent(new PublicationScheduled(id, when));
		}
		return moved;
	}

	/**
	 * The rows of a sent publication that may safely be sent again (see
	 * {@link DeliveryLog#retryable}): those Loa sends one by one, then a broadcast's
	 * recipient rows ({@link BulkRetries}), at most {@value #RETRYABLE_SHOWN}.
	 */
	public List<Delivery> retryable(long id) {
		Publication publication = get(id);
		if (publication.state() != PublicationState.DISPATCHED) {
			return List.of();
		}
		List<Delivery> rows = new ArrayList<>(direct(publication));
		rows.addAll(this.bulkRetries.retryable(id, isDirect(publication), RETRYABLE_SHOWN - rows.size()));
		return rows;
	}

	private List<Delivery> direct(Publication publication) {
		return this.deliveries.retryable(publication.id(), RETRYABLE_SHOWN)
			.stream()
			.filter(isDirect(publication))
			.toList();
	}

	private static java.util.function.Predicate<Delivery> isDirect(Publication publication) {
		Set<Target> direct = new java.util.HashSet<>(publication.targets());
		return (d) -> direct.contains(new Target(d.channel(), d.target()));
	}

	/**
	 * Sends the {@link #retryable} rows again in one action: each row's history records
	 * who asked, the publication's history how many. Rows Loa sends one by one are
	 * dispatched again; a broadcast's recipient rows are reopened for its bulk jobs. Each
	 * row is reopened by one request, however many approvers ask at once.
	 * @return how many rows are sent again
	 */
	public int retry(long id, String actor) {
		Publication publication = get(id);
		if (publication.state() != PublicationState.DISPATCHED) {
			throw Problems.conflict("publication-state",
					"Publication " + id + " is " + publication.state() + "; only a sent one can be retried",
					String.valueOf(id), Problems.term("pubstate." + publication.state(), publication.state().name()));
		}
		List<Delivery> rows = direct(publication);
		Set<Long> reopened = new java.util.HashSet<>(
				this.deliveries.reopenForRetry(rows.stream().map(Delivery::id).toList(), actor));
		List<Target> targets = rows.stream()
			.filter((d) -> reopened.contains(d.id()))
			.map((d) -> new Target(d.channel(), d.target()))
			.toList();
		int bulk = this.bulkRetries.retry(id, isDirect(publication), actor);
		int retried = targets.size() + bulk;
		if (retried == 0) {
			throw Problems.conflict("nothing-to-retry",
					"Publication " + id + " has no rows that may safely be sent again", String.valueOf(id));
		}
		this.audit.record(AUDIT_SUBJECT, id, "RETRIED", actor,
				(bulk == 0) ? retried + " row(s)" : retried + " row(s), " + bulk + " of them broadcast recipients");
		this.dispatcher.resend(publication, targets);
		return retried;
	}

	public Publication get(long id) {
		return this.repository.find(id).orElseThrow(() -> Problems.notFound("Publication", id));
	}

	/** Who made, approved or cancelled the publication, and when. */
	public List<AuditEvent> history(long id) {
		get(id);
		return this.audit.events(AUDIT_SUBJECT, id);
	}

	public List<Publication> list(PublicationState state, Long contentId, int limit) {
		return this.repository.list(state, contentId, Math.min(Math.max(limit, 1), 200));
	}

	/**
	 * The publications an officer may see: {@link #list} narrowed to the officer's units
	 * (publications of no unit are everyone's).
	 */
	public List<Publication> list(PublicationState state, Long contentId, int limit, UnitScope scope) {
		return inScope(list(state, contentId, limit), scope);
	}

	private List<Publication> inScope(List<Publication> all, UnitScope scope) {
		if (scope.all()) {
			return all;
		}
		Map<String, Long> unitOf = this.units.unitIdsOf(MemberKind.PUBLICATION,
				all.stream().map((p) -> String.valueOf(p.id())).toList());
		return all.stream().filter((p) -> scope.includes(unitOf.get(String.valueOf(p.id())))).toList();
	}

	/**
	 * The publications of a calendar: those sent or to be sent in [from, to), at most
	 * {@code limit}, narrowed to the scope like
	 * {@link #list(PublicationState, Long, int, UnitScope)}.
	 */
	public List<Publication> between(Instant from, Instant to, int limit, UnitScope scope) {
		if (!from.isBefore(to)) {
			throw Problems.invalid("end", "must be after the start");
		}
		return inScope(this.repository.between(from, to, Math.min(Math.max(limit, 1), 2000)), scope);
	}

	/**
	 * {@link #get}, or not found when the publication is for a unit outside the scope.
	 */
	public Publication get(long id, UnitScope scope) {
		Publication publication = get(id);
		if (!scope.all() && !scope
			.includes(this.units.unitOf(MemberKind.PUBLICATION, String.valueOf(id)).map(Unit::id).orElse(null))) {
			throw Problems.notFound("Publication", id);
		}
		return publication;
	}

	/**
	 * The unit a new publication is for: the one asked for, which must be in the
	 * creator's scope, else the creator's own (none while the creator belongs to none).
	 */
	private Unit unitFor(PublicationRequest request, Actor actor) {
		if (request.unit() == null || request.unit().isBlank()) {
			return this.units.unitOf(MemberKind.USER, actor.name()).orElse(null);
		}
		Unit unit = this.units.require("unit", request.unit());
		if (!this.units.scopeOf(actor.name(), actor.admin()).includes(unit.id())) {
			throw Problems.invalid("unit", "you may publish only for your own unit and the units below it");
		}
		return unit;
	}

	@TransactionalEventListener
	void on(ContentWithdrawn withdrawn) {
		for (long id : this.repository.pendingFor(withdrawn.contentId())) {
			Instant now = this.clock.instant();
			if (this.repository.transition(id, PublicationState.SCHEDULED, PublicationState.CANCELLED, "cancelled_at",
					withdrawn.actor(), now)
					|| this.repository.transition(id, PublicationState.AWAITING_APPROVAL, PublicationState.CANCELLED,
							"cancelled_at", withdrawn.actor(), now)) {
				this.audit.record(AUDIT_SUBJECT, id, "CANCELLED", withdrawn.actor(), "content withdrawn");
				this.events.publishEvent(ScheduleChange.cancelled(id, withdrawn.contentId()));
			}
		}
	}

	/**
	 * A channel's refusal as the publication's: the whole publication is refused, so the
	 * problem says which channel refused and keeps what the channel said about it.
	 */
	private static ErrorResponseException refusedBy(String channel, ErrorResponseException ex) {
		ProblemDetail problem = ex.getBody();
		String detail = String.valueOf(problem.getDetail());
		if (!detail.startsWith(channel + ":")) {
			problem.setDetail(channel + ": " + detail);
		}
		if (problem.getProperties() == null || !problem.getProperties().containsKey("channel")) {
			problem.setProperty("channel", channel);
		}
		return ex;
	}

	private List<Target> expand(List<Target> requested) {
		Set<Target> result = new LinkedHashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			Target target = requested.get(i);
			String field = "targets[" + i + "]";
			ChannelDescriptor channel = this.channels.find(target.channel())
				.orElseThrow(() -> Problems.invalid(field + ".channel",
						"unknown channel '" + target.channel() + "'; known: "
								+ this.channels.all().stream().map(ChannelDescriptor::id).toList(),
						"unknownChannel", target.channel()));
			if (!channel.enabled()) {
				throw Problems.invalid(field + ".channel", "channel '" + target.channel() + "' is disabled",
						"disabledChannel", target.channel());
			}
			List<String> names = (target.target() == null || target.target().isBlank()) ? channel.defaultTargets()
					: List.of(target.target().strip());
			if (names.isEmpty()) {
				throw Problems.invalid(field + ".target", "channel '" + channel.id() + "' needs a target",
						"needsTarget", channel.id());
			}
			for (String name : names) {
				channel.rejectTarget(name).ifPresent(reason -> {
					throw Problems.invalid(field + ".target", reason);
				});
				result.add(new Target(channel.id(), name));
			}
		}
		return new ArrayList<>(result);
	}

}
