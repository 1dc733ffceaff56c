package es.kompanion.bot.survey;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.user.Department;

/**
 * One answered survey with its ticket, as the satisfaction export lists it.
 *
 * @param ticketNumber the ticket's number
 * @param department the ticket's department
 * @param company the client's company, if known
 * @param rating from 1 to 5
 * @param comment the client's comment, if any
 * @param answeredAt when the client rated
 * @param firstResponse from opening the ticket to the first staff reply, if there was one
 * @param resolution from opening the ticket to closing it, if it is closed
 */
public record SurveyLine(long ticketNumber, Department department, @Nullable String company, int rating,
		@Nullable String comment, Instant answeredAt, @Nullable Duration firstResponse, @Nullable Duration resolution) {

}
