package vn.loa.channels.radio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.channels.radio.RadioPrograms.Program;
import vn.loa.channels.radio.RadioPrograms.ProgramRequest;
import vn.loa.common.ConsolePage;
import vn.loa.common.FormProblems;
import vn.loa.common.Problems;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.content.ReviewState;

/**
 * Radio programs in the console: the programs made so far, and the form that assembles a
 * new one from approved items through the same service as {@code POST /api/v1/programs}.
 * The result page shows each part's reading time, the total and how it compares with the
 * target; the program is then submitted and approved on its content item's page. It lives
 * here, not in the web module, because {@link RadioPrograms} is this channel's own; the
 * console's advice reaches it through {@link ConsolePage}.
 */
@Controller
@ConsolePage
@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
class ProgramPages {

	/** What the service's problems name, as the form's fields. */
	private static final Map<String, String> FIELDS = Map.of("title", "title", "targetMinutes", "targetMinutes",
			"targetSeconds", "targetMinutes", "contentIds", "contentIds", "airDate", "airDate");

	private final RadioPrograms programs;

	private final ContentService contents;

	ProgramPages(RadioPrograms programs, ContentService contents) {
		this.programs = programs;
		this.contents = contents;
	}

	@GetMapping("/console/programs")
	String list(Model model) {
		model.addAttribute("form", new ProgramForm());
		return listPage(model);
	}

	@PostMapping("/console/programs")
	String create(@ModelAttribute("form") ProgramForm form, BindingResult binding, Authentication user, Model model,
			RedirectAttributes redirect) {
		ProgramRequest request = form.toRequest(binding);
		if (request == null) {
			return listPage(model);
		}
		try {
			Program program = this.programs.create(request, user.getName());
			redirect.addFlashAttribute("notice", "notice.programCreated");
			return "redirect:/console/programs/" + program.id();
		}
		catch (ErrorResponseException ex) {
			reject(ex, binding);
			return listPage(model);
		}
	}

	@GetMapping("/console/programs/{id}")
	String program(@PathVariable long id, Model model) {
		Program program = this.programs.get(id).orElseThrow(() -> Problems.notFound("Program", id));
		model.addAttribute("program", program);
		model.addAttribute("item", this.contents.get(program.contentId()));
		return "console/program";
	}

	private String listPage(Model model) {
		model.addAttribute("programs", this.programs.list(50));
		model.addAttribute("approved", approvedItems());
		return "console/programs";
	}

	/**
	 * What a program may be made of: approved (or published) items that are not programs.
	 */
	private List<ContentItem> approvedItems() {
		List<ContentItem> items = new ArrayList<>();
		for (ReviewState state : List.of(ReviewState.APPROVED, ReviewState.PUBLISHED)) {
			this.contents.list(state, null, 200, 0)
				.stream()
				.filter((item) -> !RadioPrograms.TOPIC.equals(item.current().topic()))
				.forEach(items::add);
		}
		items.sort((a, b) -> Long.compare(b.id(), a.id()));
		return items;
	}

	/**
	 * Puts the service's problem on the form: a named field next to that field (an index,
	 * {@code contentIds[1]}, on the list), an item that is not approved on the list of
	 * items, anything else over the form.
	 */
	static void reject(ErrorResponseException ex, BindingResult binding) {
		ProblemDetail problem = ex.getBody();
		if (problem.getType() != null && problem.getType().toString().endsWith("/content-not-approved")) {
			binding.rejectValue("contentIds", "problem.program.notApproved", new Object[] { problem.getDetail() },
					problem.getDetail());
			return;
		}
		FormProblems.reject(ex, binding, FIELDS, "problem.program.");
	}

}
