package es.kompanion.bot.resource;

import java.time.LocalDate;

/**
 * The fiscal calendar already has that tax form on that date.
 */
public class DuplicateDeadlineException extends RuntimeException {

	public DuplicateDeadlineException(LocalDate dueDate, String taxForm) {
		super("Deadline " + taxForm + " on " + dueDate + " exists");
	}

}
