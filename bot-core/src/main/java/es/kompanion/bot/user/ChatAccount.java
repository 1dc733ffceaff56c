package es.kompanion.bot.user;

import org.jspecify.annotations.Nullable;

/**
 * Who is writing, as a channel sees them: the user id, the chat to answer in and a
 * display name.
 */
public record ChatAccount(Channel channel, String externalUserId, String chatId, @Nullable String displayName) {

}
