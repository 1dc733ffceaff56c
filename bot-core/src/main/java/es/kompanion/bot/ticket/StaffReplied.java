package es.kompanion.bot.ticket;

/**
 * Staff answered a ticket; the client should hear about it.
 *
 * @param actor who answered, and so where: {@code slack:U024BE7LH} wrote in the ticket's
 * Slack thread, {@code staff:42} in the admin web
 */
public record StaffReplied(Long ticketId, Long messageId, Long clientId, Actor actor) {

}
