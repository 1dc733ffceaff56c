package es.kompanion.bot.ticket;

import org.jspecify.annotations.Nullable;

/**
 * Where a client's message on a ticket ended up.
 *
 * @param kind what happened
 * @param ticket the ticket that holds the message now
 * @param messageId the ticket message that holds what the client wrote
 * @param previous for a follow-up, the closed ticket it continues
 */
public record ClientPostOutcome(Kind kind, TicketSummary ticket, Long messageId, @Nullable TicketSummary previous) {

	public enum Kind {

		/** Added to a ticket that was not closed. */
		ADDED,

		/** The ticket was closed recently and is open again with the message. */
		REOPENED,

		/** The ticket was closed too long ago; a new one continues it. */
		FOLLOW_UP

	}

}
