package es.kompanion.bot.admin.audit;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import es.kompanion.bot.admin.web.Pages;
import es.kompanion.bot.audit.AuditEntry;
import es.kompanion.bot.audit.AuditLog;

/**
 * Admins read who changed what and when, newest first. Only admins reach this page (see
 * the security configuration).
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Page<EntryRow> entries = this.audit.recent(q, PageRequest.of(Pages.clamp(page), PAGE_SIZE)).map(EntryRow::of);
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("page", entries);
		return "audit/list";
	}

	/**
	 * An entry as the page shows it, with the time in Spain and a link to what it was
	 * done to when that has a page.
	 */
	record EntryRow(LocalDateTime occurredAt, String actor, String action, String target, @Nullable String link,
			@Nullable String details) {

		static EntryRow of(AuditEntry entry) {
			return new EntryRow(LocalDateTime.ofInstant(entry.getOccurredAt(), MADRID), entry.getActor(),
					entry.getAction(), entry.getTarget(), linkOf(entry.getTarget()), entry.getDetails());
		}

		private static @Nullable String linkOf(String target) {
			if (target.matches("client:\\d+")) {
				return "/clients/" + target.substring("client:".length());
			}
			if (target.matches("staff:\\d+")) {
				return "/staff/" + target.substring("staff:".length());
			}
			return null;
		}

	}

}
