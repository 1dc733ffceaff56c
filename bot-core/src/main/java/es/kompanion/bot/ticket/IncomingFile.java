package es.kompanion.bot.ticket;

/**
 * A file announced by a channel, not fetched yet.
 *
 * @param sourceRef the channel's id to fetch it with, such as a Telegram {@code file_id}
 * @param fileName its name, made up by the channel when the platform gives none
 * @param mediaType its media type
 * @param size its size in bytes, or -1 when the platform does not say
 */
public record IncomingFile(String sourceRef, String fileName, String mediaType, long size) {

}
