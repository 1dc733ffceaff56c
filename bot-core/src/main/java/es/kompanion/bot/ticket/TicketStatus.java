package es.kompanion.bot.ticket;

/**
 * The life of a ticket: {@code OPEN} while the firm works on it, {@code PENDING_CLIENT}
 * while it waits for the client, {@code CLOSED} when resolved.
 */
public enum TicketStatus {

	OPEN, PENDING_CLIENT, CLOSED

}
