package es.kompanion.bot.slack.ticket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import es.kompanion.bot.delivery.DeliveryFailed;
import es.kompanion.bot.delivery.Outbox;
import es.kompanion.bot.slack.ConditionalOnSlackStaffChannel;
import es.kompanion.bot.ticket.AttachmentAdded;
import es.kompanion.bot.ticket.AttachmentStatus;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.user.Channel;

/**
 * Queues the fetch of each file announced from Slack, inside the transaction that
 * announced it, and records a fetch that was given up as a failed file, so that the
 * ticket shows it and the staff thread hears of it.
 */
@Component
@ConditionalOnSlackStaffChannel
class StaffFileFetches {

	private static final Logger log = LoggerFactory.getLogger(StaffFileFetches.class);

	private final Outbox outbox;

	private final Attachments attachments;

	StaffFileFetches(Outbox outbox, Attachments attachments) {
		this.outbox = outbox;
		this.attachments = attachments;
	}

	@EventListener
	void on(AttachmentAdded event) {
		if (event.sourceChannel() == Channel.SLACK) {
			this.outbox.enqueue(SlackFileFetch.TOPIC, SlackFileFetch.streamKey(event.ticketId()),
					new SlackFileFetch(event.attachmentId(), event.ticketId()));
		}
	}

	/**
	 * Runs in the outbox's transaction; an attachment that is gone or already settled is
	 * left alone, so that nothing here can undo the outbox's record of the failure.
	 */
	@EventListener
	void on(DeliveryFailed event) {
		if (event.payload() instanceof StaffDeskUpdate update && update.kind() == StaffDeskUpdate.Kind.POST_FILE
				&& update.attachmentId() != null) {
			// A client's file that never made it into the thread stays findable on the
			// ticket.
			this.attachments.notDelivered(update.attachmentId(), "SLACK", event.reason());
			return;
		}
		if (!SlackFileFetch.TOPIC.equals(event.topic()) || !(event.payload() instanceof SlackFileFetch fetch)) {
			return;
		}
		boolean pending = this.attachments.find(fetch.attachmentId())
			.filter((attachment) -> attachment.getStatus() == AttachmentStatus.PENDING)
			.isPresent();
		if (pending) {
			this.attachments.failed(fetch.attachmentId(), event.reason());
		}
		else {
			log.debug("Attachment {} was settled before its fetch was given up", fetch.attachmentId());
		}
	}

}
