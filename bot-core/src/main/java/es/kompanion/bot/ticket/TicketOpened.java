package es.kompanion.bot.ticket;

/**
 * A client opened a ticket.
 */
public record TicketOpened(Long ticketId, long number, Long clientId) {

}
