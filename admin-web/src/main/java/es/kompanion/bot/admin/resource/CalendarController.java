package es.kompanion.bot.admin.resource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeSet;

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

import es.kompanion.bot.resource.AppliesTo;
import es.kompanion.bot.resource.DuplicateDeadlineException;
import es.kompanion.bot.resource.FiscalDeadline;
import es.kompanion.bot.resource.ResourceNotFoundException;
import es.kompanion.bot.resource.Resources;

/**
 * Admins keep the fiscal calendar, one year at a time: add, edit and delete deadlines.
 * Admin-only through the security configuration.
 */
@Controller
@RequestMapping("/calendar")
class CalendarController {

	static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private final Resources resources;

	private final ResourceChanges changes;

	CalendarController(Resources resources, ResourceChanges changes) {
		this.resources = resources;
		this.changes = changes;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable Integer year, Model model) {
		LocalDate today = LocalDate.now(MADRID);
		int shown = (year != null && year >= 1900 && year <= 9999) ? year : today.getYear();
		TreeSet<Integer> years = new TreeSet<>(this.resources.calendarYears());
		years.add(today.getYear());
		years.add(shown);
		model.addAttribute("year", shown);
		model.addAttribute("years", years.descendingSet());
		model.addAttribute("deadlines", this.resources.deadlinesOf(shown));
		model.addAttribute("today", today);
		return "calendar/list";
	}

	@GetMapping("/new")
	String newDeadline(Model model) {
		return showForm(null, DeadlineForm.empty(), Map.of(), model);
	}

	@PostMapping
	String create(@ModelAttribute("form") DeadlineForm form, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = form.problems();
		if (errors.isEmpty()) {
			try {
				FiscalDeadline deadline = this.changes.addDeadline(form.toDraft());
				redirect.addFlashAttribute("notice", "calendar.created");
				return backTo(deadline, redirect);
			}
			catch (DuplicateDeadlineException ex) {
				errors = Map.of("taxForm", "calendar.error.duplicate");
			}
		}
		model.addAttribute("problem", "resources.error.form");
		return showForm(null, form, errors, model);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable Long id, Model model) {
		FiscalDeadline deadline = load(id);
		return showForm(deadline, DeadlineForm.of(deadline), Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable Long id, @ModelAttribute("form") DeadlineForm form, Model model,
			RedirectAttributes redirect) {
		FiscalDeadline deadline = load(id);
		Map<String, String> errors = form.problems();
		if (errors.isEmpty()) {
			try {
				FiscalDeadline saved = this.changes.changeDeadline(id, form.toDraft());
				redirect.addFlashAttribute("notice", "calendar.saved");
				return backTo(saved, redirect);
			}
			catch (DuplicateDeadlineException ex) {
				errors = Map.of("taxForm", "calendar.error.duplicate");
			}
		}
		model.addAttribute("problem", "resources.error.form");
		return showForm(deadline, form, errors, model);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable Long id, RedirectAttributes redirect) {
		FiscalDeadline deleted = this.changes.deleteDeadline(id);
		redirect.addFlashAttribute("notice", "calendar.deleted");
		return backTo(deleted, redirect);
	}

	private FiscalDeadline load(Long id) {
		return this.resources.findDeadline(id).orElseThrow(() -> new ResourceNotFoundException("deadline", id));
	}

	private String showForm(@Nullable FiscalDeadline deadline, DeadlineForm form, Map<String, String> errors,
			Model model) {
		model.addAttribute("deadline", deadline);
		model.addAttribute("action", (deadline != null) ? "/calendar/" + deadline.getId() : "/calendar");
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("audiences", AppliesTo.values());
		return "calendar/form";
	}

	private static String backTo(FiscalDeadline deadline, RedirectAttributes redirect) {
		redirect.addAttribute("year", deadline.getDueDate().getYear());
		return "redirect:/calendar";
	}

}
