package es.kompanion.bot.admin.satisfaction;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.survey.SurveyLine;
import es.kompanion.bot.user.Department;

/**
 * Writes surveys as CSV that Spanish Excel opens as it is: a byte order mark so it reads
 * UTF-8, semicolons between fields, decimal commas. A cell that starts like a formula
 * ({@code = + - @}, tab or carriage return) gets a leading apostrophe, so a client's
 * comment can never run as one.
 */
final class SurveyCsv {

	static final char SEPARATOR = ';';

	private static final DateTimeFormatter ANSWERED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(SatisfactionFilter.MADRID);

	private SurveyCsv() {
	}

	/**
	 * @param header the column titles, in the reader's language
	 * @param departments the label of each department, in the reader's language
	 */
	static void write(List<SurveyLine> lines, List<String> header, Function<Department, String> departments, Writer out)
			throws IOException {
		out.write('\uFEFF');
		row(out, header);
		for (SurveyLine line : lines) {
			row(out, List.of(Long.toString(line.ticketNumber()), departments.apply(line.department()),
					text(line.company()), Integer.toString(line.rating()), text(line.comment()),
					ANSWERED_AT.format(line.answeredAt()), minutes(line.firstResponse()), hours(line.resolution())));
		}
		out.flush();
	}

	/**
	 * One cell as written to the file: defused if it looks like a formula, quoted if it
	 * holds a separator, a quote or a line break.
	 */
	static String cell(String value) {
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.indexOf(SEPARATOR) >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
				|| safe.indexOf('\r') >= 0) {
			return '"' + safe.replace("\"", "\"\"") + '"';
		}
		return safe;
	}

	private static void row(Writer out, List<String> values) throws IOException {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.write(SEPARATOR);
			}
			out.write(cell(values.get(i)));
		}
		out.write("\r\n");
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static String minutes(@Nullable Duration duration) {
		return (duration != null) ? Long.toString(Math.round(duration.toMillis() / 60_000.0)) : "";
	}

	private static String hours(@Nullable Duration duration) {
		if (duration == null) {
			return "";
		}
		return BigDecimal.valueOf(duration.toMillis() / 3_600_000.0)
			.setScale(1, RoundingMode.HALF_UP)
			.toPlainString()
			.replace('.', ',');
	}

}
