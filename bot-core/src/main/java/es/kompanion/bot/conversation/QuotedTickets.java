package es.kompanion.bot.conversation;

import java.util.Optional;

import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.ChatAccount;

/**
 * Which ticket a message a client replied to belongs to: a bot message sent about a
 * ticket, or one of the client's own messages stored on a ticket.
 */
final class QuotedTickets {

	private QuotedTickets() {
	}

	static Optional<Long> of(SentMessages sent, Tickets tickets, ChatAccount account, String quotedRef, Long clientId) {
		Optional<Long> fromBot = sent.ticketOf(account.channel(), account.chatId(), quotedRef);
		if (fromBot.isPresent()) {
			return fromBot;
		}
		return tickets.ticketOfClientMessage(clientId, ConversationEngine.externalRef(account, quotedRef));
	}

}
