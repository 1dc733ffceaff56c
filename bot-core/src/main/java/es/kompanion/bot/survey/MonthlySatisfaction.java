package es.kompanion.bot.survey;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * The surveys answered in one month.
 *
 * @param month the month, in the report's time zone
 * @param surveys how many were answered
 * @param averageRating their average rating, or {@code null} when there were none
 */
public record MonthlySatisfaction(YearMonth month, long surveys, @Nullable Double averageRating) {

}
