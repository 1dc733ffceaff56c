package es.kompanion.bot.admin.resource;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a calendar import did: either the whole file was refused, with the reason, or each
 * row was created, skipped as a duplicate, or left out with its problems.
 *
 * @param refusal the message code when the file as a whole could not be used
 * @param refusalArgument the value the refusal message names, such as a line number
 * @param rows one entry per row of the file, in its order
 */
record CalendarImportReport(@Nullable String refusal, @Nullable Object refusalArgument, List<Row> rows) {

	static CalendarImportReport refused(String code, @Nullable Object argument) {
		return new CalendarImportReport(code, argument, List.of());
	}

	static CalendarImportReport of(List<Row> rows) {
		return new CalendarImportReport(null, null, List.copyOf(rows));
	}

	public long createdCount() {
		return count(Outcome.CREATED);
	}

	public long duplicateCount() {
		return count(Outcome.DUPLICATE);
	}

	public long errorCount() {
		return count(Outcome.ERROR);
	}

	private long count(Outcome outcome) {
		return this.rows.stream().filter((row) -> row.outcome() == outcome).count();
	}

	enum Outcome {

		CREATED, DUPLICATE, ERROR

	}

	/**
	 * One row of the file.
	 *
	 * @param line the line a spreadsheet shows, the header being line 1
	 * @param date the date as written
	 * @param taxForm the form as written
	 * @param outcome what became of it
	 * @param problems why it was left out; empty unless the outcome is an error
	 */
	record Row(int line, String date, String taxForm, Outcome outcome, List<Problem> problems) {

	}

	/**
	 * Why a row was left out.
	 *
	 * @param code the message code
	 * @param argument the value the message names, if any
	 */
	record Problem(String code, @Nullable Object argument) {

	}

}
