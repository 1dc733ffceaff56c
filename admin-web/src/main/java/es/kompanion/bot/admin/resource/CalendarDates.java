package es.kompanion.bot.admin.resource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.jspecify.annotations.Nullable;

/**
 * Dates as people type them in the calendar: {@code 2027-04-20} or {@code 20/04/2027}.
 * Impossible dates such as 31 April are refused, not rolled over.
 */
final class CalendarDates {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter SPANISH = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private CalendarDates() {
	}

	static @Nullable LocalDate parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		try {
			return LocalDate.parse(value, value.contains("/") ? SPANISH : ISO);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
