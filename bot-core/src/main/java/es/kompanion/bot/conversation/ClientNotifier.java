package es.kompanion.bot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import es.kompanion.bot.delivery.DeliveryFailed;
import es.kompanion.bot.delivery.Outbox;
import es.kompanion.bot.survey.Surveys;
import es.kompanion.bot.ticket.AttachmentDirection;
import es.kompanion.bot.ticket.AttachmentFailed;
import es.kompanion.bot.ticket.AttachmentStored;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.ticket.StaffReplied;
import es.kompanion.bot.ticket.TicketAttachment;
import es.kompanion.bot.ticket.TicketStatus;
import es.kompanion.bot.ticket.TicketStatusChanged;
import es.kompanion.bot.ticket.TicketSummary;
import es.kompanion.bot.ticket.Tickets;
import es.kompanion.bot.user.ChatIdentity;
import es.kompanion.bot.user.Client;
import es.kompanion.bot.user.Clients;

/**
 * Tells a client, in every chat they linked, what staff did on their tickets: answers,
 * status changes and, on closing, the survey. Runs inside the transaction of the change,
 * so the messages are queued if and only if the change is stored.
 */
@Component
class ClientNotifier {

	private final Tickets tickets;

	private final Surveys surveys;

	private final Clients clients;

	private final Replies replies;

	private final Outbox outbox;

	private final Attachments attachments;

	ClientNotifier(Tickets tickets, Surveys surveys, Clients clients, Replies replies, Outbox outbox,
			Attachments attachments) {
		this.attachments = attachments;
		this.tickets = tickets;
		this.surveys = surveys;
		this.clients = clients;
		this.replies = replies;
		this.outbox = outbox;
	}

	@EventListener
	void on(StaffReplied event) {
		TicketSummary ticket = this.tickets.summary(event.ticketId());
		String body = this.tickets.message(event.messageId()).getBody();
		if (body.isBlank()) {
			// Only files: each one is sent once it is stored.
			return;
		}
		tell(event.clientId(), (locale) -> this.replies.staffReply(locale, ticket, body));
	}

	@EventListener
	void on(TicketStatusChanged event) {
		if (event.actor().isClient()) {
			return;
		}
		TicketSummary ticket = this.tickets.summary(event.ticketId());
		if (event.to() == TicketStatus.CLOSED && this.surveys.find(ticket.id()).isEmpty()) {
			tell(event.clientId(), (locale) -> this.replies.surveyPrompt(locale, ticket));
		}
		else {
			tell(event.clientId(), (locale) -> this.replies.statusChanged(locale, ticket));
		}
	}

	/**
	 * A file staff put on a ticket is stored: it goes to the client with a line saying
	 * which ticket it belongs to.
	 */
	@EventListener
	void on(AttachmentStored event) {
		if (event.direction() != AttachmentDirection.FROM_STAFF) {
			return;
		}
		TicketAttachment attachment = this.attachments.find(event.attachmentId()).orElseThrow();
		TicketSummary ticket = this.tickets.summary(event.ticketId());
		OutboundFile file = new OutboundFile(attachment.getId(), attachment.getFileName(), attachment.getMediaType(),
				attachment.getSize(), String.valueOf(attachment.getStorageKey()));
		tell(ticket.clientId(), (locale) -> this.replies.staffFile(locale, ticket, file));
	}

	/**
	 * A file the client sent could not be fetched: they hear it, so they can send a link
	 * instead.
	 */
	@EventListener
	void on(AttachmentFailed event) {
		if (event.direction() != AttachmentDirection.FROM_CLIENT) {
			return;
		}
		TicketSummary ticket = this.tickets.summary(event.ticketId());
		tell(ticket.clientId(),
				(locale) -> new Reply(
						this.replies.notice(locale, "files.failed", event.fileName(), ticket.label()).text(), List.of(),
						ticket.id()));
	}

	/**
	 * A reply about a ticket that a channel refused for good is recorded on the ticket,
	 * so staff see it.
	 */
	@EventListener
	void on(DeliveryFailed event) {
		if (event.payload() instanceof ClientDelivery delivery && delivery.reply().ticketId() != null) {
			this.tickets.recordClientUnreachable(delivery.reply().ticketId(), event.topic(), event.reason());
		}
	}

	private void tell(Long clientId, Function<Locale, Reply> message) {
		Client client = this.clients.find(clientId).orElseThrow();
		Reply reply = message.apply(Texts.locale(client.getLanguage()));
		if (!client.isActive()) {
			// A deactivated client no longer uses the bot: staff hear that the answer did
			// not go.
			if (reply.ticketId() != null && !reply.text().plainText().isBlank()) {
				this.tickets.recordClientUnreachable(reply.ticketId(), "CHAT", "client deactivated");
			}
			return;
		}
		for (ChatIdentity identity : this.clients.identitiesOf(clientId)) {
			this.outbox.enqueue(identity.getChannel().name(),
					ClientDelivery.streamKey(identity.getChannel(), identity.getChatId()),
					new ClientDelivery(identity.getChatId(), reply));
		}
	}

}
