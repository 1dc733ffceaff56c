package es.kompanion.bot.conversation;

import org.jspecify.annotations.Nullable;

/**
 * A file a client sent, described by its channel; the engine decides what to do with it.
 *
 * @param ref the channel's reference to fetch it later
 * @param name the file name, if the channel gives one
 * @param mediaType the media type, if the channel gives one
 * @param size the size in bytes, or -1 if unknown
 */
public record InboundFile(String ref, @Nullable String name, @Nullable String mediaType, long size) {

}
