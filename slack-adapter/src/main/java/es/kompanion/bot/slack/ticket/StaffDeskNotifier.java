package es.kompanion.bot.slack.ticket;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import es.kompanion.bot.delivery.Outbox;
import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.ticket.AttachmentDirection;
import es.kompanion.bot.ticket.AttachmentFailed;
import es.kompanion.bot.ticket.AttachmentStored;
import es.kompanion.bot.ticket.ClientMessageAdded;
import es.kompanion.bot.ticket.ClientUnreachable;
import es.kompanion.bot.ticket.StaffReplied;
import es.kompanion.bot.ticket.TicketOpened;
import es.kompanion.bot.ticket.TicketStatusChanged;
import es.kompanion.bot.ticket.Tickets;

/**
 * Queues what the staff channel must show about a ticket, inside the transaction of the
 * change, so that an update leaves if and only if the change is stored. Staff replies
 * written in the thread are not echoed; those written in the admin web are posted there.
 * A client's file goes into the thread once it is stored, after whatever was queued for
 * the ticket before; a file that could not be fetched, either way, is noted there.
 */
@Component
@ConditionalOnSlackStaffChannel
class StaffDeskNotifier {

	private final Outbox outbox;

	private final Tickets tickets;

	StaffDeskNotifier(Outbox outbox, Tickets tickets) {
		this.outbox = outbox;
		this.tickets = tickets;
	}

	@EventListener
	void on(TicketOpened event) {
		enqueue(StaffDeskUpdate.postRoot(event.ticketId()));
	}

	@EventListener
	void on(ClientMessageAdded event) {
		if (this.tickets.message(event.messageId()).getBody().isBlank()) {
			// Only files: each one goes into the thread once it is stored.
			return;
		}
		enqueue(StaffDeskUpdate.postInThread(event.ticketId(), event.messageId()));
	}

	@EventListener
	void on(StaffReplied event) {
		if (!event.actor().isSlackUser()) {
			enqueue(StaffDeskUpdate.staffReply(event.ticketId(), event.messageId()));
		}
	}

	@EventListener
	void on(TicketStatusChanged event) {
		enqueue(StaffDeskUpdate.refreshRoot(event.ticketId()));
		enqueue(StaffDeskUpdate.statusNote(event));
	}

	@EventListener
	void on(ClientUnreachable event) {
		enqueue(StaffDeskUpdate.deliveryProblem(event));
	}

	@EventListener
	void on(AttachmentStored event) {
		if (event.direction() == AttachmentDirection.FROM_CLIENT) {
			enqueue(StaffDeskUpdate.postFile(event.ticketId(), event.attachmentId()));
		}
	}

	@EventListener
	void on(AttachmentFailed event) {
		enqueue(StaffDeskUpdate.fileFailed(event.ticketId(), event.attachmentId()));
	}

	private void enqueue(StaffDeskUpdate update) {
		this.outbox.enqueue(StaffDeskUpdate.TOPIC, StaffDeskUpdate.streamKey(update.ticketId()), update);
	}

}
