package es.kompanion.bot.admin.ticket;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.user.Department;

/**
 * One line of the ticket list, with its dates in the firm's time zone.
 */
record TicketRow(Long id, String label, TicketStatus status, Department department, Long clientId, String clientName,
		@Nullable String company, LocalDateTime created, LocalDateTime updated, String preview) {

	static final int PREVIEW_LENGTH = 90;

	static TicketRow of(TicketSummary ticket) {
		return new TicketRow(ticket.id(), ticket.label(), ticket.status(), ticket.department(), ticket.clientId(),
				ticket.clientName(), ticket.company(), FirmTime.of(ticket.createdAt()), FirmTime.of(ticket.updatedAt()),
				preview(ticket.description()));
	}

	static String preview(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		if (line.codePointCount(0, line.length()) <= PREVIEW_LENGTH) {
			return line;
		}
		return line.substring(0, line.offsetByCodePoints(0, PREVIEW_LENGTH - 1)) + "…";
	}

}
