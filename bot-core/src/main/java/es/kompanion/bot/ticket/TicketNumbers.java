package es.kompanion.bot.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out short, sequential ticket numbers without gaps: the counter row is locked
 * until the ticket's transaction commits, so a rolled-back ticket gives its number back.
 */
@Component
class TicketNumbers {

	private final JdbcTemplate jdbc;

	TicketNumbers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	long next() {
		Long next = this.jdbc.queryForObject("SELECT next_value FROM ticket_counter WHERE name = 'ticket' FOR UPDATE",
				Long.class);
		if (next == null) {
			throw new IllegalStateException("Ticket counter is missing");
		}
		this.jdbc.update("UPDATE ticket_counter SET next_value = ? WHERE name = 'ticket'", next + 1);
		return next;
	}

}
