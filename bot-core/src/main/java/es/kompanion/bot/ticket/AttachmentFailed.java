package es.kompanion.bot.ticket;

/**
 * A file could not be fetched from the channel it came from, for good.
 */
public record AttachmentFailed(Long attachmentId, Long ticketId, AttachmentDirection direction, String fileName,
		String reason) {

}
