package es.kompanion.bot.ticket;

/**
 * A message about a ticket could not be delivered to the client, for example because they
 * blocked the bot. Staff should hear about it, so that nothing fails silently.
 *
 * @param channel the channel the message was meant for, such as {@code TELEGRAM}
 * @param reason what the platform said, free of personal data
 */
public record ClientUnreachable(Long ticketId, long number, String channel, String reason) {

}
