package vn.loa.channels.facebook;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.common.ConsolePage;

/**
 * {@code /console/facebook}: the registered Pages with their state (a Page whose token
 * Facebook refused shows why, and its deliveries wait), and for admins the form that
 * registers a Page or replaces its token. A token entered here is never shown again.
 */
@Controller
@ConsolePage
@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
class FacebookConsolePages {

	private final FacebookPages pages;

	private final FacebookPageRegistry registry;

	private final FacebookProperties properties;

	FacebookConsolePages(FacebookPages pages, FacebookPageRegistry registry, FacebookProperties properties) {
		this.pages = pages;
		this.registry = registry;
		this.properties = properties;
	}

	@GetMapping("/console/facebook")
	String list(Model model) {
		model.addAttribute("pages", this.pages.all());
		model.addAttribute("sandbox", this.properties.sandboxMode());
		model.addAttribute("graphVersion", this.properties.graphVersion());
		return "console/facebook";
	}

	@PostMapping("/console/facebook")
	@PreAuthorize("hasRole('ADMIN')")
	String register(@RequestParam(required = false) String pageId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String areaCode, @RequestParam(required = false) String token,
			Authentication user, RedirectAttributes redirect) {
		try {
			this.registry.register((pageId != null) ? pageId.strip() : null, name, areaCode, token, user.getName());
			redirect.addFlashAttribute("notice", "notice.facebookPageSaved");
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("failure", ex.getBody().getDetail());
			redirect.addFlashAttribute("pageId", pageId);
			redirect.addFlashAttribute("name", name);
			redirect.addFlashAttribute("areaCode", areaCode);
		}
		return "redirect:/console/facebook";
	}

}
