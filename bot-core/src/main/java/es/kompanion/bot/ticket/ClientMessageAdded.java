package es.kompanion.bot.ticket;

/**
 * A client wrote on an existing ticket.
 */
public record ClientMessageAdded(Long ticketId, Long messageId, Long clientId) {

}
