package es.kompanion.bot.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import es.kompanion.bot.user.Department;

/**
 * Which surveys and tickets a satisfaction report covers: the days from one date to
 * another, both included, in the firm's time zone, optionally of one department.
 *
 * @param from the first day
 * @param to the last day, not before {@code from}
 * @param department only this department, or all of them when {@code null}
 * @param zone where the days begin and end, such as Europe/Madrid
 */
public record SatisfactionQuery(LocalDate from, LocalDate to, @Nullable Department department, ZoneId zone) {

	public SatisfactionQuery {
		Assert.isTrue(!to.isBefore(from), "to must not be before from");
	}

	/**
	 * The current month and the eleven before it, up to today.
	 */
	public static SatisfactionQuery lastTwelveMonths(LocalDate today, @Nullable Department department, ZoneId zone) {
		return new SatisfactionQuery(today.withDayOfMonth(1).minusMonths(11), today, department, zone);
	}

	/**
	 * The first instant covered.
	 */
	public Instant start() {
		return this.from.atStartOfDay(this.zone).toInstant();
	}

	/**
	 * The first instant after the covered days.
	 */
	public Instant end() {
		return this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	/**
	 * Every month the days touch, oldest first.
	 */
	public List<YearMonth> months() {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth month = YearMonth.from(this.from); !month.isAfter(YearMonth.from(this.to)); month = month
			.plusMonths(1)) {
			months.add(month);
		}
		return months;
	}

}
