package es.kompanion.bot.slack.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.user.Department;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.user.Channel;

final class TicketFixtures {

	static final String THREAD = "1712345678.000100";

	private TicketFixtures() {
	}

	static TicketSummary ticket(TicketStatus status, @Nullable String thread) {
		return ticket(status, "Necesito el modelo 303 <urgente> & ya", thread);
	}

	static TicketSummary ticketDescribedAs(String description, @Nullable String thread) {
		return ticket(TicketStatus.OPEN, description, thread);
	}

	/**
	 * Another ticket of the same client, without a staff thread.
	 */
	static TicketSummary numbered(Long id, long number, TicketStatus status) {
		Instant created = Instant.parse("2026-12-01T09:30:00Z");
		return new TicketSummary(id, number, 3L, "Ana <García> & Co", "Talleres Ana S.L.", Department.ACCOUNTING_TAX,
				status, "Otra vez el modelo 303", Channel.TELEGRAM, null, created, created);
	}

	private static TicketSummary ticket(TicketStatus status, String description, @Nullable String thread) {
		Instant created = Instant.parse("2026-12-01T09:30:00Z");
		return new TicketSummary(7L, 1042, 3L, "Ana <García> & Co", "Talleres Ana S.L.", Department.ACCOUNTING_TAX,
				status, description, Channel.TELEGRAM, thread, created, created);
	}

}
