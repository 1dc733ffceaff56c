package es.kompanion.bot.survey;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.user.Department;

/**
 * One department's share of a satisfaction report.
 *
 * @param department the department
 * @param surveys how many of its surveys were answered in the period
 * @param averageRating their average rating, or {@code null} when there were none
 * @param times how fast its tickets opened in the period were answered and closed
 */
public record DepartmentSatisfaction(Department department, long surveys, @Nullable Double averageRating,
		TicketTimes times) {

}
