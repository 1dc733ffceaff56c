package es.kompanion.bot.admin.resource;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.resource.AppliesTo;
import es.kompanion.bot.resource.DeadlineDraft;
import es.kompanion.bot.resource.FiscalDeadline;
import es.kompanion.bot.resource.Limits;

/**
 * A fiscal deadline as the form sends it: raw text, checked by {@link #problems()} before
 * anything is saved. Dates come as {@code yyyy-MM-dd}, as date inputs send them, or as
 * {@code dd/MM/yyyy}.
 */
record DeadlineForm(@Nullable String dueDate, @Nullable String taxForm, @Nullable String titleEs,
		@Nullable String titleEn, @Nullable String appliesTo) {

	static DeadlineForm empty() {
		return new DeadlineForm("", "", "", "", AppliesTo.ALL.name());
	}

	static DeadlineForm of(FiscalDeadline deadline) {
		return new DeadlineForm(deadline.getDueDate().toString(), deadline.getTaxForm(), deadline.getTitleEs(),
				deadline.getTitleEn(), deadline.getAppliesTo().name());
	}

	/**
	 * Field name to message code, in the form's order; empty when the deadline can be
	 * saved.
	 */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (CalendarDates.parse(this.dueDate) == null) {
			problems.put("dueDate", "calendar.error.date");
		}
		FormChecks.requiredText(problems, "taxForm", this.taxForm, Limits.TAX_FORM_LENGTH);
		FormChecks.requiredText(problems, "titleEs", this.titleEs, Limits.TITLE_LENGTH);
		FormChecks.optionalText(problems, "titleEn", this.titleEn, Limits.TITLE_LENGTH);
		if (FormChecks.parseEnum(AppliesTo.class, this.appliesTo) == null) {
			problems.put("appliesTo", "resources.error.choice");
		}
		return problems;
	}

	/**
	 * The deadline to save; call only when {@link #problems()} is empty.
	 */
	DeadlineDraft toDraft() {
		LocalDate date = Objects.requireNonNull(CalendarDates.parse(this.dueDate));
		return new DeadlineDraft(date, FormChecks.text(this.taxForm), FormChecks.text(this.titleEs), this.titleEn,
				Objects.requireNonNull(FormChecks.parseEnum(AppliesTo.class, this.appliesTo)));
	}

}
