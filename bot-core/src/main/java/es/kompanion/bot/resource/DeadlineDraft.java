package es.kompanion.bot.resource;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What staff fill in, or a calendar file holds, for a fiscal deadline.
 *
 * @param dueDate the last day to file
 * @param taxForm the form, such as {@code Modelo 303}; spaces are normalized
 * @param titleEs what is filed, in Spanish
 * @param titleEn what is filed, in English; empty means the Spanish title is shown
 * @param appliesTo who it concerns
 * @throws IllegalArgumentException if a value breaks the {@link Limits}
 */
public record DeadlineDraft(LocalDate dueDate, String taxForm, String titleEs, @Nullable String titleEn,
		AppliesTo appliesTo) {

	public DeadlineDraft {
		taxForm = Limits.normalizeTaxForm(Limits.text(taxForm, Limits.TAX_FORM_LENGTH, "taxForm"));
		titleEs = Limits.text(titleEs, Limits.TITLE_LENGTH, "titleEs");
		titleEn = Limits.optionalText(titleEn, Limits.TITLE_LENGTH, "titleEn");
	}

}
