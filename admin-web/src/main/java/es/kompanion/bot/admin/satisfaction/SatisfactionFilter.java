package es.kompanion.bot.admin.satisfaction;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.survey.SatisfactionQuery;
import es.kompanion.bot.user.Department;

/**
 * The filters of the satisfaction page as the browser sends them, made safe: a missing or
 * unreadable date falls back to the last twelve months, and a period is at most five
 * years long.
 *
 * @param from the first day
 * @param to the last day
 * @param department one department, or all when {@code null}
 * @param problem the message code explaining why the filters were not taken as sent
 */
record SatisfactionFilter(LocalDate from, LocalDate to, @Nullable Department department, @Nullable String problem) {

	static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	static final int MAX_YEARS = 5;

	static SatisfactionFilter parse(@Nullable String from, @Nullable String to, @Nullable String department,
			LocalDate today) {
		SatisfactionQuery standard = SatisfactionQuery.lastTwelveMonths(today, null, MADRID);
		Department chosen = department(department);
		LocalDate start = date(from);
		LocalDate end = date(to);
		boolean unreadable = (start == null && hasText(from)) || (end == null && hasText(to));
		LocalDate first = (start != null) ? start : standard.from();
		LocalDate last = (end != null) ? end : today;
		if (unreadable || last.isBefore(first) || first.plusYears(MAX_YEARS).isBefore(last)) {
			return new SatisfactionFilter(standard.from(), standard.to(), chosen, "satisfaction.error.period");
		}
		return new SatisfactionFilter(first, last, chosen, null);
	}

	SatisfactionQuery query() {
		return new SatisfactionQuery(this.from, this.to, this.department, MADRID);
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (!hasText(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable Department department(@Nullable String text) {
		if (!hasText(text)) {
			return null;
		}
		try {
			return Department.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

}
