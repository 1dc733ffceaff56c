package es.kompanion.bot.ticket;

/**
 * No ticket with that id, or not one the asking client owns: both look the same from
 * outside.
 */
public class TicketNotFoundException extends RuntimeException {

	public TicketNotFoundException(Object ticket) {
		super("No ticket " + ticket);
	}

}
