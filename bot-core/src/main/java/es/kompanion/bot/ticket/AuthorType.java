package es.kompanion.bot.ticket;

/**
 * Who wrote a {@link TicketMessage}.
 */
public enum AuthorType {

	/** The client, from any channel. */
	CLIENT,
	/** Staff, answering the client. */
	STAFF,
	/** Staff, an internal note the client never sees. */
	NOTE,
	/** The bot, recording an event such as a status change. */
	SYSTEM

}
