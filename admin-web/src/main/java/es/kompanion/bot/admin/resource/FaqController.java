package es.kompanion.bot.admin.resource;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import es.kompanion.bot.resource.FaqEntry;
import es.kompanion.bot.resource.Limits;
import es.kompanion.bot.resource.ResourceNotFoundException;
import es.kompanion.bot.resource.Resources;
import es.kompanion.bot.user.Department;

/**
 * Admins keep the FAQ per department and language: add, edit, reorder by position, switch
 * off and on, delete. Admin-only through the security configuration.
 *
 * <p>
 * Actions on the list carry the list's filters ({@code listDepartment},
 * {@code listLanguage}) so the admin lands back on the same view.
 */
@Controller
@RequestMapping("/faq")
class FaqController {

	static final List<String> LANGUAGES = List.of("es", "en");

	private final Resources resources;

	private final ResourceChanges changes;

	FaqController(Resources resources, ResourceChanges changes) {
		this.resources = resources;
		this.changes = changes;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String language, Model model) {
		Department shown = FormChecks.parseEnum(Department.class, department);
		String shownLanguage = languageOrNull(language);
		model.addAttribute("entries", this.resources.faqEntries(shown, shownLanguage));
		model.addAttribute("department", shown);
		model.addAttribute("language", shownLanguage);
		model.addAttribute("departments", Department.values());
		model.addAttribute("languages", LANGUAGES);
		return "faq/list";
	}

	@GetMapping("/new")
	String newEntry(@RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String language, Model model) {
		Department chosen = FormChecks.parseEnum(Department.class, department);
		Department group = (chosen != null) ? chosen : Department.ACCOUNTING_TAX;
		String chosenLanguage = languageOrNull(language);
		String groupLanguage = (chosenLanguage != null) ? chosenLanguage : "es";
		int next = this.resources.faqEntries(group, groupLanguage)
			.stream()
			.mapToInt(FaqEntry::getPosition)
			.max()
			.orElse(0) + 10;
		return showForm(null, FaqForm.empty(group, groupLanguage, Math.min(next, Limits.MAX_POSITION)), Map.of(),
				model);
	}

	@PostMapping
	String create(@ModelAttribute("form") FaqForm form, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = form.problems();
		if (!errors.isEmpty()) {
			model.addAttribute("problem", "resources.error.form");
			return showForm(null, form, errors, model);
		}
		FaqEntry entry = this.changes.addFaqEntry(form.toDraft());
		redirect.addFlashAttribute("notice", "faq.created");
		return backTo(entry.getDepartment().name(), entry.getLanguage(), redirect);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable Long id, Model model) {
		FaqEntry entry = load(id);
		return showForm(entry, FaqForm.of(entry), Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable Long id, @ModelAttribute("form") FaqForm form, Model model,
			RedirectAttributes redirect) {
		FaqEntry entry = load(id);
		Map<String, String> errors = form.problems();
		if (!errors.isEmpty()) {
			model.addAttribute("problem", "resources.error.form");
			return showForm(entry, form, errors, model);
		}
		FaqEntry saved = this.changes.changeFaqEntry(id, form.toDraft());
		redirect.addFlashAttribute("notice", "faq.saved");
		return backTo(saved.getDepartment().name(), saved.getLanguage(), redirect);
	}

	@PostMapping("/{id}/position")
	String move(@PathVariable Long id, @RequestParam(required = false) @Nullable String position,
			@RequestParam(required = false) @Nullable String listDepartment,
			@RequestParam(required = false) @Nullable String listLanguage, RedirectAttributes redirect) {
		Integer target = FormChecks.parsePosition(position);
		if (target == null) {
			load(id);
			redirect.addFlashAttribute("problem", "resources.error.position");
		}
		else {
			this.changes.moveFaqEntry(id, target);
			redirect.addFlashAttribute("notice", "faq.moved");
		}
		return backTo(listDepartment, listLanguage, redirect);
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable Long id, @RequestParam(required = false) @Nullable String listDepartment,
			@RequestParam(required = false) @Nullable String listLanguage, RedirectAttributes redirect) {
		this.changes.deactivateFaqEntry(id);
		redirect.addFlashAttribute("notice", "faq.deactivated");
		return backTo(listDepartment, listLanguage, redirect);
	}

	@PostMapping("/{id}/activate")
	String activate(@PathVariable Long id, @RequestParam(required = false) @Nullable String listDepartment,
			@RequestParam(required = false) @Nullable String listLanguage, RedirectAttributes redirect) {
		this.changes.activateFaqEntry(id);
		redirect.addFlashAttribute("notice", "faq.activated");
		return backTo(listDepartment, listLanguage, redirect);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable Long id, @RequestParam(required = false) @Nullable String listDepartment,
			@RequestParam(required = false) @Nullable String listLanguage, RedirectAttributes redirect) {
		this.changes.deleteFaqEntry(id);
		redirect.addFlashAttribute("notice", "faq.deleted");
		return backTo(listDepartment, listLanguage, redirect);
	}

	private FaqEntry load(Long id) {
		return this.resources.findFaqEntry(id).orElseThrow(() -> new ResourceNotFoundException("FAQ entry", id));
	}

	private String showForm(@Nullable FaqEntry entry, FaqForm form, Map<String, String> errors, Model model) {
		model.addAttribute("entry", entry);
		model.addAttribute("action", (entry != null) ? "/faq/" + entry.getId() : "/faq");
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("departments", Department.values());
		model.addAttribute("languages", LANGUAGES);
		model.addAttribute("answerLength", Limits.ANSWER_LENGTH);
		model.addAttribute("questionLength", Limits.QUESTION_LENGTH);
		return "faq/form";
	}

	private static String backTo(@Nullable String department, @Nullable String language, RedirectAttributes redirect) {
		Department shown = FormChecks.parseEnum(Department.class, department);
		if (shown != null) {
			redirect.addAttribute("department", shown.name());
		}
		String shownLanguage = languageOrNull(language);
		if (shownLanguage != null) {
			redirect.addAttribute("language", shownLanguage);
		}
		return "redirect:/faq";
	}

	private static @Nullable String languageOrNull(@Nullable String language) {
		return (language != null && LANGUAGES.contains(language.strip())) ? language.strip() : null;
	}

}
