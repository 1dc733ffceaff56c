package es.kompanion.bot.survey;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How satisfied clients were in a period: ratings of the surveys answered in it, and the
 * response and resolution times of the tickets opened in it.
 *
 * @param query what the report covers
 * @param surveys how many surveys were answered
 * @param averageRating their average rating, or {@code null} when there were none
 * @param distribution how many surveys gave each rating, from 1 to 5
 * @param byDepartment each department covered, in the order of
 * {@link es.kompanion.bot.user.Department}
 * @param byMonth every month of the period, oldest first, empty ones included
 * @param times response and resolution times over all departments covered
 */
public record SatisfactionReport(SatisfactionQuery query, long surveys, @Nullable Double averageRating,
		List<RatingCount> distribution, List<DepartmentSatisfaction> byDepartment, List<MonthlySatisfaction> byMonth,
		TicketTimes times) {

}
