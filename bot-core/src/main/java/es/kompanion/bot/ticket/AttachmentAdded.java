package es.kompanion.bot.ticket;

import es.kompanion.bot.user.Channel;

/**
 * A file was announced on a ticket; the channel it came from should fetch it into the
 * file store and then call {@link Attachments#stored} or {@link Attachments#failed}.
 */
public record AttachmentAdded(Long attachmentId, Long ticketId, AttachmentDirection direction, Channel sourceChannel) {

}
