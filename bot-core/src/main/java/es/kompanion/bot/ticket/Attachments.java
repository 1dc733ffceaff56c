package es.kompanion.bot.ticket;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files on tickets. Channels announce files through {@link Tickets}; the channel a
 * file came from fetches it on {@link AttachmentAdded} and reports here, and the other
 * side passes it on after {@link AttachmentStored}.
 */
@Service
public class Attachments {

	private static final Logger log = LoggerFactory.getLogger(Attachments.class);

	private final TicketAttachmentRepository attachments;

	private final TicketRepository tickets;

	private final TicketMessageRepository messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Attachments(TicketAttachmentRepository attachments, TicketRepository tickets, TicketMessageRepository messages,
			ApplicationEventPublisher events, Clock clock) {
		this.attachments = attachments;
		this.tickets = tickets;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<TicketAttachment> find(Long attachmentId) {
		return this.attachments.findById(attachmentId);
	}

	@Transactional(readOnly = true)
	public List<TicketAttachment> ofMessage(Long messageId) {
		return this.attachments.findByMessageIdOrderById(messageId);
	}

	@Transactional(readOnly = true)
	public List<TicketAttachment> ofTicket(Long ticketId) {
		return this.attachments.findByTicketIdOrderById(ticketId);
	}

	/**
	 * The file's bytes are in the file store under the key. Reporting it twice changes
	 * nothing the second time.
	 */
	@Transactional
	public void stored(Long attachmentId, String storageKey, long size) {
		stored(attachmentId, storageKey, size, null, null);
	}

	/**
	 * As {@link #stored(Long, String, long)}, with the name and media type the channel
	 * gave when the file was fetched, for a file announced without them.
	 */
	@Transactional
	public void stored(Long attachmentId, String storageKey, long size, @Nullable String name,
			@Nullable String mediaType) {
		TicketAttachment attachment = this.attachments.findById(attachmentId).orElseThrow();
		if (name != null && mediaType != null && attachment.getStatus() == AttachmentStatus.PENDING) {
			attachment.describe(name, mediaType);
		}
		if (attachment.store(storageKey, size, this.clock.instant())) {
			log.debug("Attachment {} stored ({} bytes)", attachmentId, size);
			this.events.publishEvent(
					new AttachmentStored(attachment.getId(), attachment.getTicketId(), attachment.getDirection()));
		}
	}

	/**
	 * A stored file could not be handed to the other side (such as the staff thread) and
	 * will not be: the ticket records it, so staff find it on the ticket's page.
	 * @param where the channel that refused it
	 */
	@Transactional
	public void notDelivered(Long attachmentId, String where, String reason) {
		TicketAttachment attachment = this.attachments.findById(attachmentId).orElseThrow();
		this.messages.save(new TicketMessage(attachment.getTicketId(), Actor.system(),
				"file " + attachment.getFileName() + " not delivered to " + where + ": " + reason, null,
				this.clock.instant()));
		log.warn("Attachment {} could not be delivered to {}", attachmentId, where);
	}

	/**
	 * The file could not be fetched and will not be; the ticket records it so staff see
	 * it.
	 */
	@Transactional
	public void failed(Long attachmentId, String reason) {
		TicketAttachment attachment = this.attachments.findById(attachmentId).orElseThrow();
		if (!attachment.fail(reason)) {
			return;
		}
		Ticket ticket = this.tickets.findById(attachment.getTicketId()).orElseThrow();
		this.messages.save(new TicketMessage(ticket.getId(), Actor.system(),
				"file " + attachment.getFileName() + " could not be fetched: " + reason, null, this.clock.instant()));
		log.warn("Ticket {}: attachment {} could not be fetched", ticket.getNumber(), attachmentId);
		this.events.publishEvent(new AttachmentFailed(attachment.getId(), ticket.getId(), attachment.getDirection(),
				attachment.getFileName(), reason));
	}

}
