package es.kompanion.bot.admin.resource;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import es.kompanion.bot.resource.LinkKind;
import es.kompanion.bot.resource.Limits;
import es.kompanion.bot.resource.ResourceLink;
import es.kompanion.bot.resource.ResourceNotFoundException;
import es.kompanion.bot.resource.Resources;

/**
 * Admins list, add, edit, switch off and on the links the bot hands out. Admin-only
 * through the security configuration.
 */
@Controller
@RequestMapping("/resources")
class LinkController {

	private final Resources resources;

	private final ResourceChanges changes;

	LinkController(Resources resources, ResourceChanges changes) {
		this.resources = resources;
		this.changes = changes;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("links", this.resources.links());
		return "resources/list";
	}

	@GetMapping("/new")
	String newLink(Model model) {
		int next = this.resources.links().stream().mapToInt(ResourceLink::getPosition).max().orElse(0) + 10;
		return showForm(null, LinkForm.empty(Math.min(next, Limits.MAX_POSITION)), Map.of(), model);
	}

	@PostMapping
	String create(@ModelAttribute("form") LinkForm form, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = form.problems();
		if (!errors.isEmpty()) {
			model.addAttribute("problem", "resources.error.form");
			return showForm(null, form, errors, model);
		}
		this.changes.addLink(form.toDraft());
		redirect.addFlashAttribute("notice", "resources.link.created");
		return "redirect:/resources";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable Long id, Model model) {
		ResourceLink link = load(id);
		return showForm(link, LinkForm.of(link), Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable Long id, @ModelAttribute("form") LinkForm form, Model model,
			RedirectAttributes redirect) {
		ResourceLink link = load(id);
		Map<String, String> errors = form.problems();
		if (!errors.isEmpty()) {
			model.addAttribute("problem", "resources.error.form");
			return showForm(link, form, errors, model);
		}
		this.changes.changeLink(id, form.toDraft());
		redirect.addFlashAttribute("notice", "resources.link.saved");
		return "redirect:/resources";
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable Long id, RedirectAttributes redirect) {
		this.changes.deactivateLink(id);
		redirect.addFlashAttribute("notice", "resources.link.deactivated");
		return "redirect:/resources";
	}

	@PostMapping("/{id}/activate")
	String activate(@PathVariable Long id, RedirectAttributes redirect) {
		this.changes.activateLink(id);
		redirect.addFlashAttribute("notice", "resources.link.activated");
		return "redirect:/resources";
	}

	private ResourceLink load(Long id) {
		return this.resources.findLink(id).orElseThrow(() -> new ResourceNotFoundException("link", id));
	}

	private String showForm(@Nullable ResourceLink link, LinkForm form, Map<String, String> errors, Model model) {
		model.addAttribute("link", link);
		model.addAttribute("action", (link != null) ? "/resources/" + link.getId() : "/resources");
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", LinkKind.values());
		return "resources/form";
	}

}
