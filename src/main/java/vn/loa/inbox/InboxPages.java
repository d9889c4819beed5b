package vn.loa.inbox;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.loa.common.ConsolePage;

/**
 * {@code /console/inbox}: the conversations with filters by channel, state and age, and
 * per conversation assign, reply and close, through the same service as the API. Admins
 * without the editor or approver role see that conversations exist, not what citizens
 * wrote.
 */
@Controller
@ConsolePage
@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
class InboxPages {

	private final Inbox inbox;

	InboxPages(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/console/inbox")
	String list(@RequestParam(required = false) String channel, @RequestParam(defaultValue = "OPEN") String state,
			@RequestParam(required = false) String olderThan, @RequestParam(required = false) String newerThan,
			Authentication user, Model model) {
		boolean personal = InboxAccess.personalData(user);
		InboxFilter filter;
		try {
			filter = InboxFilter.of(channel, state, olderThan, newerThan, 100);
		}
		catch (ErrorResponseException ex) {
			model.addAttribute("failure", ex.getBody().getDetail());
			filter = InboxFilter.of(channel, null, null, null, 100);
		}
		model.addAttribute("conversations", this.inbox.list(filter, personal));
		model.addAttribute("personalData", personal);
		model.addAttribute("channel", (channel != null) ? channel : "");
		model.addAttribute("state", state);
		model.addAttribute("olderThan", (olderThan != null) ? olderThan : "");
		model.addAttribute("newerThan", (newerThan != null) ? newerThan : "");
		model.addAttribute("replyChannels", this.inbox.replyChannels());
		return "console/inbox";
	}

	@PostMapping("/console/inbox/{id}/reply")
	@PreAuthorize(InboxAccess.OFFICERS)
	String reply(@PathVariable long id, @RequestParam(required = false) String text, Authentication user,
			RedirectAttributes redirect) {
		try {
			Inbox.Reply reply = this.inbox.reply(id, null, text, user.getName());
			if (reply.error() != null) {
				redirect.addFlashAttribute("failure", reply.error());
			}
			else {
				redirect.addFlashAttribute("notice", "notice.inboxReplied");
			}
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("failure", ex.getBody().getDetail());
		}
		return back(id);
	}

	@PostMapping("/console/inbox/{id}/assign")
	@PreAuthorize(InboxAccess.OFFICERS)
	String assign(@PathVariable long id, @RequestParam(required = false) String assignee, Authentication user,
			RedirectAttributes redirect) {
		this.inbox.assign(id, (assignee != null) ? assignee : user.getName(), user.getName());
		redirect.addFlashAttribute("notice", "notice.inboxAssigned");
		return back(id);
	}

	@PostMapping("/console/inbox/{id}/close")
	@PreAuthorize(InboxAccess.OFFICERS)
	String close(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		this.inbox.close(id, user.getName());
		redirect.addFlashAttribute("notice", "notice.inboxClosed");
		return "redirect:/console/inbox";
	}

	@PostMapping("/console/inbox/{id}/reopen")
	@PreAuthorize(InboxAccess.OFFICERS)
	String reopen(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		this.inbox.reopen(id, user.getName());
		redirect.addFlashAttribute("notice", "notice.inboxReopened");
		return back(id);
	}

	private static String back(long id) {
		return "redirect:" + UriComponentsBuilder.fromPath("/console/inbox")
			.queryParam("state", "")
			.fragment("conversation-" + id)
			.toUriString();
	}

}
