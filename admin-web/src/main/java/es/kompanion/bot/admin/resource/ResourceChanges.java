package es.kompanion.bot.admin.resource;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.admin.security.CurrentStaff;
import es.kompanion.bot.audit.AuditLog;
import es.kompanion.bot.resource.DeadlineDraft;
import es.kompanion.bot.resource.DeadlineImport;
import es.kompanion.bot.resource.FaqDraft;
import es.kompanion.bot.resource.FaqEntry;
import es.kompanion.bot.resource.FiscalDeadline;
import es.kompanion.bot.resource.LinkDraft;
import es.kompanion.bot.resource.ResourceLink;
import es.kompanion.bot.resource.ResourceNotFoundException;
import es.kompanion.bot.resource.Resources;

/**
 * Every change admins make to links, FAQ entries and the fiscal calendar, each stored
 * together with its audit entry or not at all.
 */
@Service
class ResourceChanges {

	private final Resources resources;

	private final AuditLog audit;

	private final CurrentStaff current;

	ResourceChanges(Resources resources, AuditLog audit, CurrentStaff current) {
		this.resources = resources;
		this.audit = audit;
		this.current = current;
	}

	@Transactional
	ResourceLink addLink(LinkDraft draft) {
		ResourceLink link = this.resources.addLink(draft);
		record("resource.created", "resource:" + link.getId(), describe(link));
		return link;
	}

	@Transactional
	ResourceLink changeLink(Long id, LinkDraft draft) {
		ResourceLink link = this.resources.changeLink(id, draft);
		record("resource.updated", "resource:" + id, describe(link));
		return link;
	}

	@Transactional
	ResourceLink deactivateLink(Long id) {
		ResourceLink link = this.resources.deactivateLink(id);
		record("resource.deactivated", "resource:" + id, describe(link));
		return link;
	}

	@Transactional
	ResourceLink activateLink(Long id) {
		ResourceLink link = this.resources.activateLink(id);
		record("resource.reactivated", "resource:" + id, describe(link));
		return link;
	}

	@Transactional
	FaqEntry addFaqEntry(FaqDraft draft) {
		FaqEntry entry = this.resources.addFaqEntry(draft);
		record("faq.created", "faq:" + entry.getId(), describe(entry));
		return entry;
	}

	@Transactional
	FaqEntry changeFaqEntry(Long id, FaqDraft draft) {
		FaqEntry entry = this.resources.changeFaqEntry(id, draft);
		record("faq.updated", "faq:" + id, describe(entry));
		return entry;
	}

	@Transactional
	FaqEntry moveFaqEntry(Long id, int position) {
		FaqEntry entry = this.resources.moveFaqEntry(id, position);
		record("faq.moved", "faq:" + id, describe(entry));
		return entry;
	}

	@Transactional
	FaqEntry deactivateFaqEntry(Long id) {
		FaqEntry entry = this.resources.deactivateFaqEntry(id);
		record("faq.deactivated", "faq:" + id, describe(entry));
		return entry;
	}

	@Transactional
	FaqEntry activateFaqEntry(Long id) {
		FaqEntry entry = this.resources.activateFaqEntry(id);
		record("faq.reactivated", "faq:" + id, describe(entry));
		return entry;
	}

	@Transactional
	FaqEntry deleteFaqEntry(Long id) {
		FaqEntry entry = this.resources.findFaqEntry(id)
			.orElseThrow(() -> new ResourceNotFoundException("FAQ entry", id));
		this.resources.deleteFaqEntry(id);
		record("faq.deleted", "faq:" + id, describe(entry));
		return entry;
	}

	@Transactional
	FiscalDeadline addDeadline(DeadlineDraft draft) {
		FiscalDeadline deadline = this.resources.addDeadline(draft);
		record("deadline.created", "deadline:" + deadline.getId(), describe(deadline));
		return deadline;
	}

	@Transactional
	FiscalDeadline changeDeadline(Long id, DeadlineDraft draft) {
		FiscalDeadline deadline = this.resources.changeDeadline(id, draft);
		record("deadline.updated", "deadline:" + id, describe(deadline));
		return deadline;
	}

	@Transactional
	FiscalDeadline deleteDeadline(Long id) {
		FiscalDeadline deadline = this.resources.findDeadline(id)
			.orElseThrow(() -> new ResourceNotFoundException("deadline", id));
		this.resources.deleteDeadline(id);
		record("deadline.deleted", "deadline:" + id, describe(deadline));
		return deadline;
	}

	/**
	 * Imports the valid rows of a calendar file and records one audit entry for the whole
	 * file.
	 */
	@Transactional
	List<DeadlineImport> importDeadlines(List<DeadlineDraft> drafts, int rowsWithErrors) {
		List<DeadlineImport> outcomes = this.resources.importDeadlines(drafts);
		long created = outcomes.stream().filter((o) -> o.result() == DeadlineImport.Result.CREATED).count();
		record("calendar.imported", "calendar:import", "importación CSV: " + created + " creados, "
				+ (outcomes.size() - created) + " duplicados, " + rowsWithErrors + " con errores");
		return outcomes;
	}

	private void record(String action, String target, String details) {
		this.audit.record(this.current.email(), action, target, details);
	}

	private static String describe(ResourceLink link) {
		return link.getKind() + " " + link.getUrl() + (link.isActive() ? "" : " (inactivo)");
	}

	private static String describe(FaqEntry entry) {
		return entry.getDepartment() + "/" + entry.getLanguage() + ", posición " + entry.getPosition()
				+ (entry.isActive() ? "" : " (inactiva)");
	}

	private static String describe(FiscalDeadline deadline) {
		return deadline.getDueDate() + " " + deadline.getTaxForm() + " (" + deadline.getAppliesTo() + ")";
	}

}
