package es.kompanion.bot.resource;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The resources the bot hands out, on the real MariaDB: the seed data of a fresh install,
 * and the queries the bot will ask. Other runs may share the database, so each test looks
 * only at rows it made, told apart by a unique text or a far-away year.
 */
@SpringBootTest
class ResourcesIntegrationTests {

	@Autowired
	private Resources resources;

	@Test
	void freshInstallOffersBothAcademiesMarkedForReview() {
		List<ResourceLink> academy = this.resources.activeLinks(LinkKind.ACADEMY);
		List<ResourceLink> holded = this.resources.activeLinks(LinkKind.HOLDED_ACADEMY);

		assertThat(academy).anySatisfy((link) -> {
			assertThat(link.getUrl()).isEqualTo("https://kompanion.es/academy");
			assertThat(link.isNeedsReview()).isTrue();
			assertThat(link.title("es")).contains("Kompanion Academy");
		});
		assertThat(holded).anySatisfy((link) -> assertThat(link.getUrl()).startsWith("https://kompanion.es/"));
	}

	@Test
	void freshInstallHasFaqInBothLanguagesForEveryDepartment() {
		for (Department department : Department.values()) {
			assertThat(this.resources.faq(department, "es")).as("%s es", department).isNotEmpty();
			assertThat(this.resources.faq(department, "en")).as("%s en", department).isNotEmpty();
		}

		assertThat(this.resources.faqDepartments("es")).containsExactly(Department.values());
	}

	@Test
	void freshInstallKnowsThe2027QuarterlyVatDeadlines() {
		List<FiscalDeadline> vat = this.resources.deadlinesOf(2027)
			.stream()
			.filter((d) -> d.getTaxForm().equals("Modelo 303"))
			.toList();

		assertThat(vat).extracting(FiscalDeadline::getDueDate)
			.contains(LocalDate.of(2027, 4, 20), LocalDate.of(2027, 7, 20), LocalDate.of(2027, 10, 20));
		assertThat(this.resources.deadlines(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 1, 31)))
			.extracting(FiscalDeadline::getTaxForm)
			.contains("Modelo 303", "Modelo 390", "Modelo 130", "Modelo 111", "Modelo 115");
	}

	@Test
	void offersOnlyActiveLinksOfAKindInTheirOrder() {
		String tag = unique();
		ResourceLink second = this.resources.addLink(link(tag + " second", 20));
		ResourceLink first = this.resources.addLink(link(tag + " first", 10));
		ResourceLink hidden = this.resources.addLink(link(tag + " hidden", 5));

		this.resources.deactivateLink(hidden.getId());

		assertThat(this.resources.activeLinks(LinkKind.OTHER)).filteredOn((l) -> l.getTitleEs().startsWith(tag))
			.extracting(ResourceLink::getId)
			.containsExactly(first.getId(), second.getId());
		assertThat(this.resources.links()).extracting(ResourceLink::getId).contains(hidden.getId());
		assertThat(this.resources.activateLink(hidden.getId()).isActive()).isTrue();
	}

	@Test
	void savingALinkConfirmsItsAddress() {
		String tag = unique();
		ResourceLink link = this.resources.addLink(link(tag, 10));

		ResourceLink changed = this.resources.changeLink(link.getId(),
				new LinkDraft(LinkKind.ACADEMY, tag + " es", tag + " en", "https://academy.example.com/guias", 30));

		assertThat(changed.isNeedsReview()).isFalse();
		assertThat(this.resources.findLink(link.getId())).get().satisfies((l) -> {
			assertThat(l.getKind()).isEqualTo(LinkKind.ACADEMY);
			assertThat(l.getUrl()).isEqualTo("https://academy.example.com/guias");
			assertThat(l.title("en")).isEqualTo(tag + " en");
			assertThat(l.getPosition()).isEqualTo(30);
		});
	}

	@Test
	void listsTheActiveFaqOfADepartmentAndLanguageByPosition() {
		String tag = unique();
		FaqEntry third = this.resources.addFaqEntry(faq(tag + " third", Department.LABOUR, "en", 30));
		FaqEntry first = this.resources.addFaqEntry(faq(tag + " first", Department.LABOUR, "en", 10));
		FaqEntry hidden = this.resources.addFaqEntry(faq(tag + " hidden", Department.LABOUR, "en", 20));
		FaqEntry spanish = this.resources.addFaqEntry(faq(tag + " spanish", Department.LABOUR, "es", 1));
		FaqEntry other = this.resources.addFaqEntry(faq(tag + " other", Department.INTEGRATIONS, "en", 1));

		this.resources.deactivateFaqEntry(hidden.getId());
		this.resources.moveFaqEntry(third.getId(), 15);

		assertThat(this.resources.faq(Department.LABOUR, "en")).filteredOn((f) -> f.getQuestion().startsWith(tag))
			.extracting(FaqEntry::getId)
			.containsExactly(first.getId(), third.getId());
		assertThat(this.resources.faqEntries(Department.LABOUR, "en")).extracting(FaqEntry::getId)
			.contains(hidden.getId())
			.doesNotContain(spanish.getId(), other.getId());
		assertThat(this.resources.faqEntries(null, null)).extracting(FaqEntry::getId)
			.contains(first.getId(), hidden.getId(), spanish.getId(), other.getId());
		assertThat(this.resources.findActiveFaqEntry(hidden.getId())).isEmpty();
		assertThat(this.resources.findActiveFaqEntry(first.getId())).isPresent();
	}

	@Test
	void deletesAFaqEntry() {
		FaqEntry entry = this.resources.addFaqEntry(faq(unique(), Department.OTHER, "es", 1));

		this.resources.deleteFaqEntry(entry.getId());

		assertThat(this.resources.findFaqEntry(entry.getId())).isEmpty();
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.resources.deleteFaqEntry(entry.getId()));
	}

	@Test
	void findsTheDeadlinesBetweenTwoDatesForAKindOfClient() {
		int year = farYear();
		String tag = unique();
		FiscalDeadline forAll = deadline(LocalDate.of(year, 4, 20), tag + " 303", AppliesTo.ALL);
		FiscalDeadline selfEmployed = deadline(LocalDate.of(year, 4, 20), tag + " 130", AppliesTo.SELF_EMPLOYED);
		FiscalDeadline companies = deadline(LocalDate.of(year, 4, 25), tag + " 202", AppliesTo.COMPANIES);
		FiscalDeadline later = deadline(LocalDate.of(year, 7, 20), tag + " 303", AppliesTo.ALL);

		List<FiscalDeadline> april = this.resources.deadlines(LocalDate.of(year, 4, 1), LocalDate.of(year, 4, 30));
		List<FiscalDeadline> aprilForSelfEmployed = this.resources.deadlines(LocalDate.of(year, 4, 1),
				LocalDate.of(year, 4, 30), AppliesTo.SELF_EMPLOYED);

		assertThat(april).filteredOn((d) -> d.getTaxForm().startsWith(tag))
			.extracting(FiscalDeadline::getId)
			.containsExactly(selfEmployed.getId(), forAll.getId(), companies.getId());
		assertThat(aprilForSelfEmployed).filteredOn((d) -> d.getTaxForm().startsWith(tag))
			.extracting(FiscalDeadline::getId)
			.containsExactly(selfEmployed.getId(), forAll.getId());
		assertThat(this.resources.deadlinesOf(year)).extracting(FiscalDeadline::getId).contains(later.getId());
		assertThat(this.resources.calendarYears()).contains(2027, year);
	}

	@Test
	void refusesASecondEntryOfTheSameFormOnTheSameDay() {
		LocalDate day = LocalDate.of(farYear(), 10, 20);
		String form = unique() + " Modelo 303";
		FiscalDeadline existing = deadline(day, form, AppliesTo.ALL);
		FiscalDeadline other = deadline(day.plusDays(1), form, AppliesTo.ALL);

		assertThatExceptionOfType(DuplicateDeadlineException.class).isThrownBy(() -> this.resources
			.addDeadline(new DeadlineDraft(day, form.toUpperCase(Locale.ROOT), "IVA", null, AppliesTo.ALL)));
		assertThatExceptionOfType(DuplicateDeadlineException.class).isThrownBy(() -> this.resources
			.changeDeadline(other.getId(), new DeadlineDraft(day, form, "IVA", null, AppliesTo.ALL)));
		assertThat(this.resources
			.changeDeadline(existing.getId(),
					new DeadlineDraft(day, form, "IVA del trimestre", "Quarterly VAT", AppliesTo.ALL))
			.title("en")).isEqualTo("Quarterly VAT");
	}

	@Test
	void importsACalendarSkippingWhatItAlreadyHas() {
		int year = farYear();
		String tag = unique();
		deadline(LocalDate.of(year, 1, 30), tag + " 390", AppliesTo.ALL);
		List<DeadlineDraft> drafts = List.of(
				new DeadlineDraft(LocalDate.of(year, 1, 20), tag + " 111", "Retenciones", null, AppliesTo.EMPLOYERS),
				new DeadlineDraft(LocalDate.of(year, 1, 30), tag + "   390", "Resumen IVA", null, AppliesTo.ALL),
				new DeadlineDraft(LocalDate.of(year, 1, 30), tag + " 303", "IVA", "VAT", AppliesTo.ALL),
				new DeadlineDraft(LocalDate.of(year, 1, 30), tag + " 303", "IVA otra vez", null, AppliesTo.ALL));

		List<DeadlineImport> outcomes = this.resources.importDeadlines(drafts);

		assertThat(outcomes).extracting(DeadlineImport::result)
			.containsExactly(DeadlineImport.Result.CREATED, DeadlineImport.Result.DUPLICATE,
					DeadlineImport.Result.CREATED, DeadlineImport.Result.DUPLICATE);
		assertThat(this.resources.deadlinesOf(year)).filteredOn((d) -> d.getTaxForm().startsWith(tag))
			.extracting(FiscalDeadline::getTaxForm, FiscalDeadline::getTitleEs)
			.containsExactlyInAnyOrder(tuple(tag + " 111", "Retenciones"), tuple(tag + " 390", "Plazo"),
					tuple(tag + " 303", "IVA"));
	}

	private FiscalDeadline deadline(LocalDate day, String form, AppliesTo appliesTo) {
		return this.resources.addDeadline(new DeadlineDraft(day, form, "Plazo", null, appliesTo));
	}

	private static LinkDraft link(String title, int position) {
		return new LinkDraft(LinkKind.OTHER, title, title, "https://example.com/" + position, position);
	}

	private static FaqDraft faq(String question, Department department, String language, int position) {
		return new FaqDraft(department, language, question, "Respuesta a " + question, position);
	}

	private static int farYear() {
		return ThreadLocalRandom.current().nextInt(2200, 9000);
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
