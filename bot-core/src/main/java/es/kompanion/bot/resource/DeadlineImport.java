package es.kompanion.bot.resource;

import org.jspecify.annotations.Nullable;

/**
 * What became of one deadline handed to {@link Resources#importDeadlines}.
 *
 * @param draft the deadline as given
 * @param result whether it was stored
 * @param id the stored deadline, or {@code null} for a duplicate
 */
public record DeadlineImport(DeadlineDraft draft, Result result, @Nullable Long id) {

	public enum Result {

		/** Stored as a new deadline. */
		CREATED,
		/**
		 * Skipped: the calendar, or an earlier one in the same batch, has that form on
		 * that day.
		 */
		DUPLICATE

	}

}
