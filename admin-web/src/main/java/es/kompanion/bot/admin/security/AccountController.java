package es.kompanion.bot.admin.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import es.kompanion.bot.audit.AuditLog;
import es.kompanion.bot.user.Staff;
import es.kompanion.bot.user.StaffRepository;

/**
 * A staff member changes their own password; required after a one-time password.
 */
@Controller
class AccountController {

	static final int MIN_LENGTH = 12;

	/** Twelve times the same letter is long but not a password. */
	static final int MIN_DISTINCT = 6;

	private final CurrentStaff current;

	private final StaffRepository staff;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final SessionStamp stamp;

	AccountController(CurrentStaff current, StaffRepository staff, PasswordEncoder passwords, AuditLog audit,
			SessionStamp stamp) {
		this.stamp = stamp;
		this.current = current;
		this.staff = staff;
		this.passwords = passwords;
		this.audit = audit;
	}

	@GetMapping("/account/password")
	String passwordForm(Model model) {
		model.addAttribute("required", this.current.get().isPasswordChangeRequired());
		model.addAttribute("minLength", MIN_LENGTH);
		return "account/password";
	}

	@PostMapping("/account/password")
	@Transactional
	String changePassword(@RequestParam String current, @RequestParam String password,
			@RequestParam String confirmation, Model model, RedirectAttributes redirect, HttpServletRequest request) {
		Staff member = this.current.get();
		String error = null;
		if (member.getPasswordHash() == null || !this.passwords.matches(current, member.getPasswordHash())) {
			error = "account.password.error.current";
		}
		else if (password.length() < MIN_LENGTH) {
			error = "account.password.error.short";
		}
		else if (password.chars().distinct().count() < MIN_DISTINCT) {
			error = "account.password.error.weak";
		}
		else if (!password.equals(confirmation)) {
			error = "account.password.error.mismatch";
		}
		else if (password.equals(current)) {
			error = "account.password.error.same";
		}
		if (error != null) {
			model.addAttribute("error", error);
			model.addAttribute("required", member.isPasswordChangeRequired());
			model.addAttribute("minLength", MIN_LENGTH);
			return "account/password";
		}
		member.usePassword(this.passwords.encode(password), false);
		this.staff.save(member);
		this.stamp.renew(request, member);
		this.audit.record(member.getEmail(), "staff.password-changed", "staff:" + member.getId(), null);
		redirect.addFlashAttribute("notice", "account.password.changed");
		return "redirect:/";
	}

}
