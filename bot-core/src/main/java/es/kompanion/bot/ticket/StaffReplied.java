package es.kompanion.bot.ticket;

/**
 * Staff answered a ticket; the client should hear about it.
 */
public record StaffReplied(Long ticketId, Long messageId, Long clientId) {

}
