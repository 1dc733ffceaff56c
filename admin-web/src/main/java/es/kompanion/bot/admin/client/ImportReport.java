package es.kompanion.bot.admin.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a CSV import did: either the whole file was refused, with the reason, or each row
 * was created, updated or left out with its problems.
 *
 * @param refusal the message code when the file as a whole could not be read
 * @param refusalArgument the value the refusal message names, such as a line number
 */
record ImportReport(@Nullable String refusal, @Nullable Object refusalArgument, List<Row> rows) {

	static ImportReport refused(String code) {
		return new ImportReport(code, null, List.of());
	}

	static ImportReport refused(String code, Object argument) {
		return new ImportReport(code, argument, List.of());
	}

	static ImportReport of(List<Row> rows) {
		return new ImportReport(null, null, List.copyOf(rows));
	}

	public long createdCount() {
		return count(Outcome.CREATED);
	}

	public long updatedCount() {
		return count(Outcome.UPDATED);
	}

	public long errorCount() {
		return count(Outcome.ERROR);
	}

	private long count(Outcome outcome) {
		return this.rows.stream().filter((row) -> row.outcome() == outcome).count();
	}

	enum Outcome {

		CREATED, UPDATED, ERROR

	}

	/**
	 * One row of the file.
	 *
	 * @param number the row number a spreadsheet shows, the header being row 1
	 */
	record Row(int number, String email, Outcome outcome, List<Problem> problems) {

	}

	/**
	 * Why a row was left out.
	 *
	 * @param field the form field the problem is in, if any
	 * @param code the message code
	 * @param argument the value the message names, if any
	 */
	record Problem(@Nullable String field, String code, @Nullable Object argument) {

		Problem(@Nullable String field, String code) {
			this(field, code, null);
		}

	}

}
