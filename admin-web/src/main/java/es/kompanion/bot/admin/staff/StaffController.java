package es.kompanion.bot.admin.staff;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import es.kompanion.bot.user.Department;
import es.kompanion.bot.user.EmailInUseException;
import es.kompanion.bot.user.SlackUserInUseException;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffChangeRefusedException;
import es.kompanion.bot.user.StaffMembers;
import es.kompanion.bot.user.StaffNotFoundException;
import es.kompanion.bot.user.StaffRole;

/**
 * Admins register staff, change their role, departments and Slack user, and set temporary
 * passwords. Only admins reach these pages (see the security configuration).
 */
@Controller
@RequestMapping("/staff")
class StaffController {

	private final StaffMembers staff;

	private final StaffChanges changes;

	StaffController(StaffMembers staff, StaffChanges changes) {
		this.staff = staff;
		this.changes = changes;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("members", this.staff.all());
		return "staff/list";
	}

	@GetMapping("/new")
	String newMember(Model model) {
		return showForm(null, StaffForm.empty(), Map.of(), model);
	}

	@PostMapping
	String create(@ModelAttribute("form") StaffForm form, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = form.problems();
		if (errors.isEmpty()) {
			try {
				Staff member = this.changes.add(form.toDetails());
				redirect.addFlashAttribute("notice", "staff.created");
				return "redirect:/staff/" + member.getId();
			}
			catch (EmailInUseException ex) {
				errors = Map.of("email", "staff.error.email.taken");
			}
			catch (SlackUserInUseException ex) {
				errors = Map.of("slackUserId", "staff.error.slack.taken");
			}
			catch (DataIntegrityViolationException ex) {
				errors = Map.of("email", "staff.error.taken");
			}
		}
		model.addAttribute("problem", "staff.error.form");
		return showForm(null, form, errors, model);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable Long id, Model model) {
		Staff member = load(id);
		return showForm(member, StaffForm.of(member), Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable Long id, @ModelAttribute("form") StaffForm form, Model model,
			RedirectAttributes redirect) {
		Staff member = load(id);
		Map<String, String> errors = form.problems();
		String problem = "staff.error.form";
		if (errors.isEmpty()) {
			try {
				this.changes.change(id, form.toDetails());
				redirect.addFlashAttribute("notice", "staff.saved");
				return "redirect:/staff/" + id;
			}
			catch (EmailInUseException ex) {
				errors = Map.of("email", "staff.error.email.taken");
			}
			catch (SlackUserInUseException ex) {
				errors = Map.of("slackUserId", "staff.error.slack.taken");
			}
			catch (DataIntegrityViolationException ex) {
				errors = Map.of("email", "staff.error.taken");
			}
			catch (StaffChangeRefusedException ex) {
				problem = (ex.getReason() == StaffChangeRefusedException.Reason.SELF) ? "staff.error.self"
						: "staff.error.last-admin";
			}
		}
		model.addAttribute("problem", problem);
		return showForm(member, form, errors, model);
	}

	/**
	 * Sets a one-time password and shows it once, on the page the browser is sent back
	 * to.
	 */
	@PostMapping("/{id}/temporary-password")
	String temporaryPassword(@PathVariable Long id, RedirectAttributes redirect) {
		load(id);
		redirect.addFlashAttribute("temporaryPassword", this.changes.issueTemporaryPassword(id));
		redirect.addFlashAttribute("notice", "staff.password.issued");
		return "redirect:/staff/" + id;
	}

	@ExceptionHandler(StaffNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", HttpStatus.NOT_FOUND.value());
		return "error";
	}

	private String showForm(@Nullable Staff member, StaffForm form, Map<String, String> errors, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("departments", List.of(Department.values()));
		return "staff/form";
	}

	private Staff load(Long id) {
		return this.staff.find(id).orElseThrow(() -> new StaffNotFoundException(id));
	}

}
