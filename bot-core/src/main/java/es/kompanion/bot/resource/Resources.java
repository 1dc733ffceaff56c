package es.kompanion.bot.resource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.user.Department;

/**
 * The links, FAQ entries and fiscal deadlines the bot hands out: what staff change in the
 * admin web, and what the bot asks for.
 */
@Service
public class Resources {

	private static final Logger log = LoggerFactory.getLogger(Resources.class);

	private final ResourceLinkRepository links;

	private final FaqEntryRepository faq;

	private final FiscalDeadlineRepository deadlines;

	Resources(ResourceLinkRepository links, FaqEntryRepository faq, FiscalDeadlineRepository deadlines) {
		this.links = links;
		this.faq = faq;
		this.deadlines = deadlines;
	}

	/**
	 * Every link, active or not, in the order the bot shows them.
	 */
	@Transactional(readOnly = true)
	public List<ResourceLink> links() {
		return this.links.findAllByOrderByPositionAscIdAsc();
	}

	/**
	 * The links the bot offers, in order.
	 */
	@Transactional(readOnly = true)
	public List<ResourceLink> activeLinks() {
		return this.links.findByActiveTrueOrderByPositionAscIdAsc();
	}

	/**
	 * The links of one kind the bot offers, such as Kompanion Academy, in order.
	 */
	@Transactional(readOnly = true)
	public List<ResourceLink> activeLinks(LinkKind kind) {
		return this.links.findByKindAndActiveTrueOrderByPositionAscIdAsc(kind);
	}

	@Transactional(readOnly = true)
	public Optional<ResourceLink> findLink(Long id) {
		return this.links.findById(id);
	}

	@Transactional
	public ResourceLink addLink(LinkDraft draft) {
		ResourceLink link = this.links.save(new ResourceLink(draft));
		log.info("Resource link {} added", link.getId());
		return link;
	}

	/**
	 * Replaces what the link says; saving it also marks a seeded address as reviewed.
	 * @throws ResourceNotFoundException if there is no such link
	 */
	@Transactional
	public ResourceLink changeLink(Long id, LinkDraft draft) {
		ResourceLink link = link(id);
		link.describe(draft);
		return link;
	}

	/**
	 * Stops offering the link; it stays listed for admins to turn on again.
	 * @throws ResourceNotFoundException if there is no such link
	 */
	@Transactional
	public ResourceLink deactivateLink(Long id) {
		ResourceLink link = link(id);
		link.deactivate();
		return link;
	}

	/**
	 * @throws ResourceNotFoundException if there is no such link
	 */
	@Transactional
	public ResourceLink activateLink(Long id) {
		ResourceLink link = link(id);
		link.activate();
		return link;
	}

	/**
	 * The active FAQ entries of a department in one language, in the order the bot shows
	 * them.
	 */
	@Transactional(readOnly = true)
	public List<FaqEntry> faq(Department department, String language) {
		return this.faq.findByDepartmentAndLanguageAndActiveTrueOrderByPositionAscIdAsc(department, language);
	}

	/**
	 * The departments that have at least one active FAQ entry in the language, in the
	 * order of {@link Department}, so the bot offers no empty section.
	 */
	@Transactional(readOnly = true)
	public List<Department> faqDepartments(String language) {
		return this.faq.findDepartmentsWithActiveEntries(language).stream().sorted(Comparator.naturalOrder()).toList();
	}

	/**
	 * One active FAQ entry, for a client who picked it from a list.
	 */
	@Transactional(readOnly = true)
	public Optional<FaqEntry> findActiveFaqEntry(Long id) {
		return this.faq.findById(id).filter(FaqEntry::isActive);
	}

	/**
	 * FAQ entries for the admin web, active or not, optionally of one department and one
	 * language, ordered by department, language and position.
	 */
	@Transactional(readOnly = true)
	public List<FaqEntry> faqEntries(@Nullable Department department, @Nullable String language) {
		return this.faq.findForAdmin(department, language);
	}

	@Transactional(readOnly = true)
	public Optional<FaqEntry> findFaqEntry(Long id) {
		return this.faq.findById(id);
	}

	@Transactional
	public FaqEntry addFaqEntry(FaqDraft draft) {
		FaqEntry entry = this.faq.save(new FaqEntry(draft));
		log.info("FAQ entry {} added", entry.getId());
		return entry;
	}

	/**
	 * @throws ResourceNotFoundException if there is no such entry
	 */
	@Transactional
	public FaqEntry changeFaqEntry(Long id, FaqDraft draft) {
		FaqEntry entry = faqEntry(id);
		entry.describe(draft);
		return entry;
	}

	/**
	 * Gives the entry a new place among those of its department and language.
	 * @throws ResourceNotFoundException if there is no such entry
	 * @throws IllegalArgumentException if the position is outside 0 to
	 * {@link Limits#MAX_POSITION}
	 */
	@Transactional
	public FaqEntry moveFaqEntry(Long id, int position) {
		FaqEntry entry = faqEntry(id);
		entry.moveTo(position);
		return entry;
	}

	/**
	 * @throws ResourceNotFoundException if there is no such entry
	 */
	@Transactional
	public FaqEntry deactivateFaqEntry(Long id) {
		FaqEntry entry = faqEntry(id);
		entry.deactivate();
		return entry;
	}

	/**
	 * @throws ResourceNotFoundException if there is no such entry
	 */
	@Transactional
	public FaqEntry activateFaqEntry(Long id) {
		FaqEntry entry = faqEntry(id);
		entry.activate();
		return entry;
	}

	/**
	 * @throws ResourceNotFoundException if there is no such entry
	 */
	@Transactional
	public void deleteFaqEntry(Long id) {
		this.faq.delete(faqEntry(id));
		log.info("FAQ entry {} deleted", id);
	}

	/**
	 * The deadlines from one day to another, both included, by date.
	 */
	@Transactional(readOnly = true)
	public List<FiscalDeadline> deadlines(LocalDate from, LocalDate to) {
		return this.deadlines.findByDueDateBetweenOrderByDueDateAscTaxFormAscIdAsc(from, to);
	}

	/**
	 * The deadlines from one day to another, both included, that concern a kind of
	 * client: those for everybody and those for that kind. Asking for
	 * {@link AppliesTo#ALL} gives only the deadlines for everybody; for a client of
	 * unknown kind use {@link #deadlines(LocalDate, LocalDate)}.
	 */
	@Transactional(readOnly = true)
	public List<FiscalDeadline> deadlines(LocalDate from, LocalDate to, AppliesTo client) {
		return deadlines(from, to).stream().filter((d) -> d.getAppliesTo().includes(client)).toList();
	}

	/**
	 * The deadlines of one calendar year, by date.
	 */
	@Transactional(readOnly = true)
	public List<FiscalDeadline> deadlinesOf(int year) {
		return deadlines(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/**
	 * The years that have at least one deadline, oldest first, for a year picker.
	 */
	@Transactional(readOnly = true)
	public List<Integer> calendarYears() {
		return this.deadlines.findYears();
	}

	@Transactional(readOnly = true)
	public Optional<FiscalDeadline> findDeadline(Long id) {
		return this.deadlines.findById(id);
	}

	/**
	 * @throws DuplicateDeadlineException if the calendar has that form on that day
	 */
	@Transactional
	public FiscalDeadline addDeadline(DeadlineDraft draft) {
		if (isTaken(draft, null)) {
			throw new DuplicateDeadlineException(draft.dueDate(), draft.taxForm());
		}
		FiscalDeadline deadline = this.deadlines.save(new FiscalDeadline(draft));
		log.info("Fiscal deadline {} added", deadline.getId());
		return deadline;
	}

	/**
	 * @throws ResourceNotFoundException if there is no such deadline
	 * @throws DuplicateDeadlineException if another entry has that form on that day
	 */
	@Transactional
	public FiscalDeadline changeDeadline(Long id, DeadlineDraft draft) {
		FiscalDeadline deadline = deadline(id);
		if (isTaken(draft, id)) {
			throw new DuplicateDeadlineException(draft.dueDate(), draft.taxForm());
		}
		deadline.describe(draft);
		return deadline;
	}

	/**
	 * @throws ResourceNotFoundException if there is no such deadline
	 */
	@Transactional
	public void deleteDeadline(Long id) {
		this.deadlines.delete(deadline(id));
		log.info("Fiscal deadline {} deleted", id);
	}

	/**
	 * Adds a batch of deadlines, such as a year's calendar, in one transaction. A
	 * deadline whose form the calendar already has on that day, or that repeats an
	 * earlier one of the batch, is skipped.
	 * @return one outcome per draft, in the same order
	 */
	@Transactional
	public List<DeadlineImport> importDeadlines(List<DeadlineDraft> drafts) {
		Set<String> taken = new HashSet<>();
		if (!drafts.isEmpty()) {
			LocalDate from = drafts.stream().map(DeadlineDraft::dueDate).min(Comparator.naturalOrder()).orElseThrow();
			LocalDate to = drafts.stream().map(DeadlineDraft::dueDate).max(Comparator.naturalOrder()).orElseThrow();
			deadlines(from, to).forEach((d) -> taken.add(key(d.getDueDate(), d.getTaxForm())));
		}
		List<DeadlineImport> outcomes = new ArrayList<>(drafts.size());
		int created = 0;
		for (DeadlineDraft draft : drafts) {
			if (!taken.add(key(draft.dueDate(), draft.taxForm()))) {
				outcomes.add(new DeadlineImport(draft, DeadlineImport.Result.DUPLICATE, null));
				continue;
			}
			FiscalDeadline deadline = this.deadlines.save(new FiscalDeadline(draft));
			outcomes.add(new DeadlineImport(draft, DeadlineImport.Result.CREATED, deadline.getId()));
			created++;
		}
		log.info("Fiscal calendar import: {} added, {} skipped as duplicates", created, drafts.size() - created);
		return outcomes;
	}

	private boolean isTaken(DeadlineDraft draft, @Nullable Long except) {
		return deadlines(draft.dueDate(), draft.dueDate()).stream()
			.anyMatch((d) -> !d.getId().equals(except) && d.isSameAs(draft.dueDate(), draft.taxForm()));
	}

	private static String key(LocalDate dueDate, String taxForm) {
		return dueDate + "|" + taxForm.toLowerCase(Locale.ROOT);
	}

	private ResourceLink link(Long id) {
		return this.links.findById(id).orElseThrow(() -> new ResourceNotFoundException("link", id));
	}

	private FaqEntry faqEntry(Long id) {
		return this.faq.findById(id).orElseThrow(() -> new ResourceNotFoundException("FAQ entry", id));
	}

	private FiscalDeadline deadline(Long id) {
		return this.deadlines.findById(id).orElseThrow(() -> new ResourceNotFoundException("deadline", id));
	}

}
