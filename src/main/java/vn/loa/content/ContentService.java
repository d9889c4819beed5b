package vn.loa.content;

import java.time.Clock;
import java.time.Instant;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.common.Problems;

/**
 * Writes and reviews content. Every save is a new immutable version; review moves an item
 * DRAFT → IN_REVIEW → APPROVED, and only someone other than the author may approve.
 */
@Service
public class ContentService {

	static final String AUDIT_SUBJECT = "content";

	private final ContentRepository repository;

	private final ContentImages images;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ContentService(ContentRepository repository, ContentImages images, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.images = images;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public ContentItem create(ContentDraft draft, String actor) {
		ContentDraft normal = nfc(draft);
		Instant now = this.clock.instant();
		long id = this.repository.insertItem(uniqueSlug(Slugs.of(normal.title())), actor, now);
		this.repository.insertVersion(id, 1, normal, this.images.resolve(id, normal.imageFiles()), actor, now);
		this.audit.record(AUDIT_SUBJECT, id, "CREATED", actor, "version 1");
		return get(id);
	}

	@Transactional
	public ContentItem update(long id, ContentDraft draft, String actor) {
		ContentItem item = get(id);
		if (!item.state().editable()) {
			throw Problems.conflict("content-withdrawn", "Content " + id + " is withdrawn and can no longer change",
					String.valueOf(id));
		}
		ContentDraft normal = nfc(draft);
		int version = item.currentVersion() + 1;
		Instant now = this.clock.instant();
		this.repository.insertVersion(id, version, normal, this.images.resolve(id, normal.imageFiles()), actor, now);
		this.repository.newVersion(id, version, now);
		this.audit.record(AUDIT_SUBJECT, id, "EDITED", actor, "version " + version);
		return get(id);
	}

	@Transactional
	public ContentItem submit(long id, String actor) {
		ContentItem item = get(id);
		requireState(item, ReviewState.DRAFT, "submit");
		this.repository.updateState(id, ReviewState.IN_REVIEW, this.clock.instant());
		this.audit.record(AUDIT_SUBJECT, id, "SUBMITTED", actor, "version " + item.currentVersion());
		return get(id);
	}

	@Transactional
	public ContentItem approve(long id, String approver) {
		ContentItem item = get(id);
		requireState(item, ReviewState.IN_REVIEW, "approve");
		if (approver.equals(item.author()) || approver.equals(item.current().createdBy())) {
			throw Problems.forbidden("own-content",
					"Content " + id + " was written by " + approver + "; someone else must approve it",
					String.valueOf(id));
		}
		this.repository.approve(id, item.currentVersion(), approver, this.clock.instant());
		this.audit.record(AUDIT_SUBJECT, id, "APPROVED", approver, "version " + item.currentVersion());
		return get(id);
	}

	@Transactional
	public ContentItem reject(long id, String approver, String reason) {
		ContentItem item = get(id);
		requireState(item, ReviewState.IN_REVIEW, "reject");
		this.repository.updateState(id, ReviewState.DRAFT, this.clock.instant());
		this.audit.record(AUDIT_SUBJECT, id, "REJECTED", approver, reason);
		return get(id);
	}

	@Transactional
	public ContentItem withdraw(long id, String actor, String reason) {
		ContentItem item = get(id);
		if (item.state() == ReviewState.WITHDRAWN) {
			return item;
		}
		this.repository.updateState(id, ReviewState.WITHDRAWN, this.clock.instant());
		this.audit.record(AUDIT_SUBJECT, id, "WITHDRAWN", actor, reason);
		this.events.publishEvent(new ContentWithdrawn(id, actor, reason));
		return get(id);
	}

	/** Called when a publication of the item goes out. */
	@Transactional
	public void markPublished(long id, String actor) {
		ContentItem item = get(id);
		if (item.state() == ReviewState.APPROVED) {
			this.repository.updateState(id, ReviewState.PUBLISHED, this.clock.instant());
			this.audit.record(AUDIT_SUBJECT, id, "PUBLISHED", actor, "version " + item.approvedVersion());
		}
	}

	public ContentItem get(long id) {
		return this.repository.find(id).orElseThrow(() -> Problems.notFound("Content", id));
	}

	/**
	 * The current titles of many items in one query, for lists; unknown ids are absent.
	 */
	public Map<Long, String> titles(java.util.Collection<Long> ids) {
		return this.repository.titles(ids);
	}

	public java.util.Optional<ContentItem> findBySlug(String slug) {
		return this.repository.findBySlug(slug);
	}

	/**
	 * Items whose title, summary or body holds the query, with or without Vietnamese
	 * diacritics ({@code thu tuc} finds {@code thủ tục}), newest first.
	 */
	public List<ContentItem> search(String query, int limit) {
		if (query == null || vn.loa.common.Folding.fold(query).isBlank()) {
			return List.of();
		}
		return this.repository.search(query, Math.min(Math.max(limit, 1), 200));
	}

	public List<ContentItem> list(ReviewState state, String topic, int limit, int offset) {
		return this.repository.list(state, topic, Math.min(Math.max(limit, 1), 200), Math.max(offset, 0));
	}

	/** How many items are in each review state, every state present. */
	public Map<ReviewState, Long> countByState() {
		return this.repository.countByState();
	}

	public ContentVersion version(long id, int version) {
		return this.repository.version(id, version)
			.orElseThrow(() -> Problems.notFound("Content version", id + "/" + version));
	}

	public List<ContentVersion> versions(long id) {
		get(id);
		return this.repository.versions(id);
	}

	/**
	 * The version a publication may send: the approved one, while the item is
	 * publishable.
	 */
	public ContentVersion publishableVersion(long id) {
		ContentItem item = get(id);
		if (!item.state().publishable() || item.approvedVersion() == null) {
			throw Problems.conflict("content-not-approved",
					"Content " + id + " is " + item.state() + "; only approved content can be published",
					String.valueOf(id), Problems.term("state." + item.state(), item.state().name()));
		}
		return version(id, item.approvedVersion());
	}

	public List<AuditEvent> history(long id) {
		get(id);
		return this.audit.events(AUDIT_SUBJECT, id);
	}

	private void requireState(ContentItem item, ReviewState expected, String action) {
		if (item.state() != expected) {
			throw Problems.conflict("review-state",
					"Cannot " + action + " content " + item.id() + " while it is " + item.state(),
					String.valueOf(item.id()), Problems.term("state." + item.state(), item.state().name()));
		}
	}

	private String uniqueSlug(String base) {
		String slug = base;
		for (int n = 2; this.repository.slugExists(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private static ContentDraft nfc(ContentDraft d) {
		return new ContentDraft(nfc(d.title()).strip(), nfc(d.summary()).strip(), nfc(d.body()), d.topic(),
				d.audiences(), d.areas(), d.links().stream().map(l -> new Link(nfc(l.title()), l.url())).toList(),
				d.imageFiles());
	}

	private static String nfc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}

}
