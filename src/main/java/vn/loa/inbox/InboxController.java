package vn.loa.inbox;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/inbox}: conversations with their messages, newest first, filtered by
 * channel, state and age; reply, assign, close and reopen. Any officer may list; only
 * editors and approvers see personal data and act.
 */
@RestController
@RequestMapping("/api/v1/inbox")
@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * @param olderThan the citizen has waited at least this long ({@code 24h},
	 * {@code 7d}, {@code PT30M})
	 * @param newerThan the citizen wrote less than this long ago
	 */
	@GetMapping
	Listing list(@RequestParam(required = false) String channel, @RequestParam(required = false) String state,
			@RequestParam(required = false) String olderThan, @RequestParam(required = false) String newerThan,
			@RequestParam(required = false) Integer limit, Authentication user) {
		boolean personal = InboxAccess.personalData(user);
		return new Listing(personal,
				this.inbox.list(InboxFilter.of(channel, state, olderThan, newerThan, limit), personal));
	}

	/**
	 * @param personalData whether names, citizens' ids and texts are shown to the caller
	 */
	record Listing(boolean personalData, List<Conversation> conversations) {
	}

	@GetMapping("/{id}")
	Conversation get(@PathVariable long id, Authentication user) {
		return this.inbox.get(id, InboxAccess.personalData(user));
	}

	@PostMapping("/{id}/reply")
	@PreAuthorize(InboxAccess.OFFICERS)
	ResponseEntity<ReplyAnswer> reply(@PathVariable long id, @RequestBody ReplyRequest request, Authentication user) {
		Inbox.Reply reply = this.inbox.reply(id, request.messageId(), request.text(), user.getName());
		return ResponseEntity.status(reply.status()).body(new ReplyAnswer(reply.error(), reply.conversation()));
	}

	/**
	 * @param messageId the citizen's message to answer; the latest when null
	 */
	record ReplyRequest(String text, Long messageId) {
	}

	/**
	 * @param error the provider's code and message when the reply failed
	 */
	record ReplyAnswer(String error, Conversation conversation) {
	}

	@PostMapping("/{id}/assign")
	@PreAuthorize(InboxAccess.OFFICERS)
	Conversation assign(@PathVariable long id, @RequestBody(required = false) AssignRequest request,
			Authentication user) {
		String assignee = (request != null && request.assignee() != null) ? request.assignee() : user.getName();
		return this.inbox.assign(id, assignee, user.getName());
	}

	/**
	 * @param assignee the officer's username; the caller when absent, none when empty
	 */
	record AssignRequest(String assignee) {
	}

	@PostMapping("/{id}/close")
	@PreAuthorize(InboxAccess.OFFICERS)
	Conversation close(@PathVariable long id, Authentication user) {
		return this.inbox.close(id, user.getName());
	}

	@PostMapping("/{id}/reopen")
	@PreAuthorize(InboxAccess.OFFICERS)
	Conversation reopen(@PathVariable long id, Authentication user) {
		return this.inbox.reopen(id, user.getName());
	}

}
