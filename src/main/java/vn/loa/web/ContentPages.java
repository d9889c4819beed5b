package vn.loa.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.validation.Validator;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.HtmlFilterReport;
import vn.loa.common.ProblemMessages;
import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.content.ContentVersion;
import vn.loa.content.ImageRef;
import vn.loa.content.ReviewState;
import vn.loa.publishing.PublicationService;

/**
 * Content as officers see it: the list, the form, and the item page with its versions,
 * history, review actions and a preview of what each channel would send.
 */
@Controller
class ContentPages {

	/** Topic codes offered in the form besides those already in use. */
	private static final List<String> COMMON_TOPICS = List.of("cai-cach-hanh-chinh", "dich-vu-cong", "chuyen-doi-so",
			"thu-tuc-hanh-chinh");

	private final ContentService contents;

	private final PublicationService publications;

	private final List<ChannelDescriptor> channels;

	private final Validator validator;

	private final ChannelVerdicts verdicts;

	ContentPages(ContentService contents, PublicationService publications, ChannelVerdicts verdicts,
			List<ChannelDescriptor> channels, Validator validator) {
		this.contents = contents;
		this.publications = publications;
		this.verdicts = verdicts;
		this.channels = channels.stream().sorted(Comparator.comparing(ChannelDescriptor::id)).toList();
		this.validator = validator;
	}

	@GetMapping("/console/contents")
	String list(@RequestParam(required = false) ReviewState state, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String topicFilter = (topic != null && !topic.isBlank()) ? topic.strip() : null;
		int size = 25;
		List<ContentItem> items = this.contents.list(state, topicFilter, size + 1, Math.max(page, 0) * size);
		model.addAttribute("items", items.subList(0, Math.min(items.size(), size)));
		model.addAttribute("hasNext", items.size() > size);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("state", state);
		model.addAttribute("topic", topicFilter);
		model.addAttribute("states", ReviewState.values());
		model.addAttribute("topics", topics());
		return "console/contents";
	}

	@GetMapping("/console/contents/new")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	String createForm(Model model) {
		model.addAttribute("form", new ContentForm());
		return form(model, null);
	}

	@PostMapping("/console/contents")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	String create(@ModelAttribute("form") ContentForm form, BindingResult binding, Authentication user, Model model,
			RedirectAttributes redirect) {
		ContentDraft draft = form.toDraft(this.validator, binding, List.of());
		if (draft == null) {
			return form(model, null);
		}
		try {
			ContentItem item = this.contents.create(draft, user.getName());
			redirect.addFlashAttribute("notice", "notice.created");
			return "redirect:/console/contents/" + item.id();
		}
		catch (ErrorResponseException ex) {
			ConsoleAdvice.reject(ex, binding, Map.of());
			return form(model, null);
		}
	}

	@GetMapping("/console/contents/{id}")
	String item(@PathVariable long id, Model model) {
		ContentItem item = this.contents.get(id);
		model.addAttribute("item", item);
		List<ContentVersion> versions = new ArrayList<>(this.contents.versions(id));
		Collections.reverse(versions);
		model.addAttribute("versions", versions);
		model.addAttribute("history", this.contents.history(id));
		model.addAttribute("publications", this.publications.list(null, id, 50));
		model.addAttribute("renditions", this.verdicts.of(item.current(), this.channels, Map.of()));
		// what the web channels' HTML filter will take out, told at save (the page after
		// saving) and at preview
		model.addAttribute("htmlRemovals", HtmlFilterReport.of(item.current().body()));
		model.addAttribute("audiences", Audience.values());
		return "console/item";
	}

	@GetMapping("/console/contents/{id}/versions/{version}")
	String version(@PathVariable long id, @PathVariable int version, Model model) {
		model.addAttribute("item", this.contents.get(id));
		model.addAttribute("version", this.contents.version(id, version));
		return "console/version";
	}

	@GetMapping("/console/contents/{id}/edit")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	String editForm(@PathVariable long id, Model model) {
		ContentItem item = this.contents.get(id);
		model.addAttribute("form", ContentForm.of(item.current()));
		return form(model, item);
	}

	@PostMapping("/console/contents/{id}")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	String update(@PathVariable long id, @ModelAttribute("form") ContentForm form, BindingResult binding,
			Authentication user, Model model, RedirectAttributes redirect) {
		ContentItem item = this.contents.get(id);
		List<String> images = item.current().images().stream().map(ImageRef::fileName).toList();
		ContentDraft draft = form.toDraft(this.validator, binding, images);
		if (draft == null) {
			return form(model, item);
		}
		try {
			this.contents.update(id, draft, user.getName());
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/console/contents/" + id;
		}
		catch (ErrorResponseException ex) {
			ConsoleAdvice.reject(ex, binding, Map.of());
			return form(model, item);
		}
	}

	@PostMapping("/console/contents/{id}/submit")
	@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
	String submit(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		return act(id, redirect, "notice.submitted", () -> this.contents.submit(id, user.getName()));
	}

	@PostMapping("/console/contents/{id}/approve")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String approve(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		return act(id, redirect, "notice.approved", () -> this.contents.approve(id, user.getName()));
	}

	@PostMapping("/console/contents/{id}/reject")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication user,
			RedirectAttributes redirect) {
		return act(id, redirect, "notice.rejected", () -> this.contents.reject(id, user.getName(), reason.strip()));
	}

	@PostMapping("/console/contents/{id}/withdraw")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String withdraw(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication user,
			RedirectAttributes redirect) {
		return act(id, redirect, "notice.withdrawn", () -> this.contents.withdraw(id, user.getName(), reason.strip()));
	}

	private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("failure", ProblemMessages.detail(ex));
		}
		return "redirect:/console/contents/" + id;
	}

	private String form(Model model, ContentItem item) {
		model.addAttribute("item", item);
		model.addAttribute("allAudiences", Audience.values());
		model.addAttribute("topics", topics());
		return "console/content-form";
	}

	private List<String> topics() {
		TreeSet<String> topics = new TreeSet<>(COMMON_TOPICS);
		this.contents.list(null, null, 200, 0).forEach(i -> topics.add(i.current().topic()));
		return List.copyOf(topics);
	}

}
