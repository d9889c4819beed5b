package vn.loa.web;

import java.util.List;
import java.util.Optional;

import vn.loa.channels.bulk.BulkJobs;
import vn.loa.content.AuditTrail;
import vn.loa.publishing.DeadLetters;
import vn.loa.publishing.Leadership;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/operations} for admins: which node leads, the bulk jobs in progress
 * with their open ranges, the depth of the dispatch queue and of its dead letters, each
 * dead letter with the reason RabbitMQ gave, and putting one back on the queue or
 * discarding it — each an audit entry.
 */
@Controller
class OperationsPage {

	static final String AUDIT_SUBJECT = "dead-letter";

	private final DeadLetters deadLetters;

	private final Leadership leadership;

	private final BulkJobs jobs;

	private final AuditTrail audit;

	OperationsPage(DeadLetters deadLetters, Leadership leadership, BulkJobs jobs, AuditTrail audit) {
		this.deadLetters = deadLetters;
		this.leadership = leadership;
		this.jobs = jobs;
		this.audit = audit;
	}

	@GetMapping("/console/operations")
	@PreAuthorize("hasRole('ADMIN')")
	String operations(Model model) {
		model.addAttribute("leadership", this.leadership);
		model.addAttribute("amqp", this.deadLetters.inUse());
		model.addAttribute("depths", this.deadLetters.depths());
		model.addAttribute("deadLetters", this.deadLetters.inUse() ? this.deadLetters.list() : List.of());
		model.addAttribute("jobs", this.jobs.inProgress(50));
		model.addAttribute("actions",
				this.audit.events(AUDIT_SUBJECT, 0)
					.stream()
					.sorted((a, b) -> b.occurredAt().compareTo(a.occurredAt()))
					.limit(10)
					.toList());
		return "console/operations";
	}

	@PostMapping("/console/operations/dead-letters/{id}/requeue")
	@PreAuthorize("hasRole('ADMIN')")
	String requeue(@PathVariable String id, Authentication admin, RedirectAttributes redirect) {
		return act(this.deadLetters.requeue(id), "REQUEUED", "notice.deadLetterRequeued", id, admin, redirect);
	}

	@PostMapping("/console/operations/dead-letters/{id}/discard")
	@PreAuthorize("hasRole('ADMIN')")
	String discard(@PathVariable String id, Authentication admin, RedirectAttributes redirect) {
		return act(this.deadLetters.discard(id), "DISCARDED", "notice.deadLetterDiscarded", id, admin, redirect);
	}

	private String act(Optional<DeadLetters.DeadLetter> done, String action, String notice, String id,
			Authentication admin, RedirectAttributes redirect) {
		if (done.isEmpty()) {
			redirect.addFlashAttribute("failure", "Không còn thư chết " + id + " / no dead letter " + id);
			return "redirect:/console/operations";
		}
		DeadLetters.DeadLetter letter = done.get();
		this.audit.record(AUDIT_SUBJECT, 0, action, admin.getName(), id + ": publication " + letter.publicationId()
				+ ", " + letter.channel() + " " + letter.target() + " (" + letter.reason() + ")");
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/console/operations";
	}

}
