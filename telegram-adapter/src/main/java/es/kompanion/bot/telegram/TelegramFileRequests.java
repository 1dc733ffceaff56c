package es.kompanion.bot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import es.kompanion.bot.delivery.DeliveryFailed;
import es.kompanion.bot.delivery.Outbox;
import es.kompanion.bot.telegram.config.ConditionalOnTelegram;
import es.kompanion.bot.ticket.AttachmentAdded;
import es.kompanion.bot.ticket.Attachments;
import es.kompanion.bot.user.Channel;

/**
 * Queues the fetch of every file a client sent on Telegram, in the transaction that put
 * it on a ticket, and marks the file as failed when the outbox gives its fetch up.
 */
@Component
@ConditionalOnTelegram
class TelegramFileRequests {

	private static final Logger log = LoggerFactory.getLogger(TelegramFileRequests.class);

	private final Outbox outbox;

	private final Attachments attachments;

	TelegramFileRequests(Outbox outbox, Attachments attachments) {
		this.outbox = outbox;
		this.attachments = attachments;
	}

	@EventListener
	void on(AttachmentAdded event) {
		if (event.sourceChannel() != Channel.TELEGRAM) {
			return;
		}
		this.outbox.enqueue(TelegramFileFetch.TOPIC, TelegramFileFetch.streamKey(event.ticketId()),
				new TelegramFileFetch(event.attachmentId()));
	}

	@EventListener
	void on(DeliveryFailed event) {
		if (!TelegramFileFetch.TOPIC.equals(event.topic()) || !(event.payload() instanceof TelegramFileFetch fetch)) {
			return;
		}
		if (this.attachments.find(fetch.attachmentId()).isEmpty()) {
			log.debug("Attachment {} is gone; nothing to mark as failed", fetch.attachmentId());
			return;
		}
		this.attachments.failed(fetch.attachmentId(), event.reason());
	}

}
