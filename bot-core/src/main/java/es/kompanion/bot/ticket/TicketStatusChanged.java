package es.kompanion.bot.ticket;

/**
 * A ticket moved from one status to another, by someone.
 */
public record TicketStatusChanged(Long ticketId, long number, Long clientId, TicketStatus from, TicketStatus to,
		Actor actor) {

}
