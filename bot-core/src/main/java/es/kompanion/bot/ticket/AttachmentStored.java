package es.kompanion.bot.ticket;

/**
 * A file's bytes are in the file store; the other side can now receive it.
 */
public record AttachmentStored(Long attachmentId, Long ticketId, AttachmentDirection direction) {

}
