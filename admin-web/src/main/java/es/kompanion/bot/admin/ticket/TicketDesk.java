package es.kompanion.bot.admin.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import es.kompanion.bot.audit.AuditLog;
import es.kompanion.bot.ticket.Actor;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;

/**
 * What staff do to a ticket from the web, each change stored together with its audit
 * entry. The client hears about it exactly as about a change made in Slack.
 */
@Service
class TicketDesk {

	private final Tickets tickets;

	private final AuditLog audit;

	TicketDesk(Tickets tickets, AuditLog audit) {
		this.tickets = tickets;
		this.audit = audit;
	}

	@Transactional
	void reply(Long ticketId, StaffMember staff, String text) {
		this.tickets.addStaffReply(ticketId, Actor.staffMember(staff.id()), text, null);
		this.audit.record(staff.email(), "ticket.replied", "ticket:" + ticketId, null);
	}

	/**
	 * @return {@code false} if the ticket already had that status
	 * @throws IllegalStateException if the rules forbid the move
	 */
	@Transactional
	boolean changeStatus(Long ticketId, TicketStatus target, StaffMember staff) {
		TicketSummary ticket = this.tickets.summary(ticketId);
		if (!this.tickets.changeStatus(ticketId, target, Actor.staffMember(staff.id()))) {
			return false;
		}
		this.audit.record(staff.email(), "ticket.status-changed", "ticket:" + ticketId,
				ticket.status() + " -> " + target);
		return true;
	}

	/**
	 * The signed-in staff member, as the desk records them: by id on the ticket, by email
	 * in the audit log.
	 */
	record StaffMember(Long id, String email) {

	}

}
