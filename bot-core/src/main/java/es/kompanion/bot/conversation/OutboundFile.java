package es.kompanion.bot.conversation;

/**
 * A stored file to hand to a client with a reply; the channel reads it from the
 * {@link es.kompanion.bot.file.FileStore}.
 *
 * @param attachmentId the ticket attachment it is
 * @param fileName the name to show
 * @param mediaType its media type, to pick between a photo and a document
 * @param size its length in bytes
 * @param storageKey where the file store keeps it
 */
public record OutboundFile(Long attachmentId, String fileName, String mediaType, long size, String storageKey) {

}
