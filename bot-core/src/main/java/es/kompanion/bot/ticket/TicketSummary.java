package es.kompanion.bot.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import es.kompanion.bot.user.Channel;
import es.kompanion.bot.user.Department;

/**
 * A read-only view of a ticket with the client it belongs to, safe to hand to other
 * modules.
 */
public record TicketSummary(Long id, long number, Long clientId, String clientName, @Nullable String company,
		Department department, TicketStatus status, String description, Channel originChannel,
		@Nullable String staffThreadRef, Instant createdAt, Instant updatedAt) {

	/**
	 * The number as people see it, such as {@code #1042}.
	 */
	public String label() {
		return "#" + this.number;
	}

}
