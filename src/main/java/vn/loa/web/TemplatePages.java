package vn.loa.web;

import java.util.LinkedHashMap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.rendering.Renderer;
import vn.loa.rendering.Rendition;
import vn.loa.rendering.TemplateProblem;
import vn.loa.rendering.TemplateStore;

/**
 * The channel templates: everyone may list them, only admins edit. A save renders the
 * template on a sample item first, as the API does, and shows the error with its line.
 */
@Controller
class TemplatePages {

	private final TemplateStore templates;

	private final Renderer renderer;

	TemplatePages(TemplateStore templates, Renderer renderer) {
		this.templates = templates;
		this.renderer = renderer;
	}

	@GetMapping("/console/templates")
	String list(Model model) {
		model.addAttribute("templates", this.templates.list());
		return "console/templates";
	}

	@GetMapping("/console/templates/{channel}/{name}")
	@PreAuthorize("hasRole('ADMIN')")
	String edit(@PathVariable String channel, @PathVariable String name, Model model) {
		return page(channel, name, this.templates.source(channel, name), model);
	}

	@PostMapping("/console/templates/{channel}/{name}")
	@PreAuthorize("hasRole('ADMIN')")
	String save(@PathVariable String channel, @PathVariable String name, @RequestParam String source,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
		String normalised = source.replace("\r\n", "\n");
		Rendition sample;
		try {
			sample = this.renderer.previewOnSample(channel, name, normalised);
		}
		catch (TemplateProblem ex) {
			model.addAttribute("problem", ex);
			return page(channel, name, normalised, model);
		}
		if ("preview".equals(action)) {
			model.addAttribute("sample", sample);
			model.addAttribute("metrics", new LinkedHashMap<>(sample.metrics()));
			return page(channel, name, normalised, model);
		}
		this.templates.save(channel, name, normalised);
		redirect.addFlashAttribute("notice", "notice.templateSaved");
		return "redirect:/console/templates/" + channel + "/" + name;
	}

	private String page(String channel, String name, String source, Model model) {
		model.addAttribute("channel", channel);
		model.addAttribute("name", name);
		model.addAttribute("source", source);
		model.addAttribute("version",
				this.templates.list()
					.stream()
					.filter(t -> t.channel().equals(channel) && t.name().equals(name))
					.map(TemplateStore.TemplateInfo::version)
					.findFirst()
					.orElse(""));
		return "console/template";
	}

}
